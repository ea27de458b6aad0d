import { describe, expect, it } from 'vitest';
import {
  alarmApiQuery,
  alarmSearchParams,
  lastDaysPeriod,
  parseAlarmQuery,
  periodInstants,
  withAlarmFilters,
} from './alarm-query';

const parse = (qs: string) => parseAlarmQuery(new URLSearchParams(qs));

describe('alarm list query ↔ URL', () => {
  it('reads the filters it knows and drops unknown or malformed values', () => {
    const q = parse(
      'kind=anomaly&rule=constant&state=overdue&districtCode=430902&pollutant=a21026&enterpriseId=12&from=2026-05-01&to=2026-05-07&page=3&pageSize=50&foo=1',
    );
    expect(q).toEqual({
      filters: {
        kind: 'anomaly',
        rule: 'constant',
        state: 'overdue',
        districtCode: '430902',
        pollutant: 'a21026',
        enterpriseId: '12',
        from: '2026-05-01',
        to: '2026-05-07',
      },
      page: 3,
      pageSize: 50,
    });
    expect(
      parse('kind=fire&state=lost&districtCode=43&pollutant=SO2&enterpriseId=x&from=May').filters,
    ).toEqual({});
    expect(parse('page=0&pageSize=9999')).toMatchObject({ page: 1, pageSize: 200 });
  });

  it('takes 超时, 已督办 and 报备期内 as states', () => {
    for (const state of ['overdue', 'escalated', 'filed', 'dispatched', 'closed'])
      expect(parse(`state=${state}`).filters.state).toBe(state);
  });

  it('drops a rule with exceedances and a period whose ends are swapped', () => {
    expect(parse('kind=exceedance&rule=constant').filters).toEqual({ kind: 'exceedance' });
    expect(parse('from=2026-05-07&to=2026-05-01').filters).toEqual({});
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const q = parse('state=signed&from=2026-05-01&to=2026-05-02&page=2');
    expect(alarmSearchParams(q).toString()).toBe('state=signed&from=2026-05-01&to=2026-05-02&page=2');
    expect(parse(alarmSearchParams(q).toString())).toEqual(q);
    expect(alarmSearchParams(parse('')).toString()).toBe('');
  });

  it('sends the period as Shanghai instants, `to` exclusive at the next midnight', () => {
    expect(periodInstants('2026-05-01', '2026-05-07')).toEqual({
      from: '2026-04-30T16:00:00.000Z',
      to: '2026-05-07T16:00:00.000Z',
    });
    expect(periodInstants(undefined, undefined)).toEqual({});
    expect(alarmApiQuery(parse('kind=exceedance&from=2026-05-01&page=2'))).toEqual({
      kind: 'exceedance',
      from: '2026-04-30T16:00:00.000Z',
      page: 2,
      pageSize: 20,
    });
  });

  it('goes back to page 1 on a filter change and clears the rule when exceedances are chosen', () => {
    const q = parse('kind=anomaly&rule=offline&page=4');
    expect(withAlarmFilters(q, { state: 'dispatched' })).toMatchObject({
      page: 1,
      filters: { kind: 'anomaly', rule: 'offline', state: 'dispatched' },
    });
    expect(withAlarmFilters(q, { kind: 'exceedance' }).filters).toEqual({ kind: 'exceedance' });
    expect(withAlarmFilters(q, { rule: undefined, kind: '' }).filters).toEqual({});
  });

  it('gives the last days up to today in Shanghai', () => {
    // 2026-05-07 23:30 in Shanghai is still the 7th there.
    expect(lastDaysPeriod(7, new Date('2026-05-07T15:30:00Z'))).toEqual({
      from: '2026-05-01',
      to: '2026-05-07',
    });
    expect(lastDaysPeriod(1, new Date('2026-05-07T16:30:00Z'))).toEqual({
      from: '2026-05-08',
      to: '2026-05-08',
    });
  });
});
