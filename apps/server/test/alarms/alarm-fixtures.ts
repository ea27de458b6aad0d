import { runAlarmPass } from '../../src/alarms/engine/alarm-engine';
import { LimitSource } from '../../src/alarms/engine/limit-source';
import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import { at, ingest, minutesOf, type Station, so2 } from '../monitoring/monitoring-fixtures';
import type { TestApp } from '../support/test-app';

export { at };

/**
 * ent-1's first flue-gas monitor, its outlet set up as a new industrial coal boiler measuring SO2
 * (GB 13271-2014: 300 mg/m³ at 9 % O2, hourly), maintained by the demo operator company; the
 * district users in and out of its scope.
 */
export async function alarmFixtures(t: TestApp) {
  const db = t.database.db;
  const ent = await db
    .selectFrom('app_user')
    .innerJoin('enterprise', 'enterprise.id', 'app_user.enterprise_id')
    .select(['enterprise.id', 'enterprise.region_code'])
    .where('app_user.username', '=', 'ent-1')
    .executeTakeFirstOrThrow();
  const m = await db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select(['monitor.id', 'monitor.mn', 'monitor.password', 'outlet.id as outlet_id'])
    .where('outlet.enterprise_id', '=', ent.id)
    .orderBy('monitor.id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('outlet')
    .set({
      kind: 'air',
      pollutants: ['a21026'],
      reference_o2: 9,
      standard_category: 'industrial-coal-boiler',
      source_age: 'new',
    })
    .where('id', '=', m.outlet_id)
    .execute();
  // The standard decides in these tests, not a permit limit the demo city wrote for this outlet.
  const permits = await db.selectFrom('permit').select('id').where('enterprise_id', '=', ent.id).execute();
  if (permits.length)
    await db
      .deleteFrom('permit_limit')
      .where(
        'permit_id',
        'in',
        permits.map((p) => p.id),
      )
      .execute();
  const operator = await db
    .selectFrom('app_user')
    .select('operator_id')
    .where('username', '=', 'operator')
    .executeTakeFirstOrThrow();
  await db.updateTable('monitor').set({ operator_id: operator.operator_id }).where('id', '=', m.id).execute();
  const district = async (op: '=' | '!=') =>
    (
      await db
        .selectFrom('app_user')
        .select('username')
        .where('role', '=', 'district')
        .where('region_code', op, ent.region_code)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).username;
  const station: Station = {
    monitorId: m.id,
    outletId: m.outlet_id,
    enterpriseId: ent.id,
    regionCode: ent.region_code,
    mn: m.mn,
    pw: m.password,
    st: '31',
  };
  return {
    station,
    enterpriseId: ent.id,
    districtCode: ent.region_code,
    ownDistrict: await district('='),
    otherDistrict: await district('!='),
  };
}

/** Six 10-minute SO2 records of the hour at `so2Avg` mg/m³ and 9 % O2 (no correction needed). */
export async function sendHour(t: TestApp, s: Station, hourStart: Date, so2Avg: number) {
  await ingest(
    t.database.db,
    s,
    minutesOf(hourStart, 6, () => so2(so2Avg, 9)),
  );
}

/** The aggregator, then one pass of the alarm engine, at the test clock. */
export async function processAlarms(t: TestApp, limits = new LimitSource(), sweep = false) {
  const now = t.clock.now();
  await runAggregation(t.database.db, { now });
  return runAlarmPass(t.database.db, limits, now, { sweep });
}
