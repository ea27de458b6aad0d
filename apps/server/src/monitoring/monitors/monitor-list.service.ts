import { dayStart, type RecordCounts } from '@dabiao/domain';
import type { Static } from 'typebox';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import { activeScopedMonitors } from '../monitoring.policy';
import { isOnline } from '../online';
import { monitorCounts } from '../rates/rate-counts.repository';
import { rateView } from '../rates/rate-view';
import { shanghaiIso } from '../shanghai-iso';
import type { MonitorListQuery, MonitorStatusView } from './monitor-list.schemas';

const SORT_COLUMNS = {
  enterpriseName: 'enterprise.name',
  mn: 'monitor.mn',
  outletName: 'outlet.name',
  lastSeenAt: 'monitor.last_seen_at',
} as const;
const DAY_MS = 86_400_000;

/** Monitors in scope with their connection state and today's transmission validity. */
export async function listMonitorStatus(
  db: Db,
  p: Principal,
  query: MonitorListQuery,
  now: Date,
  onlineMinutes: number,
): Promise<{ items: Static<typeof MonitorStatusView>[]; total: number }> {
  let base = activeScopedMonitors(db, p, query.regionCode);
  if (query.enterpriseId) base = base.where('enterprise.id', '=', query.enterpriseId);
  if (query.outletKind) base = base.where('outlet.kind', '=', query.outletKind);
  if (query.online !== undefined) {
    const since = new Date(now.getTime() - onlineMinutes * 60_000);
    base = query.online
      ? base.where('monitor.last_seen_at', '>=', since)
      : base.where((eb) =>
          eb.or([eb('monitor.last_seen_at', 'is', null), eb('monitor.last_seen_at', '<', since)]),
        );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('monitor.mn', 'like', like.toUpperCase()),
        eb('enterprise.name', 'like', like),
        eb('outlet.name', 'like', like),
      ]),
    );
  }
  const desc = query.sort.startsWith('-');
  const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const [rows, count] = await Promise.all([
    base
      .innerJoin('region', 'region.code', 'enterprise.region_code')
      .leftJoin('monitor_data_span as span', 'span.monitor_id', 'monitor.id')
      .select([
        'monitor.id',
        'monitor.mn',
        'monitor.last_seen_at',
        'monitor.last_peer',
        'outlet.id as outlet_id',
        'outlet.code as outlet_code',
        'outlet.name as outlet_name',
        'outlet.kind as outlet_kind',
        'enterprise.id as enterprise_id',
        'enterprise.name as enterprise_name',
        'enterprise.region_code',
        'region.name as region_name',
        'span.first_data_at',
        'span.last_data_at',
      ])
      .orderBy(column, (ob) => (desc ? ob.desc() : ob.asc()).nullsLast())
      .orderBy('monitor.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const today = dayStart(now);
  const counts = rows.length
    ? await monitorCounts(
        db,
        db
          .selectFrom('monitor')
          .select('monitor.id as monitor_id')
          .where(
            'monitor.id',
            'in',
            rows.map((r) => r.id),
          ),
        { from: today, to: new Date(today.getTime() + DAY_MS) },
        now,
      )
    : new Map<number, RecordCounts>();
  const iso = (d: Date | null) => (d === null ? null : shanghaiIso(new Date(d)));
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      mn: r.mn,
      outletId: r.outlet_id,
      outletCode: r.outlet_code,
      outletName: r.outlet_name,
      outletKind: r.outlet_kind,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      regionCode: r.region_code,
      regionName: r.region_name,
      lastSeenAt: iso(r.last_seen_at),
      lastPeer: r.last_peer,
      online: isOnline(r.last_seen_at, now, onlineMinutes),
      firstDataAt: iso(r.first_data_at),
      lastDataAt: iso(r.last_data_at),
      today: rateView([counts.get(r.id) ?? { expected: 0, received: 0, valid: 0 }]),
    })),
  };
}
