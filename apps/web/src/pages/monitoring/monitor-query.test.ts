import { describe, expect, it } from 'vitest';
import { monitorApiQuery, monitorSearchParams, parseMonitorQuery, withMonitorFilters } from './monitor-query';

describe('monitor list query', () => {
  it('reads filters, page and sort from the URL and writes them back without defaults', () => {
    const params = new URLSearchParams(
      'regionCode=430903&outletKind=air&online=false&q=热电&sort=-lastSeenAt&page=2',
    );
    const query = parseMonitorQuery(params);
    expect(query).toEqual({
      filters: { regionCode: '430903', outletKind: 'air', online: 'false', q: '热电' },
      page: 2,
      pageSize: 20,
      sort: '-lastSeenAt',
    });
    expect(monitorSearchParams(query).toString()).toBe(params.toString());
    expect(monitorApiQuery(query)).toMatchObject({
      online: 'false',
      page: 2,
      pageSize: 20,
      sort: '-lastSeenAt',
    });
  });

  it('drops values the API would refuse', () => {
    const query = parseMonitorQuery(
      new URLSearchParams('outletKind=soil&online=maybe&sort=-password&page=-1'),
    );
    expect(query).toEqual({ filters: {}, page: 1, pageSize: 20 });
  });

  it('goes back to page 1 when a filter changes, and clears emptied filters', () => {
    const query = parseMonitorQuery(new URLSearchParams('q=abc&page=3'));
    expect(withMonitorFilters(query, { q: undefined, online: 'true' })).toEqual({
      filters: { online: 'true' },
      page: 1,
      pageSize: 20,
    });
  });
});
