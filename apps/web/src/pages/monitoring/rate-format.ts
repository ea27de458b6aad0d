// Rates and measured values as the monitoring screens show them.

/** 数据传输有效率 target: 90 %. */
export const RATE_TARGET = 0.9;

export const RATE_COLORS = { ok: '#389e0d', below: '#cf1322', none: '#8c8c8c' } as const;

/** 0.98947 → "98.95%"; null (nothing expected) → "—". */
export function formatRate(rate: number | null | undefined, digits = 2): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(digits)}%`;
}

/** A rate that exists and is under the target (a rate of nothing expected is not "below"). */
export function belowTarget(rate: number | null | undefined, target = RATE_TARGET): boolean {
  return rate !== null && rate !== undefined && Number.isFinite(rate) && rate < target - 1e-12;
}

export function rateColor(rate: number | null | undefined, target = RATE_TARGET): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return RATE_COLORS.none;
  return belowTarget(rate, target) ? RATE_COLORS.below : RATE_COLORS.ok;
}

/** A rate as a percentage number for charts (one decimal kept beyond the percent's two). */
export const ratePercent = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined || !Number.isFinite(rate) ? null : Math.round(rate * 10_000) / 100;

/**
 * A measured or computed value: integers as they are, otherwise 1 decimal from 1000, 2 from 1,
 * 3 below 1 (trailing zeros dropped); strings (as a unit sent them) unchanged; null → "—".
 */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}
