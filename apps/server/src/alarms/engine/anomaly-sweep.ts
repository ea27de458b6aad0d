import {
  type AnomalyRuleConfig,
  evaluateAnomalies,
  type HourSample,
  hourStart,
  type MonitorWindow,
} from '@dabiao/domain';
import type { Db, DbOrTrx } from '../../platform/db/database';
import { anomalyRulesOf } from '../settings/alarm-settings';
import { type EngineEffects, loadSubjects, recordAnomaly } from './alarm-store';
import { type LimitSource, loadOutletFacts } from './limit-source';

const HOUR_MS = 3_600_000;
/** Hours of data each monitor's rules look at. */
export const WINDOW_HOURS = 24;

export interface SweepResult {
  monitors: number;
  findings: number;
}

/**
 * A2: every active monitor's last 24 complete hours through the anomaly rules the city has set,
 * in chunks (one transaction each). A finding opens an alarm, or updates the one it continues.
 */
export async function sweepAnomalies(
  db: Db,
  limits: LimitSource,
  now: Date,
  fx: EngineEffects,
  chunk = 500,
): Promise<SweepResult> {
  const rules = await anomalyRulesOf(db);
  const ids = (
    await db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select('monitor.id')
      .where('monitor.active', '=', true)
      .where('outlet.active', '=', true)
      .where('enterprise.active', '=', true)
      .orderBy('monitor.id')
      .execute()
  ).map((r) => r.id);
  const result: SweepResult = { monitors: ids.length, findings: 0 };
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    result.findings += await db.transaction().execute((trx) => sweepChunk(trx, limits, part, rules, now, fx));
  }
  return result;
}

async function sweepChunk(
  trx: DbOrTrx,
  limits: LimitSource,
  monitorIds: number[],
  rules: readonly AnomalyRuleConfig[],
  now: Date,
  fx: EngineEffects,
): Promise<number> {
  const windows = await loadWindows(trx, limits, monitorIds, now);
  const subjects = await loadSubjects(trx, monitorIds);
  let n = 0;
  for (const w of windows) {
    const s = subjects.get(w.monitorId);
    if (!s) continue;
    for (const f of evaluateAnomalies(w, now, rules)) {
      await recordAnomaly(trx, s, f, now, fx);
      n++;
    }
  }
  return n;
}

/** The monitors' windows: hourly values of the last complete hours, limits, filings, last data. */
export async function loadWindows(
  trx: DbOrTrx,
  limits: LimitSource,
  monitorIds: readonly number[],
  now: Date,
): Promise<MonitorWindow[]> {
  const to = hourStart(now);
  const from = new Date(to.getTime() - WINDOW_HOURS * HOUR_MS);
  const monitors = await trx
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select([
      'monitor.id',
      'monitor.outlet_id',
      'monitor.last_seen_at',
      'outlet.kind',
      'outlet.reference_o2',
      'outlet.enterprise_id',
      'outlet.pollutants',
    ])
    .where('monitor.id', 'in', monitorIds)
    .execute();
  const values = await trx
    .selectFrom('hourly_value')
    .select(['monitor_id', 'pollutant', 'hour', 'avg', 'zs_avg', 'min', 'max', 'flag', 'valid'])
    .where('monitor_id', 'in', monitorIds)
    .where('hour', '>=', from)
    .where('hour', '<', to)
    .orderBy('monitor_id')
    .orderBy('hour')
    .execute();
  const byMonitor = new Map<number, Map<number, HourSample>>();
  for (const v of values) {
    const hours = byMonitor.get(v.monitor_id) ?? new Map<number, HourSample>();
    byMonitor.set(v.monitor_id, hours);
    const t = new Date(v.hour).getTime();
    let h = hours.get(t);
    if (!h) {
      h = { hour: new Date(t), values: {} };
      hours.set(t, h);
    }
    h.values[v.pollutant] = {
      avg: v.avg,
      zsAvg: v.zs_avg,
      min: v.min,
      max: v.max,
      flag: v.flag,
      valid: v.valid,
    };
  }
  const enterpriseIds = [...new Set(monitors.map((m) => m.enterprise_id))];
  const filings = enterpriseIds.length
    ? await trx
        .selectFrom('filing')
        .select(['id', 'enterprise_id', 'outlet_id', 'starts_at', 'ends_at'])
        .where('status', '=', 'approved')
        .where('enterprise_id', 'in', enterpriseIds)
        .where('starts_at', '<', now)
        .where('ends_at', '>', from)
        .execute()
    : [];
  const facts = await loadOutletFacts(trx, [...new Set(monitors.map((m) => m.outlet_id))]);

  const out: MonitorWindow[] = [];
  for (const m of monitors) {
    const kind = m.kind === 'water' ? 'water' : 'air';
    const f = facts.get(m.outlet_id);
    const ceilings: Record<string, number> = {};
    if (f) {
      for (const p of m.pollutants ?? []) {
        const r = await limits.resolve(trx, f, p, kind === 'water' ? 'day' : 'hour', now, now);
        const lv = r?.limit?.value;
        if (lv?.kind === 'max') ceilings[p] = lv.max;
      }
    }
    out.push({
      monitorId: m.id,
      outletKind: kind,
      referenceO2: m.reference_o2,
      flowCode: kind === 'water' ? 'w00000' : 'a00000',
      lastDataAt: m.last_seen_at ? new Date(m.last_seen_at) : null,
      hours: [...(byMonitor.get(m.id)?.values() ?? [])].sort((a, b) => a.hour.getTime() - b.hour.getTime()),
      limits: ceilings,
      filings: filings
        .filter(
          (x) => x.enterprise_id === m.enterprise_id && (x.outlet_id === null || x.outlet_id === m.outlet_id),
        )
        .map((x) => ({ id: x.id, startsAt: new Date(x.starts_at), endsAt: new Date(x.ends_at) })),
    });
  }
  return out;
}
