// The enterprise list's state lives in the URL query, so a filtered list is a link one can share.

export const FILTER_KEYS = [
  'q',
  'regionCode',
  'industryCode',
  'programmeIndustry',
  'batch',
  'controlLevel',
  'status',
  'keyKind',
  'active',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface ListQuery {
  filters: Partial<Record<FilterKey, string>>;
  page: number;
  pageSize: number;
  /** `name` ascending, `-updatedAt` descending; undefined = the server's order. */
  sort?: string;
}

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 500;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const filters: ListQuery['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sort')?.trim();
  return {
    filters,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    ...(sort && /^-?[A-Za-z]+$/.test(sort) ? { sort } : {}),
  };
}

/** The URL form: defaults are left out so links stay short. */
export function toSearchParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query.filters[key];
    if (value) params.set(key, value);
  }
  if (query.sort) params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** What GET /enterprises receives. */
export function apiQuery(query: ListQuery): Record<string, string | number> {
  return {
    ...query.filters,
    page: query.page,
    pageSize: query.pageSize,
    ...(query.sort ? { sort: query.sort } : {}),
  };
}

/** What export.xlsx receives: the same filters and order, every page. */
export function exportQuery(query: ListQuery): Record<string, string> {
  return { ...query.filters, ...(query.sort ? { sort: query.sort } : {}) };
}

/** A filter change goes back to page 1: page 7 of the old result means nothing for the new one. */
export function withFilters(
  query: ListQuery,
  patch: Partial<Record<FilterKey, string | undefined>>,
): ListQuery {
  const filters = { ...query.filters };
  for (const [key, value] of Object.entries(patch) as [FilterKey, string | undefined][]) {
    if (value === undefined || value === '') delete filters[key];
    else filters[key] = value;
  }
  return { ...query, filters, page: 1 };
}

export const hasFilters = (query: ListQuery) => Object.keys(query.filters).length > 0;

export type SortOrder = 'ascend' | 'descend' | null;

export function sortOrderOf(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function sortFrom(field: string, order: SortOrder | undefined): string | undefined {
  if (order === 'ascend') return field;
  if (order === 'descend') return `-${field}`;
  return undefined;
}
