// The alarm list's state lives in the URL like the other lists: a filtered alarm list is a link.
import { ALARM_KINDS, ALARM_STATE_FILTERS, ANOMALY_RULES } from '../../api/alarms';
import { dayjs, ZONE } from '../../utils/time';

export const ALARM_FILTERS = [
  'kind',
  'rule',
  'state',
  'districtCode',
  'enterpriseId',
  'pollutant',
  'from',
  'to',
] as const;
export type AlarmFilter = (typeof ALARM_FILTERS)[number];

export interface AlarmQuery {
  filters: Partial<Record<AlarmFilter, string>>;
  page: number;
  pageSize: number;
}

export const DEFAULT_ALARM_PAGE_SIZE = 20;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VALID: Record<AlarmFilter, (v: string) => boolean> = {
  kind: (v) => (ALARM_KINDS as readonly string[]).includes(v),
  rule: (v) => (ANOMALY_RULES as readonly string[]).includes(v),
  state: (v) => (ALARM_STATE_FILTERS as readonly string[]).includes(v),
  districtCode: (v) => /^\d{6}$/.test(v),
  enterpriseId: (v) => /^[1-9]\d*$/.test(v),
  pollutant: (v) => /^[a-z]\d{5}$/.test(v),
  from: (v) => DATE.test(v),
  to: (v) => DATE.test(v),
};

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Unknown values are dropped, so a hand-edited link never makes the server answer 400. */
export function parseAlarmQuery(params: URLSearchParams): AlarmQuery {
  const filters: AlarmQuery['filters'] = {};
  for (const key of ALARM_FILTERS) {
    const value = params.get(key)?.trim();
    if (value && VALID[key](value)) filters[key] = value;
  }
  // A rule belongs to anomalies; a period whose ends are swapped is no period.
  if (filters.rule && filters.kind === 'exceedance') delete filters.rule;
  if (filters.from && filters.to && filters.from > filters.to) {
    delete filters.from;
    delete filters.to;
  }
  return {
    filters,
    page: positiveInt(params.get('page'), 1, 100_000),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_ALARM_PAGE_SIZE, 200),
  };
}

export function alarmSearchParams(query: AlarmQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ALARM_FILTERS) {
    const value = query.filters[key];
    if (value) params.set(key, value);
  }
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_ALARM_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** A Shanghai calendar day's first instant, ISO (UTC). */
export const shanghaiDayStart = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

const DAY_MS = 86_400_000;

/**
 * A period of Shanghai dates as the API's instants: `from` at 00:00 of its day, `to` at 00:00 of
 * the day after (the API's `to` is exclusive, the screen's includes its day).
 */
export function periodInstants(
  from: string | undefined,
  to: string | undefined,
): { from?: string; to?: string } {
  return {
    ...(from ? { from: shanghaiDayStart(from) } : {}),
    ...(to ? { to: new Date(Date.parse(shanghaiDayStart(to)) + DAY_MS).toISOString() } : {}),
  };
}

/** What GET /alarms receives. */
export function alarmApiQuery(query: AlarmQuery): Record<string, string | number> {
  const { from, to, ...rest } = query.filters;
  return { ...rest, ...periodInstants(from, to), page: query.page, pageSize: query.pageSize };
}

/** A filter change goes back to page 1; choosing exceedances clears the anomaly rule. */
export function withAlarmFilters(
  query: AlarmQuery,
  patch: Partial<Record<AlarmFilter, string | undefined>>,
): AlarmQuery {
  const filters = { ...query.filters };
  for (const [key, value] of Object.entries(patch) as [AlarmFilter, string | undefined][]) {
    if (value === undefined || value === '') delete filters[key];
    else filters[key] = value;
  }
  if (filters.kind === 'exceedance') delete filters.rule;
  return { ...query, filters, page: 1 };
}

/** The last `days` Shanghai days up to and including today, as the period filter's dates. */
export function lastDaysPeriod(days: number, now: Date): { from: string; to: string } {
  const today = dayjs(now).tz(ZONE);
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}
