import { createUnitGenerator, runSimulation, type SimUnit } from '@dabiao/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

/**
 * The whole path with the simulator as the units: HJ 212 over TCP → gateway → records → aggregator
 * → valid hourly values. The simulator's generators are pure, so the test knows every value the
 * units sent and checks that the platform stored exactly those, flags included.
 */
describe(`simulated units through the gateway (${DB_KIND})`, () => {
  let t: TestApp;
  let units: (SimUnit & { id: number })[];
  const start = new Date('2026-11-20T00:00:00+08:00');
  const end = new Date('2026-11-20T03:00:00+08:00');

  beforeAll(async () => {
    t = await buildTestApp({ gateway: true });
    const rows = await t.database.db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .select([
        'monitor.id',
        'monitor.mn',
        'monitor.password',
        'outlet.kind',
        'outlet.profile',
        'outlet.pollutants',
      ])
      .where('monitor.active', '=', true)
      .orderBy('outlet.kind')
      .orderBy('monitor.id')
      .execute();
    const air = rows.filter((r) => r.kind === 'air').slice(0, 2);
    const water = rows.filter((r) => r.kind === 'water').slice(0, 1);
    units = [...air, ...water].map((r) => ({
      id: r.id,
      mn: r.mn,
      pw: r.password,
      st: r.kind === 'water' ? '32' : '31',
      profile: r.profile ?? r.kind,
      pollutants: r.pollutants,
    }));
  });
  afterAll(() => t?.close());

  it('stores every simulated packet with its values and flags, and forms the hours from them', async () => {
    const scenarios = { [units[1]!.mn]: 'calibration' as const };
    const sim = runSimulation({
      host: '127.0.0.1',
      port: t.gatewayPort!,
      units,
      seed: 7,
      speed: Number.POSITIVE_INFINITY,
      start,
      end,
      scenarios,
    });
    const stats = await sim.done;
    expect(stats.failures).toBe(0);
    expect(stats.answered).toBe(stats.sent);

    for (const unit of units) {
      const gen = createUnitGenerator({ unit, seed: 7, scenario: scenarios[unit.mn] ?? 'normal' });
      const expected = [...gen.records(start, end, { daily: false })];
      const stored = await t.database.db
        .selectFrom('monitoring_record')
        .select(['kind', 'data_time', 'values'])
        .where('monitor_id', '=', unit.id)
        .orderBy('data_time')
        .orderBy('kind')
        .execute();
      const kindOf = { '2051': 'min', '2061': 'hour', '2031': 'day', '2011': 'rtd' } as const;
      const simplify = (v: Record<string, Record<string, unknown>>) => JSON.parse(JSON.stringify(v));
      expect(
        stored.filter((r) => r.kind !== 'day').map((r) => [r.kind, r.data_time.toISOString(), r.values]),
      ).toEqual(
        expected
          .map((r) => [kindOf[r.cn], r.dataTime.toISOString(), simplify(r.pollutants)] as const)
          .sort((a, b) => (a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : 1)),
      );
    }

    await runAggregation(t.database.db, { now: new Date('2026-11-21T00:00:00+08:00'), limit: 10_000 });
    const hours = await t.database.db
      .selectFrom('hourly_value')
      .select(['monitor_id', 'pollutant', 'hour', 'valid', 'flag', 'source'])
      .where(
        'monitor_id',
        'in',
        units.map((u) => u.id),
      )
      .execute();
    const normal = hours.filter((h) => h.monitor_id === units[0]!.id);
    expect(new Set(normal.map((h) => h.hour.toISOString())).size).toBe(3);
    expect(normal.every((h) => h.valid && h.source === 'minutes')).toBe(true);
    // The calibrating unit's C-flagged minutes do not count: where a whole hour is flagged C it is invalid.
    const calibrating = hours.filter((h) => h.monitor_id === units[1]!.id);
    const gen = createUnitGenerator({ unit: units[1]!, seed: 7, scenario: 'calibration' });
    let checked = 0;
    for (const h of calibrating) {
      const minutes = [0, 10, 20, 30, 40, 50].map((m) => gen.minute(h.hour.getTime() + m * 60_000, 10));
      const validMinutes = minutes.filter((r) => r && r.pollutants[h.pollutant]?.Flag === 'N').length;
      if (validMinutes < 5) {
        expect(h.valid).toBe(false);
        checked++;
      } else expect(h.valid).toBe(true);
    }
    expect(checked).toBeGreaterThan(0); // the seed puts a calibration inside the period
  });
});
