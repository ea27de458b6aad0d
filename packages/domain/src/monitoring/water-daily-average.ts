import type { DailyInvalidReason } from './daily-average';
import { type FlagPolicy, isValidForAverage } from './data-flags';
import { stats } from './mean';

/** One analyser measurement (COD, NH3-N, TP, TN…) with the wastewater volume it represents. */
export interface WaterMeasurement {
  time: Date;
  value: number | null;
  flag?: string;
  /** Wastewater discharged (m³) over the period this measurement represents; used as the weight. */
  flow?: number | null;
}

/**
 * Analyser cycle: HJ 355-2019 has COD/NH3-N/TP/TN analysers measure at least every 2 hours (many
 * cities require 1 h). Default 120 min → 12 expected measurements a day. Reading, not verified
 * against the text here.
 */
export const DEFAULT_WATER_INTERVAL_MINUTES = 120;
/**
 * Share of the expected measurements needed for a valid day. HJ 356-2019 §7 (有效均值的计算)
 * sets the rule; its exact number could not be confirmed here, so 0.75 is a placeholder every
 * city must check and configure (12 expected → 9 required).
 */
export const DEFAULT_WATER_MIN_COVERAGE = 0.75;

export interface WaterDailyOptions {
  dayStart: Date;
  intervalMinutes?: number;
  /** Takes precedence over the coverage share when given. */
  minValidCount?: number;
  minCoverage?: number;
  /** Flow-weighted mean Σ(c·q)/Σq (HJ 356-2019 §7 when flow is measured); default true. */
  flowWeighted?: boolean;
  flagPolicy?: FlagPolicy;
}

export interface WaterDailyAverage {
  dayStart: Date;
  valid: boolean;
  value: number | null;
  method: 'FLOW_WEIGHTED' | 'ARITHMETIC';
  /** Why a requested flow weighting fell back to the arithmetic mean. */
  weightingNote?: 'FLOW_MISSING' | 'ZERO_FLOW';
  totalFlow: number | null;
  validCount: number;
  expectedCount: number;
  requiredCount: number;
  reason?: DailyInvalidReason;
}

const DAY_MS = 86_400_000;

export function waterDailyAverage(
  items: readonly WaterMeasurement[],
  opts: WaterDailyOptions,
): WaterDailyAverage {
  const start = opts.dayStart.getTime();
  const interval = opts.intervalMinutes ?? DEFAULT_WATER_INTERVAL_MINUTES;
  const expectedCount = Math.floor(1440 / interval);
  const requiredCount =
    opts.minValidCount ?? Math.ceil(expectedCount * (opts.minCoverage ?? DEFAULT_WATER_MIN_COVERAGE));
  const seen = new Set<number>();
  const valid: WaterMeasurement[] = [];
  for (const m of items) {
    const t = m.time.getTime();
    if (t < start || t >= start + DAY_MS || seen.has(t)) continue;
    seen.add(t);
    if (!isValidForAverage(m.flag, 'water', opts.flagPolicy)) continue;
    if (m.value === null || !Number.isFinite(m.value)) continue;
    valid.push(m);
  }
  const weighted = weightedMean(valid, opts.flowWeighted ?? true);
  const result: WaterDailyAverage = {
    dayStart: new Date(start),
    valid: valid.length >= requiredCount,
    ...weighted,
    validCount: valid.length,
    expectedCount,
    requiredCount,
  };
  if (!result.valid) result.reason = seen.size === 0 ? 'NO_DATA' : 'TOO_FEW_VALID';
  return result;
}

type Weighted = Pick<WaterDailyAverage, 'value' | 'method' | 'weightingNote' | 'totalFlow'>;

/** Σ(c·q)/Σq over the valid measurements; falls back to the arithmetic mean, saying why. */
function weightedMean(valid: readonly WaterMeasurement[], wanted: boolean): Weighted {
  const arithmetic = stats(valid.map((m) => m.value)).mean;
  const flows = valid.map((m) => m.flow);
  const allFlows = flows.every((q): q is number => typeof q === 'number' && Number.isFinite(q) && q >= 0);
  const totalFlow = allFlows ? flows.reduce<number>((a, q) => a + (q ?? 0), 0) : null;
  if (!wanted) return { value: arithmetic, method: 'ARITHMETIC', totalFlow };
  if (valid.length === 0) return { value: null, method: 'FLOW_WEIGHTED', totalFlow };
  if (totalFlow === null)
    return { value: arithmetic, method: 'ARITHMETIC', weightingNote: 'FLOW_MISSING', totalFlow };
  if (totalFlow === 0)
    return { value: arithmetic, method: 'ARITHMETIC', weightingNote: 'ZERO_FLOW', totalFlow };
  const sum = valid.reduce((a, m) => a + (m.value ?? 0) * (m.flow ?? 0), 0);
  return { value: sum / totalFlow, method: 'FLOW_WEIGHTED', totalFlow };
}
