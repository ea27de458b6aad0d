import { describe, expect, it } from 'vitest';
import {
  dayStart,
  formatShanghai,
  hourStart,
  monthStart,
  nextMonthStart,
  shanghaiInstant,
} from '../../src/monitoring/shanghai-time';

describe('shanghai-time (UTC+8, no DST)', () => {
  it('shanghaiInstant is the wall clock minus 8 h in UTC', () => {
    expect(shanghaiInstant(2024, 3, 1, 0, 0).toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it.each([
    ['2024-02-29T15:59:59.999Z', '2024-02-29 00:00'], // 23:59:59.999 Shanghai on 29 Feb
    ['2024-02-29T16:00:00.000Z', '2024-03-01 00:00'], // midnight Shanghai, still 29 Feb in UTC
    ['2024-03-01T03:30:00.000Z', '2024-03-01 00:00'], // 11:30 Shanghai
  ])('dayStart(%s) = %s Shanghai', (iso, expected) => {
    expect(formatShanghai(dayStart(new Date(iso)))).toBe(expected);
  });

  it('hourStart truncates to the Shanghai hour', () => {
    expect(formatShanghai(hourStart(shanghaiInstant(2024, 7, 15, 13, 59)))).toBe('2024-07-15 13:00');
  });

  it.each([
    [shanghaiInstant(2024, 3, 1, 0, 0), '2024-03-01 00:00', '2024-04-01 00:00'],
    [shanghaiInstant(2024, 2, 29, 23, 59), '2024-02-01 00:00', '2024-03-01 00:00'],
    [shanghaiInstant(2024, 12, 31, 23, 0), '2024-12-01 00:00', '2025-01-01 00:00'],
    // 1 Jan 00:30 Shanghai is still 31 Dec in UTC: the Shanghai month wins.
    [new Date('2024-12-31T16:30:00Z'), '2025-01-01 00:00', '2025-02-01 00:00'],
  ])('monthStart/nextMonthStart of %s', (d, start, next) => {
    expect(formatShanghai(monthStart(d))).toBe(start);
    expect(formatShanghai(nextMonthStart(d))).toBe(next);
  });

  it('formats YYYY-MM-DD HH:mm with zero padding', () => {
    expect(formatShanghai(new Date('2024-01-04T23:05:00Z'))).toBe('2024-01-05 07:05');
  });
});
