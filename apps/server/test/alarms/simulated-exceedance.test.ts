import { createUnitGenerator, runSimulation, type SimUnit } from '@dabiao/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { clearPermitLimits, processAlarms } from './alarm-fixtures';

/**
 * The alarm platform end to end: simulated units speak HJ 212 over TCP to the gateway, one of them
 * in the exceedance scenario; the aggregator forms the hours, the alarm engine judges them against
 * the resolved standard and sends the sheets to the district of the enterprise.
 */
describe(`simulated exceedance → alarm sheets in the district's inbox (${DB_KIND})`, () => {
  let t: TestApp;
  let units: (SimUnit & { id: number; district: string; enterpriseId: number })[];
  const start = new Date('2026-11-20T00:00:00+08:00');
  const end = new Date('2026-11-21T00:00:00+08:00');

  beforeAll(async () => {
    t = await buildTestApp({ gateway: true });
    const db = t.database.db;
    const rows = await db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select([
        'monitor.id',
        'monitor.mn',
        'monitor.password',
        'outlet.id as outlet_id',
        'outlet.pollutants',
        'enterprise.id as enterprise_id',
        'enterprise.region_code',
      ])
      .where('monitor.active', '=', true)
      .where('outlet.profile', '=', 'coal_boiler')
      .orderBy('monitor.id')
      .limit(2)
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      // GB 13271-2014, new coal boiler; no permit limit, so the standard (special limits) decides.
      await db
        .updateTable('outlet')
        .set({ standard_category: 'industrial-coal-boiler', source_age: 'new' })
        .where('id', '=', r.outlet_id)
        .execute();
      await clearPermitLimits(db, r.enterprise_id);
    }
    // The simulator's coal boilers aim at GB 13271-2014 表3 特别排放限值 (PM 30, SO2 200, NOx 200 at
    // 9 % O2): the test designates the city for them, as an authority's notice would.
    await db
      .insertInto('special_limit_designation')
      .values({
        kind: 'special',
        standard_codes: ['GB 13271-2014'],
        region_codes: ['430900'],
        categories: null,
        source_age: null,
        effective_from: '2020-01-01',
        effective_to: null,
        document: '（测试）益阳市执行锅炉大气污染物特别排放限值的公告',
        created_by: null,
      })
      .execute();
    units = rows.map((r) => ({
      id: r.id,
      mn: r.mn,
      pw: r.password,
      st: '31',
      profile: 'coal_boiler',
      pollutants: r.pollutants,
      district: r.region_code,
      enterpriseId: r.enterprise_id,
    }));
  });
  afterAll(() => t?.close());

  it('dispatches the exceedance episode to the district and nothing for the normal unit', async () => {
    const [bad, normal] = units as [(typeof units)[0], (typeof units)[0]];
    const scenarios = { [bad.mn]: 'exceedance' as const };
    const sim = runSimulation({
      host: '127.0.0.1',
      port: t.gatewayPort!,
      units: [bad, normal],
      seed: 11,
      speed: Number.POSITIVE_INFINITY,
      start,
      end,
      scenarios,
    });
    expect((await sim.done).failures).toBe(0);
    await processAlarms(t);

    // Which pollutant the scenario raised, from the same pure generator the simulator used.
    const gen = createUnitGenerator({ unit: bad, seed: 11, scenario: 'exceedance' });
    const hourly = [...gen.records(start, end, { daily: false })].filter((r) => r.cn === '2061');
    const alarms = await t.database.db
      .selectFrom('alarm')
      .innerJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id')
      .select([
        'alarm.id',
        'alarm.monitor_id',
        'alarm.pollutant',
        'alarm.started_at',
        'alarm.ended_at',
        'alarm_sheet.district_code',
        'alarm_sheet.number',
      ])
      .where('alarm.kind', '=', 'exceedance')
      .execute();
    expect(alarms.length).toBeGreaterThanOrEqual(1);
    expect(alarms.every((a) => a.monitor_id === bad.id)).toBe(true);
    for (const a of alarms) {
      expect(a.district_code).toBe(bad.district);
      const inHour = hourly.find((r) => r.dataTime.getTime() === new Date(a.started_at).getTime());
      expect(inHour?.pollutants[a.pollutant]).toBeDefined();
      const limit = (
        await t.database.db
          .selectFrom('alarm')
          .select('limit_snapshot')
          .where('id', '=', a.id)
          .executeTakeFirstOrThrow()
      ).limit_snapshot as { special: string | null; designation: { document: string } | null };
      expect(limit.special).toBe('special');
      expect(limit.designation?.document).toContain('特别排放限值');
    }

    const districtUser = await t.database.db
      .selectFrom('app_user')
      .select('username')
      .where('role', '=', 'district')
      .where('region_code', '=', bad.district)
      .executeTakeFirstOrThrow();
    const inbox = (await (await t.as(districtUser.username))('GET', '/inbox')).json();
    const ids = new Set(inbox.items.map((n: { alarmId: number }) => n.alarmId));
    for (const a of alarms) expect(ids.has(a.id)).toBe(true);
  });
});
