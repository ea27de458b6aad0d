import { stats } from './mean';

/** An hourly value as `hourlyAverage` returns it (or as stored): only valid hours enter a daily mean. */
export interface HourlyValue {
  hourStart: Date;
  valid: boolean;
  value: number | null;
}

/**
 * HJ 76-2017 附录B (数据采集记录和处理要求), applied by HJ 75-2017 §12: "日数据应包含本日至少20h的小时有效数据".
 * Value confirmed from a public
 * copy of the HJ 76 附录B text; the HJ 75 clause number is from memory.
 */
export const HJ75_MIN_VALID_HOURS_PER_DAY = 20;
const DAY_MS = 86_400_000;

export interface DailyAverageOptions {
  /** 00:00 Shanghai of the day (see `dayStart`); hours outside [dayStart, dayStart + 24 h) are ignored. */
  dayStart: Date;
  minValidHours?: number;
}

export type DailyInvalidReason = 'NO_DATA' | 'TOO_FEW_VALID';

export interface DailyAverage {
  dayStart: Date;
  valid: boolean;
  /** Arithmetic mean of the valid hourly values (HJ 75: 日均值为该时段的平均值); shown even when invalid. */
  value: number | null;
  min: number | null;
  max: number | null;
  validCount: number;
  expectedCount: number;
  requiredCount: number;
  reason?: DailyInvalidReason;
}

/** Flue-gas daily average from hourly averages (O2-corrected or not — the caller passes which). */
export function dailyAverage(hours: readonly HourlyValue[], opts: DailyAverageOptions): DailyAverage {
  const start = opts.dayStart.getTime();
  const required = opts.minValidHours ?? HJ75_MIN_VALID_HOURS_PER_DAY;
  const seen = new Set<number>();
  const values: number[] = [];
  let received = 0;
  for (const h of hours) {
    const t = h.hourStart.getTime();
    if (t < start || t >= start + DAY_MS || seen.has(t)) continue;
    seen.add(t);
    received += 1;
    if (h.valid && h.value !== null && Number.isFinite(h.value)) values.push(h.value);
  }
  const s = stats(values);
  const valid = values.length >= required;
  const result: DailyAverage = {
    dayStart: new Date(start),
    valid,
    value: s.mean,
    min: s.min,
    max: s.max,
    validCount: values.length,
    expectedCount: 24,
    requiredCount: required,
  };
  if (!valid) result.reason = received === 0 ? 'NO_DATA' : 'TOO_FEW_VALID';
  return result;
}
