import type { Medium } from '@dabiao/domain';

/** Divisors of 60: the minute-data intervals an hour can be cut into. */
const DIVISORS_OF_60 = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

/** CN 2051 minute data are most often every 10 minutes; used when the records cannot tell. */
export const DEFAULT_MINUTE_INTERVAL = 10;
/**
 * Longest interval taken from the data (platform reading): CEMS units send CN 2051 every 1-15 min,
 * so a flue-gas day with records 30 min apart is a unit missing data, not a 30-minute unit. Water
 * units may send one CN 2051 per analyser cycle, up to an hour.
 */
export const MAX_DETECTED_INTERVAL: Readonly<Record<Medium, number>> = { air: 15, water: 60 };

/**
 * The minute-data interval of a unit, from its records' DataTimes over a whole day: the smallest
 * gap between consecutive records, rounded down to a divisor of 60. A day is used rather than
 * the hour itself because an hour with records at :00 and :30 only would otherwise look like a
 * 30-minute unit with a full hour; the aggregator recomputes a day's hours when the day's
 * interval changes, so the result does not depend on arrival order.
 */
export function detectInterval(times: readonly Date[], medium: Medium = 'air'): number {
  const sorted = [...new Set(times.map((t) => t.getTime()))].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  if (!Number.isFinite(gap)) return DEFAULT_MINUTE_INTERVAL;
  const minutes = gap / 60_000;
  let best = 1;
  for (const d of DIVISORS_OF_60) if (d <= minutes && d <= MAX_DETECTED_INTERVAL[medium]) best = d;
  return best;
}
