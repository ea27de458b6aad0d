import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../../src/monitoring/shanghai-time';
import {
  aggregateTransmissionValidity,
  expectedRecords,
  onlineRate,
  transmissionValidityRate,
} from '../../src/monitoring/transmission-rate';

describe('transmissionValidityRate = 传输率 × 有效率 = valid / expected', () => {
  it('144 ten-minute records expected, 140 received, 130 valid', () => {
    const r = transmissionValidityRate({ expected: 144, received: 140, valid: 130 });
    expect(r.transmissionRate).toBeCloseTo(140 / 144, 12); // 97.22 %
    expect(r.validityRate).toBeCloseTo(130 / 140, 12); // 92.86 %
    expect(r.transmissionValidityRate).toBeCloseTo(130 / 144, 12); // 90.28 %
    expect(r.meetsTarget).toBe(true);
    expect(r.formula).toBe('传输率 140/144 = 97.22%；有效率 130/140 = 92.86%；传输有效率 = 90.28%');
  });

  it.each([
    [144, 130, 130, true], // 130/144 = 90.28 %
    [144, 144, 129, false], // 129/144 = 89.58 %
    [10, 10, 9, true], // exactly 90 % meets the target
    [24, 24, 21, false], // 87.5 %
  ])('expected %s, received %s, valid %s → meets %s', (expected, received, valid, meets) => {
    expect(transmissionValidityRate({ expected, received, valid }).meetsTarget).toBe(meets);
  });

  it('caps duplicates above the expected count at 100 %', () => {
    expect(transmissionValidityRate({ expected: 24, received: 30, valid: 24 }).transmissionRate).toBe(1);
  });

  it('nothing expected → no rates; inconsistent counts throw', () => {
    expect(
      transmissionValidityRate({ expected: 0, received: 0, valid: 0 }).transmissionValidityRate,
    ).toBeNull();
    expect(() => transmissionValidityRate({ expected: 10, received: 5, valid: 6 })).toThrow(RangeError);
  });

  it('the target is a parameter', () => {
    expect(transmissionValidityRate({ expected: 100, received: 100, valid: 92 }, 0.95).meetsTarget).toBe(
      false,
    );
  });
});

describe('aggregation sums counts, not rates', () => {
  it('two monitors: 24 hourly (24 valid) and 144 ten-minute (100 valid)', () => {
    const r = aggregateTransmissionValidity([
      { expected: 24, received: 24, valid: 24 },
      { expected: 144, received: 120, valid: 100 },
    ]);
    // pooled 124/168 = 73.8 %; the mean of rates would say (100 % + 69.4 %)/2 = 84.7 %
    expect(r.transmissionValidityRate).toBeCloseTo(124 / 168, 12);
    expect(r.meetsTarget).toBe(false);
  });

  it("one monitor's duplicates do not fill another's gap", () => {
    const r = aggregateTransmissionValidity([
      { expected: 24, received: 48, valid: 48 },
      { expected: 24, received: 0, valid: 0 },
    ]);
    expect(r.transmissionValidityRate).toBe(0.5);
  });
});

describe('expectedRecords and onlineRate', () => {
  it.each([
    [shanghaiInstant(2024, 5, 10), shanghaiInstant(2024, 5, 11), 10, 144],
    [shanghaiInstant(2024, 5, 10), shanghaiInstant(2024, 5, 11), 60, 24],
    [shanghaiInstant(2024, 2, 1), shanghaiInstant(2024, 3, 1), 60, 29 * 24],
    [shanghaiInstant(2024, 5, 11), shanghaiInstant(2024, 5, 10), 60, 0],
  ])('%s → %s every %s min = %s', (from, to, interval, n) => {
    expect(expectedRecords(from, to, interval)).toBe(n);
  });

  it('onlineRate', () => {
    expect(onlineRate(1368, 1440)).toBe(0.95);
    expect(onlineRate(1500, 1440)).toBe(1);
    expect(onlineRate(10, 0)).toBeNull();
  });
});
