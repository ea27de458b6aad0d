// The monitor list's state lives in the URL, like the enterprise list: a filtered list is a link.

export const MONITOR_FILTERS = ['regionCode', 'outletKind', 'online', 'q', 'enterpriseId'] as const;
export type MonitorFilter = (typeof MONITOR_FILTERS)[number];
export const MONITOR_SORTS = ['enterpriseName', 'mn', 'outletName', 'lastSeenAt'] as const;

export interface MonitorQuery {
  filters: Partial<Record<MonitorFilter, string>>;
  page: number;
  pageSize: number;
  sort?: string;
}

export const DEFAULT_MONITOR_PAGE_SIZE = 20;

const ALLOWED: Partial<Record<MonitorFilter, readonly string[]>> = {
  outletKind: ['air', 'water'],
  online: ['true', 'false'],
};

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

const validSort = (sort: string | undefined) =>
  !!sort && (MONITOR_SORTS as readonly string[]).includes(sort.replace(/^-/, ''));

export function parseMonitorQuery(params: URLSearchParams): MonitorQuery {
  const filters: MonitorQuery['filters'] = {};
  for (const key of MONITOR_FILTERS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    const allowed = ALLOWED[key];
    if (allowed && !allowed.includes(value)) continue;
    if (key === 'enterpriseId' && !/^\d+$/.test(value)) continue;
    filters[key] = value;
  }
  const sort = params.get('sort')?.trim();
  return {
    filters,
    page: positiveInt(params.get('page'), 1, 100_000),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_MONITOR_PAGE_SIZE, 200),
    ...(validSort(sort) ? { sort } : {}),
  };
}

export function monitorSearchParams(query: MonitorQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of MONITOR_FILTERS) {
    const value = query.filters[key];
    if (value) params.set(key, value);
  }
  if (query.sort) params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_MONITOR_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** What GET /monitoring/monitors receives. */
export const monitorApiQuery = (query: MonitorQuery): Record<string, string | number> => ({
  ...query.filters,
  page: query.page,
  pageSize: query.pageSize,
  ...(query.sort ? { sort: query.sort } : {}),
});

/** A filter change goes back to page 1. */
export function withMonitorFilters(
  query: MonitorQuery,
  patch: Partial<Record<MonitorFilter, string | undefined>>,
): MonitorQuery {
  const filters = { ...query.filters };
  for (const [key, value] of Object.entries(patch) as [MonitorFilter, string | undefined][]) {
    if (value === undefined || value === '') delete filters[key];
    else filters[key] = value;
  }
  return { ...query, filters, page: 1 };
}
