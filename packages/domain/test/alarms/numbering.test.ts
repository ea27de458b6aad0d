import { describe, expect, it } from 'vitest';
import { sheetNumber, supervisionNumber } from '../../src/alarms/index';

describe('sheetNumber / supervisionNumber', () => {
  it('BJ-district-Shanghai date-sequence', () => {
    expect(sheetNumber('430903', new Date('2026-11-23T02:00:00Z'), 7)).toBe('BJ-430903-20261123-0007');
    expect(supervisionNumber('430903', new Date('2026-11-24T02:00:00Z'), 1)).toBe('DB-430903-20261124-0001');
  });

  it('uses the Shanghai date across midnight (16:00Z is 00:00 the next day in Shanghai)', () => {
    expect(sheetNumber('430903', new Date('2026-11-23T15:59:59.999Z'), 12)).toBe('BJ-430903-20261123-0012');
    expect(sheetNumber('430903', new Date('2026-11-23T16:00:00.000Z'), 1)).toBe('BJ-430903-20261124-0001');
    expect(sheetNumber('430903', new Date('2026-11-23T16:30:00Z'), 1)).toBe('BJ-430903-20261124-0001');
    expect(supervisionNumber('430902', new Date('2026-12-31T16:30:00Z'), 9999)).toBe(
      'DB-430902-20270101-9999',
    );
  });

  it.each([
    ['43090', 1],
    ['4309031', 1],
    ['430903', 0],
    ['430903', 10000],
    ['430903', 1.5],
  ])('refuses district %s, sequence %s', (district, seq) => {
    expect(() => sheetNumber(district, new Date('2026-11-23T02:00:00Z'), seq)).toThrow(RangeError);
  });
});
