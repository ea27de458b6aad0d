import type { TestApp } from '../support/test-app';

export const HOUR = 3_600_000;

/** ent-1's enterprise with one of its outlets and monitors, a district in and one out of its scope. */
export async function filingFixtures(t: TestApp) {
  const db = t.database.db;
  const ent = await db
    .selectFrom('app_user')
    .innerJoin('enterprise', 'enterprise.id', 'app_user.enterprise_id')
    .select(['enterprise.id', 'enterprise.region_code'])
    .where('app_user.username', '=', 'ent-1')
    .executeTakeFirstOrThrow();
  const monitor = await db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select(['monitor.id as monitorId', 'outlet.id as outletId'])
    .where('outlet.enterprise_id', '=', ent.id)
    .orderBy('monitor.id')
    .executeTakeFirstOrThrow();
  const foreignOutlet = await db
    .selectFrom('outlet')
    .select(['id', 'enterprise_id'])
    .where('enterprise_id', '!=', ent.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
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
  return {
    enterpriseId: ent.id,
    outletId: monitor.outletId,
    monitorId: monitor.monitorId,
    foreignOutlet,
    ownDistrict: await district('='),
    otherDistrict: await district('!='),
  };
}

/** A valid filing body starting `startInHours` after the test clock. */
export function filingBody(t: TestApp, startInHours: number, lengthHours = 4, extra: object = {}) {
  const start = t.clock.now().getTime() + startInHours * HOUR;
  return {
    kind: 'maintenance',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + lengthHours * HOUR).toISOString(),
    reason: '脱硫塔检修',
    ...extra,
  };
}
