import { describe, expect, it } from 'vitest';
import { correctForO2, zsAvgDisagrees } from '../../src/monitoring/o2-correction';

describe('correctForO2: C_ref = C × (21 − O2_ref) / (21 − O2_meas)', () => {
  it('100 mg/m³ at 9 % O2, reference 6 % → 100 × 15 / 12 = 125', () => {
    const r = correctForO2(100, 9, 6);
    expect(r).toEqual({ ok: true, value: 125, formula: '100 × (21 − 6) / (21 − 9) = 125' });
  });

  it.each([
    [50, 3, 3, 50], // measured at the reference: unchanged
    [30, 6, 9, 24], // 30 × 12 / 15: measured below the reference lowers the value
    [80, 15, 11, 133.333], // 80 × 10 / 6 = 133.33…
  ])('%s mg/m³ at %s %% with reference %s %% → %s', (c, o2, ref, expected) => {
    const r = correctForO2(c, o2, ref);
    expect(r.ok && r.value).toBeCloseTo(expected, 3);
  });

  it.each([
    [20.5, 'O2_NEAR_AMBIENT'],
    [19.5, 'O2_NEAR_AMBIENT'], // at the threshold: refused
    [21, 'O2_NEAR_AMBIENT'],
    [21.5, 'O2_INVALID'],
    [-1, 'O2_INVALID'],
    [Number.NaN, 'O2_INVALID'],
  ])('refuses O2 measured %s → %s', (o2, reason) => {
    const r = correctForO2(100, o2, 6);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it('19.49 % is still corrected; the threshold is configurable', () => {
    expect(correctForO2(10, 19.49, 6).ok).toBe(true);
    expect(correctForO2(10, 18.5, 6, { ambientThreshold: 18 }).ok).toBe(false);
  });

  it('refuses a reference O2 of 21 %', () => {
    expect(correctForO2(10, 9, 21)).toMatchObject({ ok: false, reason: 'O2_INVALID' });
  });
});

describe('zsAvgDisagrees', () => {
  it.each([
    [125, 125, false],
    [130, 125, false], // 5 within max(0.5, 5 % of 125 = 6.25)
    [132, 125, true], // 7 > 6.25
    [0.9, 0.5, false], // 0.4 within the absolute 0.5
    [1.2, 0.5, true],
    [Number.NaN, 10, true],
  ])('unit %s vs computed %s → %s', (unit, computed, disagrees) => {
    expect(zsAvgDisagrees(unit, computed, { relative: 0.05, absolute: 0.5 })).toBe(disagrees);
  });
});
