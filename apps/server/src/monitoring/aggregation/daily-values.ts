import {
  DEFAULT_WATER_MIN_COVERAGE,
  dailyAverage,
  formatShanghai,
  type Medium,
  waterDailyAverage,
} from '@dabiao/domain';
import type { HourlyResult } from './hourly-values';
import { concentrationUnit, FLOW_CODES, hourlyVolumeFromRate } from './pollutant-kinds';

/** The fields of a stored hourly value the daily rules read. */
export type HourlyInput = Pick<HourlyResult, 'pollutant' | 'hour' | 'avg' | 'zsAvg' | 'cou' | 'valid'>;

/** One `daily_value` row before it is written. */
export interface DailyResult {
  pollutant: string;
  /** YYYY-MM-DD, Shanghai. */
  day: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  zsAvg: number | null;
  valid: boolean;
  invalidReason: string | null;
  validHours: number;
  receivedHours: number;
}

/** Water parameters without a mass (pH, temperature, flow): valid hours needed for a day. */
export const WATER_MIN_VALID_HOURS = Math.ceil(24 * DEFAULT_WATER_MIN_COVERAGE);

export const dayKey = (dayStart: Date) => formatShanghai(dayStart).slice(0, 10);

/**
 * Daily values of one monitor-day from its hourly values, per pollutant. Flue gas: HJ 75-2017,
 * mean of the valid hours, valid with ≥ 20 (`dailyAverage`). Water: concentrations flow-weighted
 * Σ(c·q)/Σq over the valid hours with the hour's discharged volume as q (`waterDailyAverage`,
 * each valid hour one measurement, coverage 0.75 → 18 of 24); other water parameters the
 * arithmetic mean with the same 18 hours.
 */
export function computeDailyValues(
  dayStart: Date,
  hours: readonly HourlyInput[],
  medium: Medium,
): DailyResult[] {
  const byCode = new Map<string, HourlyInput[]>();
  for (const h of hours) byCode.set(h.pollutant, [...(byCode.get(h.pollutant) ?? []), h]);
  const volumes = hourVolumes(hours, medium);
  return [...byCode.keys()].sort().map((code) => {
    const hs = byCode.get(code)!;
    const couParts = hs.map((h) => h.cou).filter((c): c is number => c !== null);
    const base = {
      pollutant: code,
      day: dayKey(dayStart),
      cou: couParts.length ? couParts.reduce((a, b) => a + b, 0) : null,
      receivedHours: new Set(hs.map((h) => h.hour.getTime())).size,
    };
    if (medium === 'water' && concentrationUnit(code) === 'mg/L') {
      const valid = hs.filter((h) => h.valid && h.avg !== null);
      const w = waterDailyAverage(
        valid.map((h) => ({ time: h.hour, value: h.avg, flow: volumes.get(h.hour.getTime()) ?? null })),
        { dayStart, intervalMinutes: 60 },
      );
      const values = valid.map((h) => h.avg!);
      return {
        ...base,
        avg: w.value,
        min: values.length ? Math.min(...values) : null,
        max: values.length ? Math.max(...values) : null,
        zsAvg: null,
        valid: w.valid,
        invalidReason: w.valid ? null : base.receivedHours === 0 ? 'NO_DATA' : 'TOO_FEW_VALID',
        validHours: w.validCount,
      };
    }
    const opts = { dayStart, ...(medium === 'water' ? { minValidHours: WATER_MIN_VALID_HOURS } : {}) };
    const d = dailyAverage(
      hs.map((h) => ({ hourStart: h.hour, valid: h.valid, value: h.avg })),
      opts,
    );
    const zs = dailyAverage(
      hs.map((h) => ({ hourStart: h.hour, valid: h.valid, value: h.zsAvg })),
      opts,
    );
    return {
      ...base,
      avg: d.value,
      min: d.min,
      max: d.max,
      zsAvg: zs.value,
      valid: d.valid,
      invalidReason: d.reason ?? null,
      validHours: d.validCount,
    };
  });
}

/** m³ discharged per hour (hour start ms → m³), from the flow code's hourly amount or mean rate. */
function hourVolumes(hours: readonly HourlyInput[], medium: Medium): Map<number, number> {
  const flowCode = FLOW_CODES[medium];
  const out = new Map<number, number>();
  for (const h of hours) {
    if (h.pollutant !== flowCode) continue;
    const v = h.cou ?? (h.avg === null ? undefined : hourlyVolumeFromRate(flowCode, h.avg));
    if (v !== undefined) out.set(h.hour.getTime(), v);
  }
  return out;
}
