import { describe, expect, it } from 'vitest';
import { hourlyAverage, type MinuteRecord } from '../../src/monitoring/hourly-average';
import { shanghaiInstant } from '../../src/monitoring/shanghai-time';
import { compareWithUnitHourly } from '../../src/monitoring/unit-comparison';

const H = shanghaiInstant(2024, 5, 10, 8);
const at = (minute: number) => new Date(H.getTime() + minute * 60_000);

/** `n` records at `interval` minutes from the hour start, flags from `flagOf(i)`. */
function minutes(
  n: number,
  flagOf: (i: number) => string = () => 'N',
  interval = 1,
  value = 10,
): MinuteRecord[] {
  return Array.from({ length: n }, (_, i) => ({ time: at(i * interval), value, flag: flagOf(i) }));
}

describe('hourlyAverage — HJ 75-2017: ≥ 45 valid minutes in the hour', () => {
  it.each([
    [44, false],
    [45, true],
    [60, true],
  ])('%s valid 1-minute records → valid %s', (validN, valid) => {
    const recs = minutes(60, (i) => (i < validN ? 'N' : 'C'));
    const r = hourlyAverage(recs, { hourStart: H });
    expect(r.valid).toBe(valid);
    expect(r.validCount).toBe(validN);
    expect(r.expectedCount).toBe(60);
    expect(r.requiredCount).toBe(45);
    if (!valid) expect(r.reason).toBe('TOO_FEW_VALID');
  });

  it.each([
    [10, 4, false], // 40 minutes covered
    [10, 5, true], // 50 minutes covered
    [5, 8, false], // 40
    [5, 9, true], // 45
    [15, 3, true], // 45
  ])('%s-minute data: %s valid records → valid %s (coverage rule)', (interval, n, valid) => {
    const r = hourlyAverage(
      minutes(n, () => 'N', interval),
      { hourStart: H, intervalMinutes: interval },
    );
    expect(r.valid).toBe(valid);
    expect(r.validMinutes).toBe(n * interval);
  });

  it.each(['F', 'M', 'C', 'D', 'S', 'B'])('records flagged %s do not count', (flag) => {
    const r = hourlyAverage(
      minutes(60, () => flag),
      { hourStart: H },
    );
    expect(r.validCount).toBe(0);
    expect(r.valid).toBe(false);
    expect(r.flagCounts[flag as 'F']).toBe(60);
  });

  it('T (over range) counts, keeps its value and is reported', () => {
    const recs = minutes(60, (i) => (i < 10 ? 'T' : 'N')).map((r, i) => ({ ...r, value: i < 10 ? 500 : 20 }));
    const r = hourlyAverage(recs, { hourStart: H });
    expect(r.valid).toBe(true);
    expect(r.overRangeCount).toBe(10);
    expect(r.value).toBeCloseTo((10 * 500 + 50 * 20) / 60, 9);
    expect(r.max).toBe(500);
    expect(r.min).toBe(20);
  });

  it('mean, min, max, ZsAvg and O2 come from valid records only', () => {
    const recs: MinuteRecord[] = minutes(50).map((r, i) => ({
      ...r,
      value: i % 2 ? 12 : 8,
      zsValue: 15,
      o2: 9,
    }));
    recs.push({ time: at(55), value: 999, flag: 'C', zsValue: 999, o2: 20.9 });
    const r = hourlyAverage(recs, { hourStart: H });
    expect(r).toMatchObject({
      valid: true,
      value: 10,
      min: 8,
      max: 12,
      zsValue: 15,
      o2: 9,
      receivedCount: 51,
    });
  });

  it('a flag N with no number is not a valid record', () => {
    const recs = minutes(45).map((r, i) => (i === 0 ? { ...r, value: null } : r));
    expect(hourlyAverage(recs, { hourStart: H }).valid).toBe(false);
  });

  it('ignores records outside the hour and repeated timestamps', () => {
    const recs = [
      ...minutes(44),
      ...minutes(44),
      { time: at(60), value: 10, flag: 'N' },
      { time: at(-1), value: 10 },
    ];
    const r = hourlyAverage(recs, { hourStart: H });
    expect(r.receivedCount).toBe(44);
    expect(r.valid).toBe(false);
  });

  it('names the cause: no data, or a stop longer than 15 minutes', () => {
    expect(hourlyAverage([], { hourStart: H }).reason).toBe('NO_DATA');
    expect(
      hourlyAverage(
        minutes(60, (i) => (i < 16 ? 'F' : 'N')),
        { hourStart: H },
      ).reason,
    ).toBe('PLANT_STOPPED');
    expect(
      hourlyAverage(
        minutes(60, (i) => (i < 15 ? 'F' : 'N')),
        { hourStart: H },
      ).valid,
    ).toBe(true);
  });

  it('the minimum is a parameter', () => {
    expect(hourlyAverage(minutes(40), { hourStart: H, minValidMinutes: 40 }).valid).toBe(true);
  });

  it('refuses an interval that does not divide the hour', () => {
    expect(() => hourlyAverage([], { hourStart: H, intervalMinutes: 7 })).toThrow(RangeError);
  });
});

describe('compareWithUnitHourly', () => {
  const valid = hourlyAverage(minutes(60), { hourStart: H }); // value 10
  const invalid = hourlyAverage(minutes(30), { hourStart: H });
  it.each([
    [valid, 10.4, 'AGREES'],
    [valid, 11, 'DISAGREES'], // 1 > max(0.5, 0.5)
    [valid, null, 'UNIT_VALUE_MISSING'],
    [invalid, 10, 'UNIT_VALUE_FOR_INVALID_HOUR'],
    [invalid, null, 'BOTH_ABSENT'],
  ] as const)('%#: unit %s → %s', (computed, unit, verdict) => {
    expect(compareWithUnitHourly(computed, unit, { relative: 0.05, absolute: 0.5 }).verdict).toBe(verdict);
  });

  it('reports the difference unit − computed', () => {
    expect(compareWithUnitHourly(valid, 11).difference).toBeCloseTo(1, 9);
  });
});
