import { describe, expect, it } from 'vitest';
import { dailyAverage, type HourlyValue } from '../../src/monitoring/daily-average';
import { monthlyAverage } from '../../src/monitoring/monthly-average';
import { shanghaiInstant } from '../../src/monitoring/shanghai-time';

const D = shanghaiInstant(2024, 5, 10);
const hour = (h: number, valid: boolean, value: number | null = 10): HourlyValue => ({
  hourStart: new Date(D.getTime() + h * 3_600_000),
  valid,
  value,
});

describe('dailyAverage (flue gas) — HJ 75-2017: ≥ 20 valid hours', () => {
  it.each([
    [19, false],
    [20, true],
    [24, true],
  ])('%s valid hours → valid %s', (n, valid) => {
    const hours = Array.from({ length: 24 }, (_, h) => hour(h, h < n));
    const r = dailyAverage(hours, { dayStart: D });
    expect(r.valid).toBe(valid);
    expect(r.validCount).toBe(n);
    expect(r).toMatchObject({ expectedCount: 24, requiredCount: 20 });
    if (!valid) expect(r.reason).toBe('TOO_FEW_VALID');
  });

  it('averages only the valid hours', () => {
    const hours = Array.from({ length: 24 }, (_, h) => hour(h, h !== 0, h === 0 ? 1000 : h));
    const r = dailyAverage(hours, { dayStart: D });
    expect(r.value).toBeCloseTo((23 * 24) / 2 / 23, 9); // mean of 1..23 = 12
    expect(r.max).toBe(23);
  });

  it('ignores hours of other days and repeated hours; no data is named', () => {
    const hours = [hour(-1, true), hour(24, true), hour(3, true), hour(3, true)];
    expect(dailyAverage(hours, { dayStart: D }).validCount).toBe(1);
    expect(dailyAverage([], { dayStart: D }).reason).toBe('NO_DATA');
  });

  it('the minimum is a parameter', () => {
    const hours = Array.from({ length: 18 }, (_, h) => hour(h, true));
    expect(dailyAverage(hours, { dayStart: D, minValidHours: 18 }).valid).toBe(true);
  });
});

describe('monthlyAverage — HJ 75-2017: ≥ 25 valid days, February ≥ 23', () => {
  const days = (year: number, month: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      dayStart: shanghaiInstant(year, month, i + 1),
      valid: true,
      value: 5,
    }));
  it.each([
    [2024, 5, 24, false, 31],
    [2024, 5, 25, true, 31],
    [2024, 2, 22, false, 29],
    [2024, 2, 23, true, 29],
  ])('%s-%s with %s valid days → valid %s', (y, m, n, valid, expectedCount) => {
    const r = monthlyAverage(days(y, m, n), { month: shanghaiInstant(y, m, 15) });
    expect(r.valid).toBe(valid);
    expect(r.expectedCount).toBe(expectedCount);
  });
});
