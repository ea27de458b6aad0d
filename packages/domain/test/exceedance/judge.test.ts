import { describe, expect, it } from 'vitest';
import { judge } from '../../src/exceedance/judge';
import { day, hour, SO2_POWER, WWTP_1A } from './helpers';

describe('judge — O2-corrected hourly flue-gas values (GB 13223 SO2 ≤ 100 mg/m³ at 6 % O2)', () => {
  it('90 mg/m³ at 9 % O2 → 90 × 15 / 12 = 112.5 → exceeds, 1.125 times the limit', () => {
    const j = judge(hour(8, 90), SO2_POWER());
    expect(j).toMatchObject({
      ok: true,
      exceeds: true,
      value: 90,
      compared: 112.5,
      multiple: 1.125,
      excess: 0.125,
      outside: null,
      o2: { measured: 90, o2Measured: 9, o2Reference: 6, formula: '90 × (21 − 6) / (21 − 9) = 112.5' },
    });
  });

  it.each([
    [80, 9, 100, false], // 80 × 15 / 12 = 100: equal to the limit meets it
    [110, 4.2, 98.214, false], // 110 × 15 / 16.8 = 98.21: measured above, corrected below
    [100, 6, 100, false], // at the reference O2 nothing changes
    [60, 15, 150, true], // 60 × 15 / 6 = 150: dilution does not hide it
  ])('%s mg/m³ at %s %% O2 → corrected %s, exceeds %s', (c, o2, corrected, exceeds) => {
    const j = judge(hour(8, c, o2), SO2_POWER());
    expect(j.ok && j.compared).toBeCloseTo(corrected, 3);
    expect(j.ok && j.exceeds).toBe(exceeds);
  });

  it('a value already corrected (ZsAvg) is compared as it is', () => {
    const j = judge({ ...hour(8, 120, 9), corrected: true }, SO2_POWER());
    expect(j).toMatchObject({
      ok: true,
      compared: 120,
      multiple: 1.2,
      o2: { measured: null, formula: null },
    });
  });

  it.each([
    [null, 'O2_MISSING'],
    [20, 'O2_NEAR_AMBIENT'],
    [-1, 'O2_INVALID'],
  ] as const)('O2 %s → no judgement (%s)', (o2, reason) => {
    expect(judge(hour(8, 90, o2), SO2_POWER())).toMatchObject({ ok: false, reason });
  });

  it('a daily value against an hourly limit is not judged', () => {
    expect(judge({ ...day(1, 90), o2: 9 }, SO2_POWER())).toMatchObject({
      ok: false,
      reason: 'AVERAGING_MISMATCH',
    });
  });

  it('a non-numeric value is not judged', () => {
    expect(judge(hour(8, Number.NaN), SO2_POWER())).toMatchObject({ ok: false, reason: 'VALUE_INVALID' });
  });

  it('the period ends one hour later', () => {
    const j = judge(hour(8, 90), SO2_POWER());
    expect(j.end.getTime() - j.start.getTime()).toBe(3_600_000);
  });
});

describe('judge — daily wastewater values (GB 18918 grade 1A)', () => {
  it('COD 60 mg/L against 50 → 1.2 times, 0.2 above; no O2 correction', () => {
    const j = judge(day(10, 60), WWTP_1A('w01018'));
    expect(j).toMatchObject({ ok: true, exceeds: true, compared: 60, o2: null });
    expect(j.ok && j.multiple).toBeCloseTo(1.2, 12);
    expect(j.ok && j.excess).toBeCloseTo(0.2, 12);
    expect(j.end.getTime() - j.start.getTime()).toBe(86_400_000);
  });

  it.each([
    [5.2, { side: 'below', distance: 0.8 }],
    [5.99, { side: 'below', distance: 0.01 }],
    [6, null],
    [7, null],
    [9, null],
    [9.5, { side: 'above', distance: 0.5 }],
    [12, { side: 'above', distance: 3 }],
  ])('pH %s against 6–9 → %j', (ph, outside) => {
    const j = judge(day(10, ph), WWTP_1A('w01001'));
    if (!j.ok) throw new Error(j.reason);
    expect(j.exceeds).toBe(outside !== null);
    expect(j.multiple).toBeNull();
    if (outside === null) expect(j.outside).toBeNull();
    else {
      expect(j.outside?.side).toBe(outside.side);
      expect(j.outside?.distance).toBeCloseTo(outside.distance, 9);
    }
  });
});
