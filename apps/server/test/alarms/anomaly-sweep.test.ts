import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noEffects } from '../../src/alarms/engine/alarm-store';
import { sweepAnomalies } from '../../src/alarms/engine/anomaly-sweep';
import { LimitSource } from '../../src/alarms/engine/limit-source';
import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import { ingest, minutesOf } from '../monitoring/monitoring-fixtures';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { alarmFixtures, at } from './alarm-fixtures';

const HOUR = 3_600_000;

describe(`anomaly rules swept over stored hours (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof alarmFixtures>>;
  const limits = new LimitSource();

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await alarmFixtures(t);
    await t.database.db
      .updateTable('outlet')
      .set({ pollutants: ['a21026', 'a19001', 'a00000'] })
      .where('id', '=', fx.station.outletId)
      .execute();
    // 00:00-07:59 on the 23rd (Shanghai): SO2 stuck at exactly 123.4 mg/m³, flow and O2 normal;
    // then the unit goes silent (the test clock is 10:00).
    for (let h = 0; h < 8; h++)
      await ingest(
        t.database.db,
        fx.station,
        minutesOf(at(h, 0, 23), 6, () => ({
          a21026: { Avg: 123.4, Flag: 'N' },
          a19001: { Avg: 9 + (h % 3) * 0.1, Flag: 'N' },
          a00000: { Avg: 40 + h, Flag: 'N' },
        })),
      );
    await runAggregation(t.database.db, { now: t.clock.now() });
  });
  afterAll(() => t.close());

  const alarms = () =>
    t.database.db
      .selectFrom('alarm')
      .leftJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id')
      .select([
        'alarm.id',
        'alarm.rule',
        'alarm.pollutant',
        'alarm.started_at',
        'alarm.ended_at',
        'alarm.verdict',
        'alarm_sheet.number',
      ])
      .where('alarm.monitor_id', '=', fx.station.monitorId)
      .orderBy('alarm.rule')
      .execute();

  it('finds the constant run and the silence, each with its evidence and a sheet to the district', async () => {
    const fxs = noEffects();
    const r = await sweepAnomalies(t.database.db, limits, t.clock.now(), fxs);
    expect(r.monitors).toBeGreaterThan(500);
    const mine = await alarms();
    expect(mine.map((a) => a.rule)).toEqual(['constant', 'offline']);
    const constant = mine[0]!;
    expect(constant.pollutant).toBe('a21026');
    expect(new Date(constant.started_at)).toEqual(at(0, 0, 23));
    expect(new Date(constant.ended_at)).toEqual(at(8, 0, 23));
    expect(constant.verdict).toContain('123.4');
    expect(constant.number).toMatch(new RegExp(`^BJ-${fx.districtCode}-`));
    const offline = mine[1]!;
    expect(offline.pollutant).toBe('');
    expect(offline.number).not.toBeNull();
    expect(fxs.dispatched.length).toBeGreaterThanOrEqual(2);
  });

  it('a later sweep extends the same alarms instead of opening new ones', async () => {
    t.clock.advance(2 * HOUR);
    const before = await alarms();
    await sweepAnomalies(t.database.db, limits, t.clock.now(), noEffects());
    const after = await alarms();
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    const offline = after.find((a) => a.rule === 'offline')!;
    expect(new Date(offline.ended_at).getTime()).toBeGreaterThan(
      new Date(before.find((a) => a.rule === 'offline')!.ended_at).getTime(),
    );
  });

  it('a rule the city switched off finds nothing', async () => {
    const city = await t.as('city');
    const bad = await city('PUT', '/alarm-settings/anomaly-rules', {
      rules: [{ code: 'nonsense', enabled: false, minHours: 1, params: {} }],
    });
    expect(bad.statusCode).toBe(422);
    const district = await t.as(fx.ownDistrict);
    expect((await district('PUT', '/alarm-settings/anomaly-rules', { rules: [] })).statusCode).toBe(403);
    const ok = await city('PUT', '/alarm-settings/anomaly-rules', {
      rules: [{ code: 'constant', enabled: false, minHours: 6, params: {} }],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().rules.find((r: { code: string }) => r.code === 'constant').enabled).toBe(false);
    await t.database.db.deleteFrom('alarm_sheet_step').execute();
    await t.database.db.deleteFrom('notification').execute();
    await t.database.db.deleteFrom('alarm_sheet').execute();
    await t.database.db.deleteFrom('alarm').execute();
    await sweepAnomalies(t.database.db, limits, t.clock.now(), noEffects());
    expect((await alarms()).map((a) => a.rule)).toEqual(['offline']);
  });
});
