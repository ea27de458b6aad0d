import { runAlarmPass } from '../../src/alarms/engine/alarm-engine';
import { LimitSource } from '../../src/alarms/engine/limit-source';
import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import type { Db } from '../../src/platform/db/database';
import { filingFixtures } from '../filings/filing-fixtures';
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
  // ent-1's first monitor and the districts in and out of its scope, as the filing tests use them.
  const f = await filingFixtures(t);
  const ent = await db
    .selectFrom('enterprise')
    .select(['id', 'region_code'])
    .where('id', '=', f.enterpriseId)
    .executeTakeFirstOrThrow();
  const m = await db
    .selectFrom('monitor')
    .select(['id', 'mn', 'password', 'outlet_id'])
    .where('id', '=', f.monitorId)
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
  await clearPermitLimits(db, ent.id);
  const operator = await db
    .selectFrom('app_user')
    .select('operator_id')
    .where('username', '=', 'operator')
    .executeTakeFirstOrThrow();
  await db.updateTable('monitor').set({ operator_id: operator.operator_id }).where('id', '=', m.id).execute();
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
    ownDistrict: f.ownDistrict,
    otherDistrict: f.otherDistrict,
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

/** Drops the permit limits of an enterprise, so that the standards decide (the demo city writes some). */
export async function clearPermitLimits(db: Db, enterpriseId: number): Promise<void> {
  await db
    .deleteFrom('permit_limit')
    .where('permit_id', 'in', db.selectFrom('permit').select('id').where('enterprise_id', '=', enterpriseId))
    .execute();
}
