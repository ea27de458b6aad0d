import { decode } from '../src/decode.js';
import { ErrorCode } from '../src/errors.js';
import { Framer } from '../src/frame.js';
import { CORPUS } from './corpus.js';
import { mutate, rng } from './mutate.js';

const CODES = new Set<string>(Object.values(ErrorCode));

/** CPU time in ms: a slow mutant is one that costs CPU, not one that waited for a busy host. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface FuzzReport {
  runs: number;
  ok: number;
  errors: Record<string, number>;
  ms: number;
  /** Most CPU time one mutant took (decode twice + framer), including any GC it triggered. */
  slowestMs: number;
}

/**
 * Decode `runs` mutants in both modes and push them through a framer. Anything but a value or a
 * typed error — an exception, an unknown code, an offset outside the input — is thrown as a finding.
 */
export function fuzz(runs: number, seed = 1): FuzzReport {
  const rand = rng(seed);
  const errors: Record<string, number> = {};
  const framer = new Framer();
  let ok = 0;
  let slowestMs = 0;
  const t0 = performance.now();
  for (let k = 0; k < runs; k++) {
    const input = mutate(CORPUS[k % CORPUS.length]!, rand);
    const t = cpuMs();
    for (const strict of [false, true]) {
      let r: ReturnType<typeof decode>;
      try {
        r = decode(input, { strict });
      } catch (e) {
        throw new Error(`decode threw on mutant ${k} (seed ${seed}): ${String(e)}\n${hex(input)}`);
      }
      if (r.ok) {
        if (strict) continue;
        ok++;
      } else {
        if (!CODES.has(r.code) || !Number.isInteger(r.offset) || r.offset < 0 || r.offset > input.length) {
          throw new Error(`bad error value on mutant ${k}: ${JSON.stringify(r)}\n${hex(input)}`);
        }
        if (!strict) errors[r.code] = (errors[r.code] ?? 0) + 1;
      }
    }
    for (const ev of framer.push(input)) if (ev.type === 'frame') decode(ev.bytes);
    slowestMs = Math.max(slowestMs, cpuMs() - t);
  }
  framer.end();
  return { runs, ok, errors, ms: performance.now() - t0, slowestMs };
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
