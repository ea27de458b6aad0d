import { stats } from './mean';
import { monthStart, nextMonthStart, SHANGHAI_OFFSET_MS } from './shanghai-time';

/** A daily value as `dailyAverage` returns it. */
export interface DailyValue {
  dayStart: Date;
  valid: boolean;
  value: number | null;
}

/**
 * HJ 76-2017 附录B (数据采集记录和处理要求), applied by HJ 75-2017 §12: "月数据应包含本月至少25天（其中二月份至少23天）
 * 的日有效数据". Value confirmed from a public
 * copy of the HJ 76 附录B text; the HJ 75 clause number is from memory.
 */
export const HJ75_MIN_VALID_DAYS_PER_MONTH = 25;
export const HJ75_MIN_VALID_DAYS_FEBRUARY = 23;

export interface MonthlyAverageOptions {
  /** Any instant in the month (Shanghai); the month's bounds are computed from it. */
  month: Date;
  minValidDays?: number;
  minValidDaysFebruary?: number;
}

export interface MonthlyAverage {
  monthStart: Date;
  valid: boolean;
  value: number | null;
  validCount: number;
  expectedCount: number;
  requiredCount: number;
  reason?: 'NO_DATA' | 'TOO_FEW_VALID';
}

export function monthlyAverage(days: readonly DailyValue[], opts: MonthlyAverageOptions): MonthlyAverage {
  const start = monthStart(opts.month);
  const end = nextMonthStart(opts.month);
  const isFebruary = new Date(start.getTime() + SHANGHAI_OFFSET_MS).getUTCMonth() === 1;
  const required = isFebruary
    ? (opts.minValidDaysFebruary ?? HJ75_MIN_VALID_DAYS_FEBRUARY)
    : (opts.minValidDays ?? HJ75_MIN_VALID_DAYS_PER_MONTH);
  const seen = new Set<number>();
  const values: number[] = [];
  for (const d of days) {
    const t = d.dayStart.getTime();
    if (t < start.getTime() || t >= end.getTime() || seen.has(t)) continue;
    seen.add(t);
    if (d.valid && d.value !== null && Number.isFinite(d.value)) values.push(d.value);
  }
  const valid = values.length >= required;
  const result: MonthlyAverage = {
    monthStart: start,
    valid,
    value: stats(values).mean,
    validCount: values.length,
    expectedCount: Math.round((end.getTime() - start.getTime()) / 86_400_000),
    requiredCount: required,
  };
  if (!valid) result.reason = seen.size === 0 ? 'NO_DATA' : 'TOO_FEW_VALID';
  return result;
}
