import { describe, expect, it } from 'vitest';
import {
  amountFromConcentration,
  annualShareUsed,
  emissionAmount,
} from '../../src/monitoring/emission-amount';

describe('amountFromConcentration — kg, hand-computed', () => {
  it('air: 50 mg/m³ × 200 000 m³/h × 1 h = 10 000 000 mg = 10 kg', () => {
    const r = amountFromConcentration({
      concentration: 50,
      concentrationUnit: 'mg/m3',
      flowRate: 200_000,
      durationHours: 1,
    });
    expect(r).toEqual({ ok: true, kg: 10, source: 'COMPUTED' });
  });

  it('air, flow in m³/s (HJ 212 a00000): 35 mg/m³ × 50 m³/s × 24 h = 151.2 kg', () => {
    const r = amountFromConcentration({
      concentration: 35,
      concentrationUnit: 'mg/m3',
      flowRate: 50,
      flowRateUnit: 'm3/s',
      durationHours: 24,
    });
    expect(r.ok && r.kg).toBeCloseTo(151.2, 9);
  });

  it('water: 40 mg/L × 5 000 m³ = 200 kg (1 m³ = 1000 L)', () => {
    const r = amountFromConcentration({ concentration: 40, concentrationUnit: 'mg/L', volumeM3: 5000 });
    expect(r.ok && r.kg).toBeCloseTo(200, 9);
  });

  it('water, flow in L/s (HJ 212 w00000): 5 mg/L × 10 L/s × 24 h = 864 m³ → 4.32 kg', () => {
    const r = amountFromConcentration({
      concentration: 5,
      concentrationUnit: 'mg/L',
      flowRate: 10,
      flowRateUnit: 'L/s',
      durationHours: 24,
    });
    expect(r.ok && r.kg).toBeCloseTo(4.32, 9);
  });

  it('refuses missing or negative input', () => {
    expect(amountFromConcentration({ concentration: 5, concentrationUnit: 'mg/L' })).toEqual({
      ok: false,
      reason: 'NO_INPUT',
    });
    expect(amountFromConcentration({ concentration: -1, concentrationUnit: 'mg/L', volumeM3: 1 })).toEqual({
      ok: false,
      reason: 'INVALID_INPUT',
    });
  });
});

describe('emissionAmount — the unit Cou (kg) wins when present', () => {
  const computed = { concentration: 40, concentrationUnit: 'mg/L', volumeM3: 5000 } as const;
  it.each([
    [12.5, 'COU', 12.5],
    [null, 'COMPUTED', 200],
    [undefined, 'COMPUTED', 200],
  ])('Cou %s → %s %s kg', (cou, source, kg) => {
    expect(emissionAmount(cou, computed)).toMatchObject({ ok: true, source, kg });
  });

  it('converts a Cou given in tonnes or grams', () => {
    expect(emissionAmount(0.2, undefined, 't')).toMatchObject({ kg: 200 });
    expect(emissionAmount(500, undefined, 'g')).toMatchObject({ kg: 0.5 });
    expect(emissionAmount(null)).toEqual({ ok: false, reason: 'NO_INPUT' });
  });
});

describe('annualShareUsed', () => {
  it.each([
    [50, 200, 0.25, 150, false],
    [200, 200, 1, 0, false],
    [210, 200, 1.05, -10, true],
  ])('%s t of %s t → %s', (used, permitted, share, remainingT, exceeded) => {
    expect(annualShareUsed(used, permitted)).toEqual({ share, remainingT, exceeded });
  });

  it('no usable permit amount → null', () => {
    expect(annualShareUsed(10, 0)).toBeNull();
    expect(annualShareUsed(10, Number.NaN)).toBeNull();
  });
});
