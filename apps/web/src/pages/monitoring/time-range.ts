// Date ranges of the monitoring screens, as the API's bare Shanghai dates (YYYY-MM-DD; `to` includes its day).
import type { SeriesPeriod } from '../../api/monitoring';
import { dayjs, ZONE } from '../../utils/time';

export interface DateRange {
  from: string;
  to: string;
}

/** Days shown by default: a week of hours, two months of days. */
export const DEFAULT_DAYS: Record<SeriesPeriod, number> = { hour: 7, day: 60 };

/** The Shanghai calendar date of an instant. */
export const shanghaiDate = (now: Date): string => dayjs(now).tz(ZONE).format('YYYY-MM-DD');

/** The last `days` Shanghai days up to and including today. */
export function lastDays(days: number, now: Date): DateRange {
  const today = dayjs(now).tz(ZONE);
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

export const defaultRange = (period: SeriesPeriod, now: Date): DateRange =>
  lastDays(DEFAULT_DAYS[period], now);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A range from the URL when both ends are dates in order, else undefined. */
export function parseRange(from: string | null, to: string | null): DateRange | undefined {
  if (!from || !to || !DATE.test(from) || !DATE.test(to) || from > to) return undefined;
  return { from, to };
}

/** The current Shanghai month, YYYY-MM. */
export const currentMonth = (now: Date): string => dayjs(now).tz(ZONE).format('YYYY-MM');

export const isMonth = (value: string | null | undefined): value is string =>
  typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/**
 * An instant as the number an ECharts time axis with `useUTC: true` shows as Shanghai wall time,
 * whatever the browser's zone (Shanghai has no daylight saving time).
 */
export const shanghaiAxisMs = (iso: string): number => Date.parse(iso) + 8 * 3_600_000;
