import { describe, expect, it } from 'vitest';
import {
  createUnitGenerator,
  type DataRecord,
  resolveProfile,
  SCENARIO_NAMES,
  type ScenarioName,
  type SimUnit,
} from '../src/index.js';
import { AIR_UNIT, DAY, DAY0, MIN, WATER_UNIT } from './units.js';

const WEEK = 7;
const LIMITED = ['a34013', 'a21026', 'a21002'];
const limitOf = (unit: SimUnit, code: string) =>
  resolveProfile(unit.profile, unit.st).pollutants.find((m) => m.code === code)!.limit!;

function minutes(scenario: ScenarioName, unit: SimUnit = AIR_UNIT, days = WEEK, seed = 5): DataRecord[] {
  const g = createUnitGenerator({ unit, seed, scenario });
  return [...g.records(DAY0, DAY0 + days * DAY, { hourly: false, daily: false })];
}
const value = (r: DataRecord, code: string, field = 'Avg') => r.pollutants[code]![field] as number;
/** What the limit is judged on: the O2-corrected value where there is one. */
const judged = (r: DataRecord, code: string) =>
  value(r, code, r.pollutants[code]!.ZsAvg === undefined ? 'Avg' : 'ZsAvg');
const dayOf = (r: DataRecord) => Math.floor((r.dataTime.getTime() - DAY0) / DAY);

function stats(xs: number[]) {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  return { mean, sd, cv: sd / mean, min: Math.min(...xs), max: Math.max(...xs) };
}

