import { describe, expect, it } from 'vitest';
import { detectInterval } from '../../src/monitoring/aggregation/data-interval';
import { computeDayRate, expectedHours } from '../../src/monitoring/aggregation/day-rate';
import { computeHourlyValues, dominantFlag } from '../../src/monitoring/aggregation/hourly-values';
import { at } from './monitoring-fixtures';

const minutes = (...offsets: number[]) => offsets.map((m) => new Date(at(10).getTime() + m * 60_000));

/** The aggregator's own rules around the domain's (pure, no database). */
describe('aggregation rules', () => {
  it('detects the minute-data interval from a day’s DataTimes', () => {
    expect(detectInterval(minutes(0, 10, 20, 30, 40, 50))).toBe(10);
    expect(detectInterval(minutes(0, 10, 20, 40, 50, 70))).toBe(10); // gaps do not widen it
    expect(detectInterval(minutes(0, 5, 10))).toBe(5);
    expect(detectInterval(minutes(0, 7, 14))).toBe(6); // rounded down to a divisor of 60
    expect(detectInterval(minutes(0))).toBe(10); // one record: the usual 10 minutes
    expect(detectInterval(minutes(0, 30))).toBe(15); // flue gas: at most 15
    expect(detectInterval(minutes(0, 60, 120), 'water')).toBe(60); // water: one per analyser cycle
  });

  it('names the hour by its most frequent flag, an invalidating one on a tie', () => {
    expect(dominantFlag(['N', 'N', 'M'], 'air')).toBe('N');
    expect(dominantFlag(['N', 'M', 'M', 'N'], 'air')).toBe('M');
    expect(dominantFlag([undefined, 'T', 'T'], 'air')).toBe('T');
    expect(dominantFlag([], 'air')).toBeNull();
  });

  it('a water unit sending one CN 2051 an hour has valid hours', () => {
    const rows = computeHourlyValues(
      at(10),
      [{ kind: 'min', dataTime: at(10), values: { w01018: { Avg: 25, Flag: 'N' } } }],
      { kind: 'water', referenceO2: null, pollutants: ['w01018'] },
      60,
    );
    expect(rows).toEqual([
      expect.objectContaining({ pollutant: 'w01018', valid: true, avg: 25, expectedCount: 1 }),
    ]);
  });

  it('counts expected hours from the first data to the last complete hour', () => {
    const day = at(0, 0, 20);
    expect(expectedHours(day, null, at(12, 0, 22))).toBe(0); // never sent anything
    expect(expectedHours(day, at(6, 40, 20), at(12, 0, 22))).toBe(18); // 06:00 → 24:00
    expect(expectedHours(day, at(0, 0, 1), at(9, 59, 20))).toBe(9); // today: 00:00 → 09:00
    expect(expectedHours(day, at(0, 0, 1), at(12, 0, 25))).toBe(24); // a past day
  });

  it('an hour is valid for the rate when every registered pollutant is valid in it', () => {
    const hour = (h: number, pollutant: string, valid: boolean) => ({ pollutant, hour: at(h), valid });
    const rate = computeDayRate({
      dayStart: at(0),
      now: at(12, 0, 22),
      firstDataAt: at(0),
      required: ['a21026', 'a19001'],
      onlineHours: 3,
      hours: [
        hour(0, 'a21026', true),
        hour(0, 'a19001', true),
        hour(1, 'a21026', true), // O2 missing
        hour(2, 'a21026', true),
        hour(2, 'a19001', false),
      ],
    });
    expect(rate).toEqual({
      expected: 24,
      received: 3,
      valid: 1,
      onlineHours: 3,
      receivedMask: 0b111,
      validMask: 0b1,
    });
  });
});
