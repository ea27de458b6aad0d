// Sums over the samples of a period, per reported quantity, mergeable so a day is the sum of its
// hours. Turned into the fields of a 2051/2061/2031 upload by periodFields().
import { hasAmount } from './pollutant-models.js';
import type { Sample, UnitSignal } from './signal.js';
import type { PollutantFields } from './types.js';

/** Flags whose values count for averages (HJ 212 flag N; T keeps its value too). */
const VALID = new Set(['N', 'T']);
/** Share of valid samples a period needs to keep flag N (45 of 60 minutes, HJ 75-2017). */
const VALID_SHARE = 0.75;

interface Acc {
  n: number;
  sum: number;
  min: number;
  max: number;
  /** Σ O2 over the same samples, for the O2 correction of the average. */
  o2: number;
  /** Σ concentration × flow × dt (mg), for the amount. */
  mass: number;
  /** Σ flow × dt (m³ air; L water). */
  volume: number;
}

export interface PeriodStats {
  samples: number;
  valid: Acc[];
  all: Acc[];
  flags: Record<string, number>[];
}

const acc = (): Acc => ({ n: 0, sum: 0, min: Infinity, max: -Infinity, o2: 0, mass: 0, volume: 0 });

function add(a: Acc, v: number, s: Sample, dt: number): void {
  a.n++;
  a.sum += v;
  if (v < a.min) a.min = v;
  if (v > a.max) a.max = v;
  a.o2 += s.o2;
  a.mass += v * s.flow * dt;
  a.volume += s.flow * dt;
}

function merge(a: Acc, b: Acc): void {
  a.n += b.n;
  a.sum += b.sum;
  a.min = Math.min(a.min, b.min);
  a.max = Math.max(a.max, b.max);
  a.o2 += b.o2;
  a.mass += b.mass;
  a.volume += b.volume;
}

export function emptyStats(width: number): PeriodStats {
  return {
    samples: 0,
    valid: Array.from({ length: width }, acc),
    all: Array.from({ length: width }, acc),
    flags: Array.from({ length: width }, () => ({})),
  };
}

/** Adds samples taken every `dtSeconds`. */
export function addSamples(stats: PeriodStats, samples: readonly Sample[], dtSeconds: number): PeriodStats {
  for (const s of samples) {
    stats.samples++;
    s.values.forEach((v, i) => {
      const flag = s.flags[i] ?? 'N';
      add(stats.all[i]!, v, s, dtSeconds);
      if (VALID.has(flag)) add(stats.valid[i]!, v, s, dtSeconds);
      const f = stats.flags[i]!;
      f[flag] = (f[flag] ?? 0) + 1;
    });
  }
  return stats;
}

export function mergeStats(into: PeriodStats, other: PeriodStats): PeriodStats {
  into.samples += other.samples;
  other.all.forEach((a, i) => {
    merge(into.all[i]!, a);
  });
  other.valid.forEach((a, i) => {
    merge(into.valid[i]!, a);
  });
  other.flags.forEach((f, i) => {
    const t = into.flags[i]!;
    for (const [k, n] of Object.entries(f)) t[k] = (t[k] ?? 0) + n;
  });
  return into;
}

/** Rounds to `d` decimals, never writing -0. */
export function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f || 0;
}

/** An amount in kg to four significant digits (at most 4 decimals): short packets, no false precision. */
function roundAmount(kg: number): number {
  const magnitude = kg > 0 ? Math.floor(Math.log10(kg)) : 0;
  return round(kg, Math.min(4, Math.max(0, 3 - magnitude)));
}

/**
 * The upload fields per code: Min/Avg/Max over the valid samples (all samples when none is valid),
 * ZsAvg for O2-corrected profiles, Cou (pollutants kg, flow m³), and Flag: N when at least 75 % of
 * the samples are valid, otherwise the most frequent other flag. Null when there was no sample.
 */
export function periodFields(signal: UnitSignal, stats: PeriodStats): Record<string, PollutantFields> | null {
  if (stats.samples === 0) return null;
  const water = signal.profile.medium === 'water';
  const out: Record<string, PollutantFields> = {};
  signal.models.forEach((m, i) => {
    const valid = stats.valid[i]!;
    const use = valid.n > 0 ? valid : stats.all[i]!;
    const all = stats.all[i]!;
    const avg = use.sum / use.n;
    const fields: PollutantFields = {};
    if (hasAmount(m)) {
      if (m.role === 'flow') fields.Cou = round(water ? all.volume / 1000 : all.volume, water ? 2 : 0);
      // Valid samples carry their own mass; invalid ones are filled with the average (mg → kg).
      else fields.Cou = roundAmount((use.mass + avg * (all.volume - use.volume)) / 1e6);
    }
    fields.Min = round(use.min, m.decimals);
    fields.Avg = round(avg, m.decimals);
    fields.Max = round(use.max, m.decimals);
    const k = m.role === 'pollutant' ? signal.correction(use.o2 / use.n) : undefined;
    if (k !== undefined) fields.ZsAvg = round(avg * k, m.decimals);
    fields.Flag = flagOf(stats.flags[i]!, valid.n, stats.samples);
    out[m.code] = fields;
  });
  return out;
}

function flagOf(counts: Record<string, number>, validCount: number, samples: number): string {
  if (validCount >= samples * VALID_SHARE) return 'N';
  let best = 'N';
  let most = 0;
  for (const [flag, n] of Object.entries(counts))
    if (!VALID.has(flag) && n > most) {
      best = flag;
      most = n;
    }
  return best;
}
