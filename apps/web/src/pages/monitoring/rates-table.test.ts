import { describe, expect, it } from 'vitest';
import type { RateRow } from '../../api/monitoring';
import { compareRates, filterRows, rowBelow, rowLink } from './rates-table';

const row = (patch: Partial<RateRow>): RateRow => ({
  key: '1',
  name: 'x',
  regionCode: '430903',
  regionName: '赫山区',
  enterpriseId: null,
  enterpriseName: null,
  outletId: null,
  outletName: null,
  monitorId: null,
  mn: null,
  monitors: 1,
  expected: 10,
  received: 10,
  valid: 10,
  transmissionRate: 1,
  validityRate: 1,
  transmissionValidityRate: 1,
  meetsTarget: true,
  formula: '',
  ...patch,
});

describe('rates table', () => {
  it('highlights computed rates under 90 % only', () => {
    expect(rowBelow(row({ transmissionValidityRate: 0.89 }))).toBe(true);
    expect(rowBelow(row({ transmissionValidityRate: 0.9 }))).toBe(false);
    expect(rowBelow(row({ transmissionValidityRate: null }))).toBe(false);
    const rows = [row({ key: 'a', transmissionValidityRate: 0.5 }), row({ key: 'b' })];
    expect(filterRows(rows, true).map((r) => r.key)).toEqual(['a']);
    expect(filterRows(rows, false)).toHaveLength(2);
  });

  it('finds rows by name, enterprise, outlet or MN, ignoring case', () => {
    const rows = [
      row({ key: 'a', name: '甲公司 废水总排口', mn: '430903LH202100002W001000' }),
      row({ key: 'b', name: '乙公司', enterpriseName: '乙公司', transmissionValidityRate: 0.5 }),
    ];
    expect(filterRows(rows, false, '430903lh').map((r) => r.key)).toEqual(['a']);
    expect(filterRows(rows, false, ' 乙 ').map((r) => r.key)).toEqual(['b']);
    expect(filterRows(rows, true, '甲')).toEqual([]);
    expect(filterRows(rows, false, '')).toHaveLength(2);
  });

  it('sorts rates with the uncomputed last', () => {
    expect([0.9, null, 0.5, 1].sort(compareRates)).toEqual([0.5, 0.9, 1, null]);
  });

  it('links a monitor row to its outlet, enterprise and district rows to their monitors', () => {
    expect(rowLink(row({ monitorId: 3, outletId: 4, enterpriseId: 2 }))).toBe('/monitoring/outlets/4');
    expect(rowLink(row({ enterpriseId: 2 }))).toBe('/monitoring/monitors?enterpriseId=2');
    expect(rowLink(row({}))).toBe('/monitoring/monitors?regionCode=430903');
    expect(rowLink(row({ regionCode: null }))).toBeNull();
  });
});
