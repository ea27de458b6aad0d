import { registryPollutant } from '../registry/pollutants';
import type { PreparedRule } from './prepare';
import { HOUR_MS } from './runs';
import { filingNote } from './text';
import type { AnomalyFinding, AnomalyRuleCode, HourValue, MonitorWindow } from './types';

/** HJ 212-2017 code of the flue-gas O2 content (%). */
export const O2_CODE = 'a19001';

/** Bits of `WindowContext.state`. */
export const PRESENT = 1;
/** Flag N, T (above range, value kept) or none: the unit reports the value as measured operating data. */
export const MEASURED = 2;
/** The hour met the validity rules (`HourValue.valid`). */
export const VALID = 4;

/** What a code measures (see `codeKind`). */
export const CONCENTRATION = 1;
export const FLOW = 2;
export const O2 = 3;
export const PARAMETER = 4;

/**
 * A window prepared once for all rules. Hot loops read typed arrays only (no property lookups, no
 * calls into other modules): for the column of code `codes[j]` and hour `i`, the cell is at
 * `offsets[j] + i` in `avg`, `zs`, `state` and `flag`. The arrays are module scratch reused by the
 * next window: a context is valid only during its `evaluateAnomalies` call.
 */
export interface WindowContext {
  readonly window: MonitorWindow;
  readonly nowMs: number;
  /** Number of hours. */
  readonly n: number;
  /** Hour starts (ms), index-aligned with `window.hours`. */
  readonly times: Float64Array;
  /** Pollutant codes present in any hour, sorted (the order findings are listed in). */
  readonly codes: readonly string[];
  /** Column offset of `codes[j]`. */
  readonly offsets: readonly number[];
  /** `CONCENTRATION` | `FLOW` | `O2` | `PARAMETER` of `codes[j]`. */
  readonly kinds: readonly number[];
  /** Hourly average; NaN where absent, null or not finite. */
  readonly avg: Float64Array;
  /** ZsAvg; NaN where absent. */
  readonly zs: Float64Array;
  /** `PRESENT | MEASURED | VALID` bits. */
  readonly state: Uint8Array;
  /** Char code of a one-letter ASCII flag (78 = N), 0 for none, 63 (`?`) for anything else. */
  readonly flag: Uint8Array;
  /** Approved filings, ms. */
  readonly filings: readonly { id: number; start: number; end: number }[];
}

let avgBuf = new Float64Array(0);
let zsBuf = new Float64Array(0);
let stateBuf = new Uint8Array(0);
let flagBuf = new Uint8Array(0);

function ensureCapacity(size: number, used: number): void {
  if (avgBuf.length >= size) return;
  const cap = Math.max(size, avgBuf.length * 2, 1024);
  const a = new Float64Array(cap);
  const z = new Float64Array(cap);
  const s = new Uint8Array(cap);
  const f = new Uint8Array(cap);
  a.set(avgBuf.subarray(0, used));
  z.set(zsBuf.subarray(0, used));
  s.set(stateBuf.subarray(0, used));
  f.set(flagBuf.subarray(0, used));
  avgBuf = a;
  zsBuf = z;
  stateBuf = s;
  flagBuf = f;
}

const KIND_CACHE = new Map<string, number>();

/**
 * What a code measures. Concentration: registry role 'pollutant', or a code the registry does not
 * know (mercury…). Parameters (temperature, pressure, humidity, velocity, pH) are judged only by
 * out-of-range: humidity is often a set constant, gauge pressure may be negative.
 */
export function codeKind(code: string, flowCode: string): number {
  if (code === flowCode) return FLOW;
  if (code === O2_CODE) return O2;
  let k = KIND_CACHE.get(code);
  if (k === undefined) {
    const r = registryPollutant(code);
    k = r === undefined || r.role === 'pollutant' ? CONCENTRATION : r.role === 'flow' ? FLOW : PARAMETER;
    KIND_CACHE.set(code, k);
  }
  // A flow code other than this monitor's (e.g. w00000 on an air monitor) is not its flow.
  return k === FLOW ? PARAMETER : k;
}

