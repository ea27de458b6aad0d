import { monthStart, nextMonthStart, type RecordCounts, shanghaiInstant } from '@dabiao/domain';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import { activeScopedMonitors } from '../monitoring.policy';
import { shanghaiIso } from '../shanghai-iso';
import { monitorCounts } from './rate-counts.repository';
import { RATE_TARGET, rateView } from './rate-view';
import type { RateGroupBy, RateRow, RatesView } from './rates.schemas';

interface MonitorInfo {
  monitorId: number;
  mn: string;
  outletId: number;
  outletName: string;
  outletCode: string;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  regionName: string;
}

/** The month's transmission validity per monitor, enterprise or district, pooled from hour counts. */
export async function loadRates(
  db: Db,
  p: Principal,
  q: { regionCode?: string | undefined; month?: string | undefined; groupBy?: RateGroupBy | undefined },
  now: Date,
): Promise<RatesView> {
  const groupBy = q.groupBy ?? 'region';
  const from = q.month
    ? shanghaiInstant(Number(q.month.slice(0, 4)), Number(q.month.slice(5, 7)), 1)
    : monthStart(now);
  const to = nextMonthStart(from);
  const scoped = activeScopedMonitors(db, p, q.regionCode);
  const [monitors, counts] = await Promise.all([
    scoped
      .innerJoin('region', 'region.code', 'enterprise.region_code')
      .select([
        'monitor.id as monitorId',
        'monitor.mn',
        'outlet.id as outletId',
        'outlet.name as outletName',
        'outlet.code as outletCode',
        'enterprise.id as enterpriseId',
        'enterprise.name as enterpriseName',
        'enterprise.region_code as regionCode',
        'region.name as regionName',
      ])
      .execute(),
    monitorCounts(db, scoped.select('monitor.id as monitor_id'), { from, to }, now),
  ]);
  const zero: RecordCounts = { expected: 0, received: 0, valid: 0 };
  const groups = new Map<
    string,
    { head: Omit<RateRow, keyof ReturnType<typeof rateView> | 'monitors'>; parts: RecordCounts[] }
  >();
  for (const m of monitors.sort(byPlace)) {
    const head = rowHead(m, groupBy);
    const g = groups.get(head.key) ?? { head, parts: [] };
    g.parts.push(counts.get(m.monitorId) ?? zero);
    groups.set(head.key, g);
  }
  const rows = [...groups.values()].map((g) => ({
    ...g.head,
    monitors: g.parts.length,
    ...rateView(g.parts),
  }));
  const all = monitors.map((m) => counts.get(m.monitorId) ?? zero);
  return {
    month: shanghaiIso(from).slice(0, 7),
    groupBy,
    from: shanghaiIso(from),
    to: shanghaiIso(to),
    asOf: shanghaiIso(now),
    target: RATE_TARGET,
    rows,
    total: { monitors: monitors.length, ...rateView(all) },
  };
}

const byPlace = (a: MonitorInfo, b: MonitorInfo) =>
  a.regionCode.localeCompare(b.regionCode) ||
  a.enterpriseName.localeCompare(b.enterpriseName, 'zh') ||
  a.enterpriseId - b.enterpriseId ||
  a.outletCode.localeCompare(b.outletCode) ||
  a.mn.localeCompare(b.mn);

function rowHead(m: MonitorInfo, groupBy: RateGroupBy) {
  const region = { regionCode: m.regionCode, regionName: m.regionName };
  const none = {
    enterpriseId: null,
    enterpriseName: null,
    outletId: null,
    outletName: null,
    monitorId: null,
    mn: null,
  };
  if (groupBy === 'region') return { key: m.regionCode, name: m.regionName, ...region, ...none };
  const enterprise = { enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName };
  if (groupBy === 'enterprise')
    return { key: String(m.enterpriseId), name: m.enterpriseName, ...region, ...none, ...enterprise };
  return {
    key: String(m.monitorId),
    name: `${m.enterpriseName} ${m.outletName}`,
    ...region,
    ...enterprise,
    outletId: m.outletId,
    outletName: m.outletName,
    monitorId: m.monitorId,
    mn: m.mn,
  };
}