describe('scenarios', () => {
  it('normal: nothing above a limit, every flag N, no record missing', () => {
    const recs = minutes('normal');
    expect(recs).toHaveLength(WEEK * 144);
    for (const r of recs)
      for (const code of LIMITED) {
        expect(judged(r, code)).toBeLessThan(limitOf(AIR_UNIT, code));
        expect(r.pollutants[code]!.Flag).toBe('N');
      }
  });

  it('exceedance: one episode a day of 1-4 hours, one pollutant above its limit', () => {
    const recs = minutes('exceedance');
    for (let d = 0; d < WEEK; d++) {
      const day = recs.filter((r) => dayOf(r) === d);
      const over = day.filter((r) => LIMITED.some((c) => judged(r, c) > limitOf(AIR_UNIT, c)));
      expect(over.length).toBeGreaterThanOrEqual(6);
      expect(over.length).toBeLessThanOrEqual(24);
      // Contiguous 10-minute periods, all of the same pollutant.
      const times = over.map((r) => r.dataTime.getTime());
      expect(times.at(-1)! - times[0]!).toBe((over.length - 1) * 10 * MIN);
      const codes = new Set(over.flatMap((r) => LIMITED.filter((c) => judged(r, c) > limitOf(AIR_UNIT, c))));
      expect(codes.size).toBe(1);
      const code = [...codes][0]!;
      for (const r of over) expect(judged(r, code) / limitOf(AIR_UNIT, code)).toBeGreaterThan(1.04);
    }
  });

  it('exceedance works for water, pH above 9 included', () => {
    const recs = minutes('exceedance', WATER_UNIT, 14);
    const profile = resolveProfile(WATER_UNIT.profile);
    const over = recs.filter((r) =>
      profile.pollutants.some((m) => m.limit !== undefined && value(r, m.code) > m.limit),
    );
    expect(over.length).toBeGreaterThanOrEqual(14 * 6);
  });

  it('constant: limited pollutants repeat one value (Avg = Min = Max)', () => {
    const recs = minutes('constant', AIR_UNIT, 2);
    for (const code of LIMITED) {
      const first = value(recs[0]!, code);
      for (const r of recs) {
        expect(value(r, code)).toBe(first);
        expect(value(r, code, 'Min')).toBe(first);
        expect(value(r, code, 'Max')).toBe(first);
      }
    }
    // Flue conditions keep moving.
    expect(new Set(recs.map((r) => value(r, 'a01012'))).size).toBeGreaterThan(10);
  });

  it('zeros: limited pollutants report 0 while the flow goes on', () => {
    for (const r of minutes('zeros', AIR_UNIT, 1)) {
      for (const code of LIMITED) expect(value(r, code, 'Max')).toBe(0);
      expect(value(r, 'a00000')).toBeGreaterThan(0);
    }
  });

  it('clipped: values at 95-100 % of the limit with collapsed variability', () => {
    const clipped = minutes('clipped', AIR_UNIT, 2);
    const normal = minutes('normal', AIR_UNIT, 2);
    for (const code of LIMITED) {
      const limit = limitOf(AIR_UNIT, code);
      const xs = clipped.map((r) => judged(r, code) / limit);
      const s = stats(xs);
      expect(s.min).toBeGreaterThanOrEqual(0.95);
      expect(s.max).toBeLessThan(1);
      expect(s.cv).toBeLessThan(0.01);
      expect(stats(normal.map((r) => judged(r, code))).cv).toBeGreaterThan(0.05);
    }
  });

  it('drift: the ratio to normal changes 5-15 % a day in one direction, reset weekly', () => {
    const g = (scenario: ScenarioName) => createUnitGenerator({ unit: AIR_UNIT, seed: 5, scenario });
    const drift = g('drift');
    const normal = g('normal');
    for (const code of LIMITED) {
      const ratios = Array.from({ length: 14 }, (_, d) => {
        const t = DAY0 + d * DAY;
        return value(drift.day(t)!, code) / value(normal.day(t)!, code);
      });
      const steps = ratios.slice(1).map((r, i) => r - ratios[i]!);
      const sign = steps.filter((x) => x > 0).length > steps.length / 2 ? 1 : -1;
      const regular = steps.filter(
        (x) => Math.sign(x) === sign && Math.abs(x) >= 0.045 && Math.abs(x) <= 0.155,
      );
      expect(regular.length).toBeGreaterThanOrEqual(11); // 13 steps, 2 of them weekly resets
    }
  });

  it('gaps: 1-2 periods a day with no record at all', () => {
    const recs = minutes('gaps');
    for (let d = 0; d < WEEK; d++) {
      const n = recs.filter((r) => dayOf(r) === d).length;
      expect(n).toBeLessThanOrEqual(144 - 6);
      expect(n).toBeGreaterThanOrEqual(144 - 2 * 36 - 1);
    }
    const g = createUnitGenerator({ unit: AIR_UNIT, seed: 5, scenario: 'gaps' });
    const gap = g.signal.windows(DAY0, DAY0 + DAY).find((w) => w.kind === 'gap')!;
    expect(g.minute(gap.start)).toBeNull();
    expect(g.realtime(gap.start + 1000)).toBeNull();
  });

  it('disconnect: data as normal, with 1-3 offline windows a day', () => {
    expect(minutes('disconnect', AIR_UNIT, 1)).toEqual(minutes('normal', AIR_UNIT, 1));
    const g = createUnitGenerator({ unit: AIR_UNIT, seed: 5, scenario: 'disconnect' });
    for (let d = 0; d < WEEK; d++) {
      const ws = g.signal
        .windows(DAY0 + d * DAY, DAY0 + (d + 1) * DAY)
        .filter((w) => w.kind === 'disconnect');
      expect(ws.length).toBeGreaterThanOrEqual(1);
      expect(ws.length).toBeLessThanOrEqual(3);
      expect(g.signal.disconnected(ws[0]!.start)).toBe(true);
      expect(g.signal.disconnected(ws[0]!.end)).toBe(
        ws.some((w) => w.start <= ws[0]!.end && ws[0]!.end < w.end),
      );
    }
  });

  it('calibration: a daily 30-minute C period on the analysers, weekly M maintenance', () => {
    const recs = minutes('calibration');
    for (let d = 0; d < WEEK; d++) {
      const day = recs.filter((r) => dayOf(r) === d);
      const c = day.filter((r) => r.pollutants.a21026!.Flag === 'C');
      expect(c).toHaveLength(3);
      for (const r of c) {
        expect(r.pollutants.a19001!.Flag).toBe('C');
        expect(r.pollutants.a00000!.Flag).toBe('N');
      }
    }
    const m = recs.filter((r) => r.pollutants.a21026!.Flag === 'M');
    expect(m.length).toBeGreaterThanOrEqual(12);
    expect(m.length).toBeLessThanOrEqual(24);
    expect(new Set(m.map(dayOf)).size).toBe(1);
  });

  it('every scenario is deterministic', () => {
    for (const s of SCENARIO_NAMES)
      expect(minutes(s, WATER_UNIT, 1, 9)).toEqual(minutes(s, WATER_UNIT, 1, 9));
  });
});