export function buildContext(window: MonitorWindow, now: Date): WindowContext {
  const hours = window.hours;
  const n = hours.length;
  const times = new Float64Array(n);
  // Codes in discovery order and their column offsets. Hours usually list the same codes in the
  // same order, so the code at position p is first compared with the p-th known one.
  const found: string[] = [];
  const foundAt: number[] = [];
  let used = 0;
  for (let i = 0; i < n; i++) {
    const h = hours[i] as HourSampleLike;
    times[i] = h.hour.getTime();
    const values = h.values;
    let p = 0;
    for (const code in values) {
      let o: number;
      if (found[p] === code) {
        o = foundAt[p] as number;
      } else {
        const j = found.indexOf(code);
        if (j >= 0) {
          o = foundAt[j] as number;
        } else {
          o = used;
          used += n;
          ensureCapacity(used, o);
          avgBuf.fill(Number.NaN, o, used);
          zsBuf.fill(Number.NaN, o, used);
          stateBuf.fill(0, o, used);
          flagBuf.fill(0, o, used);
          found.push(code);
          foundAt.push(o);
        }
      }
      p++;
      const c = values[code] as HourValue;
      const at = o + i;
      const a = c.avg;
      if (typeof a === 'number' && a - a === 0) avgBuf[at] = a;
      const z = c.zsAvg;
      if (typeof z === 'number' && z - z === 0) zsBuf[at] = z;
      const f = c.flag;
      let fc = 0;
      if (typeof f === 'string' && f.length > 0)
        fc = f.length === 1 && f.charCodeAt(0) < 128 ? f.charCodeAt(0) : 63;
      flagBuf[at] = fc;
      stateBuf[at] = PRESENT | (fc === 0 || fc === 78 || fc === 84 ? MEASURED : 0) | (c.valid ? VALID : 0);
    }
  }
  const order = found.map((_, j) => j).sort((x, y) => ((found[x] as string) < (found[y] as string) ? -1 : 1));
  const codes = order.map((j) => found[j] as string);
  const offsets = order.map((j) => foundAt[j] as number);
  const kinds = codes.map((c) => codeKind(c, window.flowCode));
  const filings =
    window.filings === undefined || window.filings.length === 0
      ? NO_FILINGS
      : window.filings.map((f) => ({ id: f.id, start: f.startsAt.getTime(), end: f.endsAt.getTime() }));
  return {
    window,
    nowMs: now.getTime(),
    n,
    times,
    codes,
    offsets,
    kinds,
    avg: avgBuf,
    zs: zsBuf,
    state: stateBuf,
    flag: flagBuf,
    filings,
  };
}

const NO_FILINGS: readonly { id: number; start: number; end: number }[] = Object.freeze([]);

type HourSampleLike = MonitorWindow['hours'][number];

/** Column offset of a code, or -1 when no hour has it. */
export function offsetOf(ctx: WindowContext, code: string): number {
  const j = ctx.codes.indexOf(code);
  return j < 0 ? -1 : (ctx.offsets[j] as number);
}

/** The original cell (for evidence). */
export function cellAt(ctx: WindowContext, code: string, i: number): HourValue | undefined {
  return ctx.window.hours[i]?.values[code];
}

/** A finite number (null, undefined, NaN and ±Infinity are not). */
export const isNum = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v);

/** The filing overlapping [start, end) the most (ties: the earlier one as listed), or null. */
export function filingFor(ctx: WindowContext, start: number, end: number): number | null {
  let best: number | null = null;
  let bestOverlap = 0;
  for (const f of ctx.filings) {
    const overlap = Math.min(end, f.end) - Math.max(start, f.start);
    if (overlap > bestOverlap) {
      best = f.id;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** Hours any filing overlaps, as a 0/1 array aligned with `times` (null when there are no filings). */
export function filedHours(ctx: WindowContext): Uint8Array | null {
  if (ctx.filings.length === 0) return null;
  const out = new Uint8Array(ctx.n);
  for (let i = 0; i < ctx.n; i++) {
    const t = ctx.times[i] as number;
    for (const f of ctx.filings) if (f.start < t + HOUR_MS && f.end > t) out[i] = 1;
  }
  return out;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * `toISOString()` of an instant, by arithmetic (the evidence lists print one per hour, and the
 * built-in is slow): days → civil date after H. Hinnant's `civil_from_days`. Outside 1970-9999
 * or for a fractional ms it defers to the built-in.
 */
export function iso(ms: number): string {
  if (!(ms >= 0 && ms < 253_402_300_800_000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  const msText = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}.${msText}Z`;
}

/** Assembles a finding over [start, end) ms; the filing (if any) is named at the end of the text. */
export function makeFinding(
  ctx: WindowContext,
  rule: AnomalyRuleCode,
  pollutant: string | null,
  start: number,
  end: number,
  evidence: Record<string, unknown>,
  text: string,
): AnomalyFinding {
  const filingId = filingFor(ctx, start, end);
  return {
    rule,
    monitorId: ctx.window.monitorId,
    pollutant,
    start: new Date(start),
    end: new Date(end),
    evidence,
    text: text + filingNote(filingId),
    filingId,
  };
}

/** One rule over one prepared window; appends its findings in (pollutant, start) order. */
export type RuleEvaluator = (ctx: WindowContext, rule: PreparedRule, out: AnomalyFinding[]) => void;
