import type { DbOrTrx } from '../platform/db/database';
import type { FilingTable } from '../platform/db/schema';

export interface FilingWindow {
  id: number;
  kind: FilingTable['kind'];
  /** null: the filing covers every outlet of the enterprise. */
  outletId: number | null;
  startsAt: Date;
  endsAt: Date;
}

export type WindowTarget = { monitorId: number; outletId?: never } | { outletId: number; monitorId?: never };

/**
 * The approved filings whose window overlaps [from, to) for a monitor's or an outlet's data: filed for
 * that outlet, or for all outlets of its enterprise. The alarm engine annotates, not dispatches, alarms
 * inside them.
 */
export async function approvedWindowsCovering(
  db: DbOrTrx,
  query: WindowTarget & { from: Date; to: Date },
): Promise<FilingWindow[]> {
  const outlet =
    query.monitorId !== undefined
      ? await db
          .selectFrom('monitor')
          .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
          .select(['outlet.id', 'outlet.enterprise_id'])
          .where('monitor.id', '=', query.monitorId)
          .executeTakeFirst()
      : await db
          .selectFrom('outlet')
          .select(['id', 'enterprise_id'])
          .where('id', '=', query.outletId)
          .executeTakeFirst();
  if (!outlet) return [];
  const rows = await db
    .selectFrom('filing')
    .select(['id', 'kind', 'outlet_id', 'starts_at', 'ends_at'])
    .where('enterprise_id', '=', outlet.enterprise_id)
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb('outlet_id', '=', outlet.id), eb('outlet_id', 'is', null)]))
    .where('starts_at', '<', query.to)
    .where('ends_at', '>', query.from)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    outletId: r.outlet_id,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
  }));
}
