import { correctForO2, zsAvgDisagrees } from '@dabiao/domain';
import { describe, expect, it } from 'vitest';
import { createUnitGenerator, type DataRecord, PROFILES, resolveProfile } from '../src/index.js';
import { AIR_UNIT, DAY, DAY0, HOUR, MIN, unitFor, WATER_UNIT } from './units.js';

const dayOf = (profile: string, seed = 1) => [
  ...createUnitGenerator({ unit: unitFor(profile), seed }).records(DAY0, DAY0 + DAY),
];
const num = (r: DataRecord | null | undefined, code: string, field: string) =>
  r?.pollutants[code]?.[field] as number;

describe('generators', () => {
  it('are deterministic for a seed and differ between seeds', () => {
    expect(dayOf('coal-boiler', 7)).toEqual(dayOf('coal-boiler', 7));
    expect(dayOf('coal-boiler', 7)).not.toEqual(dayOf('coal-boiler', 8));
  });

  it('give the same record for a period computed alone as in a run (random access)', () => {
    const g1 = createUnitGenerator({ unit: AIR_UNIT, seed: 3 });
    const g2 = createUnitGenerator({ unit: AIR_UNIT, seed: 3 });
    const run = [...g1.records(DAY0, DAY0 + 6 * HOUR)];
    const t = DAY0 + 4 * HOUR + 20 * MIN;
    expect(g2.minute(t)).toEqual(run.find((r) => r.cn === '2051' && r.dataTime.getTime() === t));
    expect(g2.hour(DAY0 + 2 * HOUR)).toEqual(
      run.find((r) => r.cn === '2061' && r.dataTime.getTime() === DAY0 + 2 * HOUR),
    );
  });

  it('produce a day of 144 minute, 24 hourly and 1 daily record in send order', () => {
    const recs = dayOf('cement-kiln');
    expect(recs.filter((r) => r.cn === '2051')).toHaveLength(144);
    expect(recs.filter((r) => r.cn === '2061')).toHaveLength(24);
    expect(recs.filter((r) => r.cn === '2031')).toHaveLength(1);
    // The hour's record follows the hour's last minute record; the day's comes last, at DataTime 00:00.
    const firstHour = recs.findIndex((r) => r.cn === '2061');
    expect(recs[firstHour - 1]?.dataTime.getTime()).toBe(DAY0 + 50 * MIN);
    expect(recs.at(-1)?.cn).toBe('2031');
    expect(recs.at(-1)?.dataTime.getTime()).toBe(DAY0);
    const five = [
      ...createUnitGenerator({ unit: AIR_UNIT, seed: 1 }).records(DAY0, DAY0 + HOUR, { minInterval: 5 }),
    ];
    expect(five.filter((r) => r.cn === '2051')).toHaveLength(12);
  });

  it.each(Object.keys(PROFILES))(
    '%s: every pollutant, plausible values, below the limit in normal operation',
    (name) => {
      const profile = resolveProfile(name);
      const corrected = profile.referenceO2 !== undefined;
      for (const r of dayOf(name)) {
        expect(Object.keys(r.pollutants)).toEqual(profile.pollutants.map((m) => m.code));
        for (const m of profile.pollutants) {
          const f = r.pollutants[m.code]!;
          expect(f.Flag).toBe('N');
          expect(f.Min as number).toBeLessThanOrEqual(f.Avg as number);
          expect(f.Avg as number).toBeLessThanOrEqual(f.Max as number);
          expect(f.Min as number).toBeGreaterThanOrEqual(0);
          const judged = (f.ZsAvg ?? f.Avg) as number;
          if (m.limit !== undefined) expect(judged).toBeLessThan(m.limit);
          if (m.lowerLimit !== undefined) expect(f.Avg as number).toBeGreaterThan(m.lowerLimit);
          expect('ZsAvg' in f).toBe(corrected && m.role === 'pollutant');
          expect('Cou' in f).toBe(m.role === 'pollutant' || m.role === 'flow');
        }
      }
    },
  );

  it('report ZsAvg consistent with Avg and O2 (the platform recomputes it)', () => {
    const g = createUnitGenerator({ unit: AIR_UNIT, seed: 1 });
    for (const r of g.records(DAY0, DAY0 + DAY)) {
      const o2 = num(r, 'a19001', 'Avg');
      for (const code of ['a34013', 'a21026', 'a21002']) {
        const ours = correctForO2(num(r, code, 'Avg'), o2, 9);
        expect(ours.ok).toBe(true);
        if (ours.ok) expect(zsAvgDisagrees(num(r, code, 'ZsAvg'), ours.value)).toBe(false);
      }
    }
  });

  it('report amounts: flow Cou in m³ and pollutant Cou in kg from concentration × flow', () => {
    const g = createUnitGenerator({ unit: WATER_UNIT, seed: 1 });
    const r = g.hour(DAY0 + 9 * HOUR)!;
    const m3 = num(r, 'w00000', 'Avg') * 3.6; // L/s over an hour → m³
    expect(num(r, 'w00000', 'Cou')).toBeCloseTo(m3, -1);
    const kg = (num(r, 'w01018', 'Avg') * num(r, 'w00000', 'Cou')) / 1000; // mg/L × m³ → kg
    expect(Math.abs(num(r, 'w01018', 'Cou') - kg) / kg).toBeLessThan(0.02);
  });

  it('make the hourly value the mean of its minute values and follow the daily cycle', () => {
    const g = createUnitGenerator({ unit: unitFor('thermal-power'), seed: 2 });
    const hour = g.hour(DAY0 + 10 * HOUR)!;
    const minutes = [0, 1, 2, 3, 4, 5].map((k) =>
      num(g.minute(DAY0 + 10 * HOUR + k * 10 * MIN), 'a21002', 'Avg'),
    );
    expect(num(hour, 'a21002', 'Avg')).toBeCloseTo(minutes.reduce((s, x) => s + x, 0) / 6, 0);
    // Night valley vs evening peak of a grid-dispatched unit.
    expect(num(g.hour(DAY0 + 3 * HOUR), 'a00000', 'Avg')).toBeLessThan(
      num(g.hour(DAY0 + 19 * HOUR), 'a00000', 'Avg'),
    );
  });

  it('produce real-time records with Rtd and ZsRtd', () => {
    const r = createUnitGenerator({ unit: AIR_UNIT, seed: 1 }).realtime(DAY0 + 30_500)!;
    expect(r.cn).toBe('2011');
    expect(r.dataTime.getTime()).toBe(DAY0 + 30_000);
    expect(Object.keys(r.pollutants.a21026!)).toEqual(['Rtd', 'ZsRtd', 'Flag']);
    expect(Object.keys(r.pollutants.a19001!)).toEqual(['Rtd', 'Flag']);
  });

  it("use the unit's own pollutant list, with defaults for codes the profile lacks", () => {
    const unit = { ...AIR_UNIT, pollutants: ['a21026', 'a24088', 'a00000'] };
    const r = createUnitGenerator({ unit, seed: 1 }).hour(DAY0)!;
    expect(Object.keys(r.pollutants)).toEqual(['a21026', 'a24088', 'a00000']);
    expect(num(r, 'a24088', 'Avg')).toBeGreaterThan(0);
  });
});

describe('profiles', () => {
  it('resolve aliases and fall back by ST', () => {
    expect(resolveProfile('coal_boiler').name).toBe('coal-boiler');
    expect(resolveProfile('Thermal_Power').name).toBe('thermal-power');
    expect(resolveProfile('dyeing').name).toBe('dyeing-plant');
    expect(resolveProfile('industrial_air', '31').name).toBe('air');
    expect(resolveProfile('industrial_water', '32').name).toBe('water');
    expect(resolveProfile('unknown', '32').name).toBe('water');
    expect(resolveProfile('unknown', '31').name).toBe('air');
  });

  it('give every limited pollutant a typical level well under its limit', () => {
    for (const p of Object.values(PROFILES))
      for (const m of p.pollutants)
        if (m.role === 'pollutant' && m.limit !== undefined) expect(m.level).toBeLessThan(m.limit * 0.8);
  });
});
