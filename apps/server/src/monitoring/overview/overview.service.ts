import { dayStart, hourStart, type RecordCounts } from '@dabiao/domain';
import { POLLUTANTS } from '@dabiao/hj212';
import type { Static } from 'typebox';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import { dayKey } from '../aggregation/daily-values';
import { activeScopedMonitors } from '../monitoring.policy';
import { isOnline } from '../online';
import { monitorCounts } from '../rates/rate-counts.repository';
import { rateView } from '../rates/rate-view';
import { shanghaiIso } from '../shanghai-iso';
import type { OverviewView } from './overview.schemas';

const DAY_MS = 86_400_000;
const INVALID_HOURS_SHOWN = 20;

/** The monitoring front page: online units, today's pooled rate, recent invalid hours, by district. */
export async function loadOverview(
  db: Db,
  p: Principal,
  regionCode: string | undefined,
  now: Date,
  onlineMinutes: number,
): Promise<Static<typeof OverviewView>> {
  const scoped = activeScopedMonitors(db, p, regionCode);
  const today = dayStart(now);
  const [monitors, counts, invalid] = await Promise.all([
    scoped
      .innerJoin('region', 'region.code', 'enterprise.region_code')
      .select(['monitor.id', 'monitor.last_seen_at', 'enterprise.region_code', 'region.name as region_name'])
      .orderBy('enterprise.region_code')
      .execute(),
    monitorCounts(
      db,
      scoped.select('monitor.id as monitor_id'),
      { from: today, to: new Date(today.getTime() + DAY_MS) },
      now,
    ),
    scoped
      .innerJoin('hourly_value as h', 'h.monitor_id', 'monitor.id')
      .select([
        'monitor.id as monitorId',
        'monitor.mn',
        'outlet.id as outletId',
        'outlet.name as outletName',
        'enterprise.id as enterpriseId',
        'enterprise.name as enterpriseName',
        'h.pollutant',
        'h.hour',
        'h.invalid_reason',
        'h.flag',
        'h.source',
      ])
      .where('h.valid', '=', false)
      .where('h.hour', '<', hourStart(now)) // the current hour is still filling
      .where('h.hour', '>=', new Date(now.getTime() - 7 * DAY_MS))
      .orderBy('h.hour', 'desc')
      .orderBy('monitor.id')
      .orderBy('h.pollutant')
      .limit(INVALID_HOURS_SHOWN)
      .execute(),
  ]);
  const zero: RecordCounts = { expected: 0, received: 0, valid: 0 };
  const districts = new Map<
    string,
    { name: string; monitors: number; online: number; parts: RecordCounts[] }
  >();
  let online = 0;
  let neverSeen = 0;
  for (const m of monitors) {
    const up = isOnline(m.last_seen_at, now, onlineMinutes);
    if (up) online += 1;
    if (m.last_seen_at === null) neverSeen += 1;
    const d = districts.get(m.region_code) ?? { name: m.region_name, monitors: 0, online: 0, parts: [] };
    d.monitors += 1;
    if (up) d.online += 1;
    d.parts.push(counts.get(m.id) ?? zero);
    districts.set(m.region_code, d);
  }
  return {
    asOf: shanghaiIso(now),
    regionCode: regionCode ?? null,
    onlineWindowMinutes: onlineMinutes,
    monitors: monitors.length,
    online,
    offline: monitors.length - online,
    neverSeen,
    today: { day: dayKey(today), ...rateView(monitors.map((m) => counts.get(m.id) ?? zero)) },
    latestInvalidHours: invalid.map((h) => ({
      monitorId: h.monitorId,
      mn: h.mn,
      outletId: h.outletId,
      outletName: h.outletName,
      enterpriseId: h.enterpriseId,
      enterpriseName: h.enterpriseName,
      pollutant: h.pollutant,
      pollutantName: POLLUTANTS[h.pollutant]?.name ?? h.pollutant,
      hour: shanghaiIso(new Date(h.hour)),
      reason: h.invalid_reason,
      flag: h.flag,
      source: h.source,
    })),
    districts: [...districts].map(([code, d]) => ({
      code,
      name: d.name,
      monitors: d.monitors,
      online: d.online,
      offline: d.monitors - d.online,
      today: rateView(d.parts),
    })),
  };
}
