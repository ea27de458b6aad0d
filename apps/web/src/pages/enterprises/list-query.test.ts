import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  exportQuery,
  parseListQuery,
  sortFrom,
  sortOrderOf,
  toSearchParams,
  withFilters,
} from './list-query';

const parse = (qs: string) => parseListQuery(new URLSearchParams(qs));

describe('parseListQuery', () => {
  it('reads filters, page, size and sort', () => {
    expect(parse('q=化工&regionCode=430902&batch=1&page=3&pageSize=50&sort=-updatedAt')).toEqual({
      filters: { q: '化工', regionCode: '430902', batch: '1' },
      page: 3,
      pageSize: 50,
      sort: '-updatedAt',
    });
  });

  it('falls back to defaults on nonsense and ignores unknown keys', () => {
    expect(parse('page=-2&pageSize=abc&sort=1;drop&foo=bar&q=%20%20')).toEqual({
      filters: {},
      page: 1,
      pageSize: 20,
    });
    expect(parse('pageSize=100000').pageSize).toBe(500);
  });
});

describe('toSearchParams', () => {
  it('round-trips and leaves defaults out', () => {
    const qs = 'q=%E5%8C%96%E5%B7%A5&controlLevel=national&sort=name&page=2';
    expect(toSearchParams(parse(qs)).toString()).toBe(qs);
    expect(toSearchParams(parse('page=1&pageSize=20')).toString()).toBe('');
  });
});

describe('withFilters', () => {
  it('sets and clears filters and goes back to page 1', () => {
    const next = withFilters(parse('q=a&status=operating&page=4'), { q: 'b', status: undefined, batch: '2' });
    expect(next.filters).toEqual({ q: 'b', batch: '2' });
    expect(next.page).toBe(1);
  });
});

describe('api and export queries', () => {
  it('sends paging to the list and only filters and order to the export', () => {
    const query = parse('industryCode=C2511&page=2&sort=-name');
    expect(apiQuery(query)).toEqual({ industryCode: 'C2511', page: 2, pageSize: 20, sort: '-name' });
    expect(exportQuery(query)).toEqual({ industryCode: 'C2511', sort: '-name' });
  });
});

describe('sort', () => {
  it.each([
    ['name', 'name', 'ascend'],
    ['-name', 'name', 'descend'],
    ['-updatedAt', 'name', null],
    [undefined, 'name', null],
  ] as const)('%s on %s → %s', (sort, field, order) => {
    expect(sortOrderOf(sort, field)).toBe(order);
    if (order) expect(sortFrom(field, order)).toBe(sort);
  });
  it('clears the sort', () => expect(sortFrom('name', null)).toBeUndefined());
});
