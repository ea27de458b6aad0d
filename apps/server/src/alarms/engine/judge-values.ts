import { formatShanghai, judge, type PeriodValue } from '@dabiao/domain';
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/database';
import { type EngineEffects, loadSubjects, recordExceedance } from './alarm-store';
import { type LimitSource, loadOutletFacts } from './limit-source';

const HOUR_MS = 3_600_000;
const O2 = 'a19001';

interface Pending {
  monitorId: number;
  outletId: number;
  kind: string;
  pollutant: string;
  start: Date;
  avg: number | null;
  zsAvg: number | null;
  valid: boolean;
}

/**
 * A1 on stored values: takes up to `n` complete hourly values (flue gas) and complete days
 * (wastewater) not judged yet, judges each valid one against the limit in force at its time and
 * records the exceeding ones as episodes. Values are marked judged in the same transaction, so a
 * failure leaves them for the next pass; recomputed values are judged again (idempotently).
 */
export async function judgePendingValues(
  trx: Trx,
  limits: LimitSource,
  now: Date,
  n: number,
  fx: EngineEffects,
): Promise<number> {
  const hourly = await claimHourly(trx, now, n);
  const daily = await claimDaily(trx, now, Math.max(0, n - hourly.length));
  const pending = [...hourly, ...daily];
  if (!pending.length) return 0;
  const monitorIds = [...new Set(pending.map((p) => p.monitorId))];
  const subjects = await loadSubjects(trx, monitorIds);
  const facts = await loadOutletFacts(trx, [...new Set(pending.map((p) => p.outletId))]);
  const o2 = await loadO2(trx, hourly);

  pending.sort((a, b) => a.start.getTime() - b.start.getTime() || a.monitorId - b.monitorId);
  for (const p of pending) {
    const averaging = p.kind === 'water' ? 'day' : 'hour';
    if (!p.valid || p.avg === null || p.pollutant === O2) continue;
    const f = facts.get(p.outletId);
    const s = subjects.get(p.monitorId);
    if (!f || !s) continue;
    const resolution = await limits.resolve(trx, f, p.pollutant, averaging, p.start, now);
    if (!resolution?.limit) continue;
    const measuredO2 = averaging === 'hour' ? o2.get(`${p.monitorId}:${p.start.getTime()}`) : undefined;
    const value: PeriodValue =
      resolution.limit.referenceO2 !== null &&
      (measuredO2 === undefined || measuredO2 === null) &&
      p.zsAvg !== null
        ? { start: p.start, averaging, value: p.zsAvg, corrected: true }
        : { start: p.start, averaging, value: p.avg, o2: measuredO2 ?? null };
    const j = judge(value, resolution.limit);
    if (j.ok && j.exceeds) await recordExceedance(trx, s, j, now, fx);
  }
  return pending.length;
}

async function claimHourly(trx: Trx, now: Date, n: number): Promise<Pending[]> {
  if (n <= 0) return [];
  const { rows } = await sql<{
    monitor_id: number;
    pollutant: string;
    hour: Date;
    avg: number | null;
    zs_avg: number | null;
    valid: boolean;
    outlet_id: number;
    kind: string;
  }>`
    update hourly_value h set judged_at = ${now}
    from monitor m join outlet o on o.id = m.outlet_id
    where m.id = h.monitor_id
      and (h.monitor_id, h.pollutant, h.hour) in (
        select monitor_id, pollutant, hour from hourly_value
        where judged_at is null and hour <= ${new Date(now.getTime() - HOUR_MS)}
        order by computed_at limit ${n}
        for update skip locked)
    returning h.monitor_id, h.pollutant, h.hour, h.avg, h.zs_avg, h.valid, m.outlet_id, o.kind`.execute(trx);
  // Wastewater is judged on daily values: its hourly values are only marked.
  return rows
    .filter((r) => r.kind !== 'water')
    .map((r) => ({
      monitorId: r.monitor_id,
      outletId: r.outlet_id,
      kind: r.kind,
      pollutant: r.pollutant,
      start: new Date(r.hour),
      avg: r.avg,
      zsAvg: r.zs_avg,
      valid: r.valid,
    }));
}

async function claimDaily(trx: Trx, now: Date, n: number): Promise<Pending[]> {
  if (n <= 0) return [];
  const today = formatShanghai(now).slice(0, 10);
  const { rows } = await sql<{
    monitor_id: number;
    pollutant: string;
    day: string | Date;
    avg: number | null;
    zs_avg: number | null;
    valid: boolean;
    outlet_id: number;
    kind: string;
  }>`
    update daily_value d set judged_at = ${now}
    from monitor m join outlet o on o.id = m.outlet_id
    where m.id = d.monitor_id
      and (d.monitor_id, d.pollutant, d.day) in (
        select monitor_id, pollutant, day from daily_value
        where judged_at is null and day < ${today}::date
        order by computed_at limit ${n}
        for update skip locked)
    returning d.monitor_id, d.pollutant, to_char(d.day, 'YYYY-MM-DD') as day, d.avg, d.zs_avg, d.valid, m.outlet_id, o.kind`.execute(
    trx,
  );
  // Flue gas is judged on hourly values: its daily values are only marked.
  return rows
    .filter((r) => r.kind === 'water')
    .map((r) => ({
      monitorId: r.monitor_id,
      outletId: r.outlet_id,
      kind: r.kind,
      pollutant: r.pollutant,
      start: new Date(`${String(r.day)}T00:00:00+08:00`),
      avg: r.avg,
      zsAvg: r.zs_avg,
      valid: r.valid,
    }));
}

/** Measured O2 of the claimed hours, keyed `monitor:hourMs`. */
async function loadO2(trx: Trx, hourly: readonly Pending[]) {
  const out = new Map<string, number | null>();
  if (!hourly.length) return out;
  const monitorIds = [...new Set(hourly.map((p) => p.monitorId))];
  const times = hourly.map((p) => p.start.getTime());
  const rows = await trx
    .selectFrom('hourly_value')
    .select(['monitor_id', 'hour', 'avg', 'valid'])
    .where('pollutant', '=', O2)
    .where('monitor_id', 'in', monitorIds)
    .where('hour', '>=', new Date(Math.min(...times)))
    .where('hour', '<=', new Date(Math.max(...times)))
    .execute();
  for (const r of rows) out.set(`${r.monitor_id}:${new Date(r.hour).getTime()}`, r.valid ? r.avg : null);
  return out;
}
