import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../../src/monitoring/shanghai-time';
import { type WaterMeasurement, waterDailyAverage } from '../../src/monitoring/water-daily-average';

const D = shanghaiInstant(2024, 5, 10);
const every2h = (n: number, f: (i: number) => Partial<WaterMeasurement> = () => ({})): WaterMeasurement[] =>
  Array.from({ length: n }, (_, i) => ({
    time: new Date(D.getTime() + i * 7_200_000),
    value: 40,
    flag: 'N',
    ...f(i),
  }));

describe('waterDailyAverage — analyser measurements, 2-hourly by default', () => {
  it.each([
    [8, false],
    [9, true], // default: 75 % of 12 expected (placeholder until HJ 356 §7 is confirmed)
  ])('%s valid measurements → valid %s', (n, valid) => {
    const r = waterDailyAverage(
      every2h(12, (i) => ({ flag: i < n ? 'N' : 'M' })),
      { dayStart: D },
    );
    expect(r.valid).toBe(valid);
    expect(r).toMatchObject({ expectedCount: 12, requiredCount: 9, validCount: n });
  });

  it('a configured minimum count wins over the coverage share', () => {
    const r = waterDailyAverage(every2h(4), { dayStart: D, minValidCount: 4 });
    expect(r.valid).toBe(true);
  });

  it('flow-weighted: Σ(c·q)/Σq, hand-computed', () => {
    // 30 mg/L × 100 m³ + 60 mg/L × 200 m³ = 15000; / 300 m³ = 50 mg/L (arithmetic mean would be 45)
    const items = every2h(2, (i) => (i === 0 ? { value: 30, flow: 100 } : { value: 60, flow: 200 }));
    const r = waterDailyAverage(items, { dayStart: D, minValidCount: 2 });
    expect(r).toMatchObject({ valid: true, value: 50, method: 'FLOW_WEIGHTED', totalFlow: 300 });
  });

  it('falls back to the arithmetic mean, saying why', () => {
    const noFlow = waterDailyAverage(
      every2h(2, (i) => ({ value: i ? 60 : 30, flow: i ? 200 : null })),
      {
        dayStart: D,
      },
    );
    expect(noFlow).toMatchObject({ value: 45, method: 'ARITHMETIC', weightingNote: 'FLOW_MISSING' });
    const zero = waterDailyAverage(
      every2h(2, (i) => ({ value: i ? 60 : 30, flow: 0 })),
      { dayStart: D },
    );
    expect(zero).toMatchObject({ value: 45, method: 'ARITHMETIC', weightingNote: 'ZERO_FLOW' });
    const asked = waterDailyAverage(
      every2h(2, (i) => ({ value: i ? 60 : 30, flow: 1 })),
      {
        dayStart: D,
        flowWeighted: false,
      },
    );
    expect(asked).toMatchObject({ value: 45, method: 'ARITHMETIC' });
  });

  it('invalid flags are excluded from the weighted mean too', () => {
    const items = every2h(2, (i) =>
      i === 0 ? { value: 30, flow: 100 } : { value: 900, flow: 100, flag: 'C' },
    );
    expect(waterDailyAverage(items, { dayStart: D, minValidCount: 1 }).value).toBe(30);
  });

  it('no data is named', () => {
    expect(waterDailyAverage([], { dayStart: D }).reason).toBe('NO_DATA');
  });
});
