import type { Medium } from '@dabiao/domain';
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/database';
import type { RecordKind } from '../../platform/db/schema';
import type { DataRecord, OutletRules } from './hourly-values';

/** First argument of the aggregator's advisory locks (the second is the monitor id). */
const LOCK_CLASS = 2120;

export interface Task {
  monitorId: number;
  hour: Date;
}

/**
 * Takes up to `n` pending tasks, deleting them in the caller's transaction: if the transaction
 * fails they are back. Urgent tasks (hours a unit closed with its hourly record) are taken alone,
 * as a chunk of their own, so they never wait behind minute-by-minute work; otherwise the oldest
 * first. `skip locked` lets several aggregators share the queue on a PostgreSQL server; on PGlite
 * (one session) it changes nothing.
 */
export async function claimTasks(trx: Trx, n: number): Promise<Task[]> {
  const claim = async (urgent: boolean) => {
    const { rows } = await sql<{ monitor_id: number; hour: Date }>`
      delete from aggregation_task
      where (monitor_id, hour) in (
        select monitor_id, hour from aggregation_task
        where urgent = ${urgent}
        order by urgent desc, queued_at, monitor_id, hour
        limit ${n}
        for update skip locked)
      returning monitor_id, hour`.execute(trx);
    return rows.map((r) => ({ monitorId: r.monitor_id, hour: new Date(r.hour) }));
  };
  const urgent = await claim(true);
  return urgent.length ? urgent : claim(false);
}

/**
 * One aggregator at a time per monitor until commit: two transactions recomputing the same day
 * from different hours would each miss the other's hour in the daily value.
 */
export async function lockMonitor(trx: Trx, monitorId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LOCK_CLASS}::int, ${monitorId}::int)`.execute(trx);
}

export async function loadOutletRules(trx: Trx, monitorIds: readonly number[]) {
  const rows = await trx
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select(['monitor.id', 'outlet.kind', 'outlet.reference_o2', 'outlet.pollutants'])
    .where('monitor.id', 'in', monitorIds)
    .execute();
  return new Map<number, OutletRules>(
    rows.map((r) => [
      r.id,
      { kind: r.kind as Medium, referenceO2: r.reference_o2, pollutants: r.pollutants ?? [] },
    ]),
  );
}

/** DataTimes of the monitor's minute and hourly records in [from, to) (index only, no values). */
export async function loadRecordTimes(trx: Trx, monitorId: number, from: Date, to: Date) {
  const rows = await trx
    .selectFrom('monitoring_record')
    .select(['kind', 'data_time'])
    .where('monitor_id', '=', monitorId)
    .where('kind', 'in', ['min', 'hour'])
    .where('data_time', '>=', from)
    .where('data_time', '<', to)
    .execute();
  return rows.map((r) => ({ kind: r.kind as RecordKind, dataTime: new Date(r.data_time) }));
}

export async function loadRecords(trx: Trx, monitorId: number, from: Date, to: Date): Promise<DataRecord[]> {
  const rows = await trx
    .selectFrom('monitoring_record')
    .select(['kind', 'data_time', 'values'])
    .where('monitor_id', '=', monitorId)
    .where('kind', 'in', ['min', 'hour'])
    .where('data_time', '>=', from)
    .where('data_time', '<', to)
    .execute();
  return rows.map((r) => ({ kind: r.kind, dataTime: new Date(r.data_time), values: r.values ?? {} }));
}

export async function loadHourlyOfDay(trx: Trx, monitorId: number, from: Date, to: Date) {
  const rows = await trx
    .selectFrom('hourly_value')
    .select(['pollutant', 'hour', 'avg', 'zs_avg', 'cou', 'valid', 'source', 'expected_count'])
    .where('monitor_id', '=', monitorId)
    .where('hour', '>=', from)
    .where('hour', '<', to)
    .execute();
  return rows.map((r) => ({
    pollutant: r.pollutant,
    hour: new Date(r.hour),
    avg: r.avg,
    zsAvg: r.zs_avg,
    cou: r.cou,
    valid: r.valid,
    source: r.source,
    expectedCount: r.expected_count,
  }));
}

/** Widens the monitor's data span to [first, last]; returns the first DataTime on record. */
export async function widenDataSpan(
  trx: Trx,
  monitorId: number,
  first: Date | undefined,
  last: Date | undefined,
): Promise<Date | null> {
  if (first && last) {
    await trx
      .insertInto('monitor_data_span')
      .values({ monitor_id: monitorId, first_data_at: first, last_data_at: last })
      .onConflict((oc) =>
        oc.column('monitor_id').doUpdateSet({
          first_data_at: sql`least(monitor_data_span.first_data_at, excluded.first_data_at)`,
          last_data_at: sql`greatest(monitor_data_span.last_data_at, excluded.last_data_at)`,
        }),
      )
      .execute();
  }
  const row = await trx
    .selectFrom('monitor_data_span')
    .select('first_data_at')
    .where('monitor_id', '=', monitorId)
    .executeTakeFirst();
  return row ? new Date(row.first_data_at) : null;
}

/** Hours of the day in which any frame came from the monitor (24 index probes, not a scan). */
export async function countOnlineHours(trx: Trx, monitorId: number, dayStart: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
    from generate_series(${dayStart}::timestamptz, ${dayStart}::timestamptz + interval '23 hours',
                         interval '1 hour') as h
    where exists (
      select 1 from raw_frame f
      where f.monitor_id = ${monitorId}::int and f.received_at >= h and f.received_at < h + interval '1 hour')`.execute(
    trx,
  );
  return Number(rows[0]?.n ?? 0);
}
