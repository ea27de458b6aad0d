import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import { notFound, outOfScope } from '../platform/errors/app-error';
import { enterpriseScope } from '../registry/registry.policy';

/**
 * Monitoring data is read through the registry's scope: a monitor belongs to an outlet, the
 * outlet to an enterprise, and `enterpriseScope` (registry.policy.ts) decides who sees that
 * enterprise. As in the registry, a record that exists outside the caller's scope answers 403
 * (OUT_OF_SCOPE), one that does not exist 404.
 */
export function scopedMonitors(db: DbOrTrx, p: Principal) {
  return db
    .selectFrom('enterprise')
    .where((eb) => enterpriseScope(eb, p))
    .innerJoin('outlet', 'outlet.enterprise_id', 'enterprise.id')
    .innerJoin('monitor', 'monitor.outlet_id', 'outlet.id');
}

/** Active monitors on active outlets of active enterprises in scope, optionally in a region. */
export function activeScopedMonitors(db: DbOrTrx, p: Principal, regionCode?: string) {
  let q = scopedMonitors(db, p)
    .where('enterprise.active', '=', true)
    .where('outlet.active', '=', true)
    .where('monitor.active', '=', true);
  if (regionCode) {
    q =
      regionCode.length === 9
        ? q.where('enterprise.township_code', '=', regionCode)
        : q.where('enterprise.region_code', 'like', `${regionPrefix(regionCode)}%`);
  }
  return q;
}

export async function findOutletInScope(db: DbOrTrx, p: Principal, outletId: number) {
  const row = await db
    .selectFrom('enterprise')
    .where((eb) => enterpriseScope(eb, p))
    .innerJoin('outlet', 'outlet.enterprise_id', 'enterprise.id')
    .select([
      'outlet.id',
      'outlet.code',
      'outlet.name',
      'outlet.kind',
      'outlet.reference_o2',
      'enterprise.id as enterprise_id',
      'enterprise.name as enterprise_name',
    ])
    .where('outlet.id', '=', outletId)
    .executeTakeFirst();
  if (!row) {
    const exists = await db.selectFrom('outlet').select('id').where('id', '=', outletId).executeTakeFirst();
    throw exists ? outOfScope() : notFound('排放口');
  }
  return row;
}

export async function findMonitorInScope(db: DbOrTrx, p: Principal, monitorId: number) {
  const row = await scopedMonitors(db, p)
    .select(['monitor.id', 'monitor.mn', 'outlet.id as outlet_id'])
    .where('monitor.id', '=', monitorId)
    .executeTakeFirst();
  if (!row) {
    const exists = await db.selectFrom('monitor').select('id').where('id', '=', monitorId).executeTakeFirst();
    throw exists ? outOfScope() : notFound('在线监控设备');
  }
  return row;
}

export async function isMonitorInScope(db: DbOrTrx, p: Principal, monitorId: number): Promise<boolean> {
  const row = await scopedMonitors(db, p)
    .select('monitor.id')
    .where('monitor.id', '=', monitorId)
    .executeTakeFirst();
  return !!row;
}

/** Ids of the outlet's monitors, past ones included: a replaced unit's data is still the outlet's. */
export const monitorsOfOutlet = (db: DbOrTrx, outletId: number) =>
  db.selectFrom('monitor').select('monitor.id').where('monitor.outlet_id', '=', outletId);

/** Frames from an unknown MN belong to no enterprise: only the city administration sees them. */
export const seesUnattributedFrames = (p: Principal) =>
  (p.role === 'admin' || p.role === 'city') && regionPrefix(p.regionCode).length <= 4;
