import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database';
import { dayKey } from '../aggregation/daily-values';
import { monitorsOfOutlet } from '../monitoring.policy';

/** One hourly point as the database sends it (see `hourlySeries`). */
export type HourlyTuple = [
  hourEpochSeconds: number,
  avg: number | null,
  zsAvg: number | null,
  min: number | null,
  max: number | null,
  cou: number | null,
  unitAvg: number | null,
  unitZsAvg: number | null,
  valid: boolean,
  reason: string | null,
  flag: string | null,
  source: 'minutes' | 'unit',
  disagrees: boolean,
];

/**
 * The outlet's hourly values of one pollutant in [from, to), read by the primary key (monitor,
 * pollutant, hour). The database builds one compact JSON array: a year is 8,760 rows, and
 * decoding them row by row costs PGlite several times the query itself. When two units of one
 * outlet have the same hour, the valid one wins, then the newer unit.
 */
export async function hourlySeries(
  db: DbOrTrx,
  outletId: number,
  pollutant: string,
  from: Date,
  to: Date,
): Promise<HourlyTuple[]> {
  const { rows } = await sql<{ points: string | null }>`
    select json_agg(json_build_array(extract(epoch from hour)::bigint, avg, zs_avg, min, max, cou,
                    unit_avg, unit_zs_avg, valid, invalid_reason, flag, source, disagrees) order by hour)::text
           as points
    from (
      select distinct on (hour) *
      from hourly_value
      where monitor_id in (select id from monitor where outlet_id = ${outletId}::int)
        and pollutant = ${pollutant} and hour >= ${from}::timestamptz and hour < ${to}::timestamptz
      order by hour, valid desc, monitor_id desc) as h`.execute(db);
  return rows[0]?.points ? (JSON.parse(rows[0].points) as HourlyTuple[]) : [];
}

/** The outlet's daily values of one pollutant for the days in [from, to), with any disagreeing hour. */
export function dailySeries(db: DbOrTrx, outletId: number, pollutant: string, from: Date, to: Date) {
  return db
    .selectFrom('daily_value as d')
    .select([
      'd.day',
      'd.avg',
      'd.zs_avg',
      'd.min',
      'd.max',
      'd.cou',
      'd.valid',
      'd.invalid_reason',
      sql<boolean>`exists (
        select 1 from hourly_value h
        where h.monitor_id = d.monitor_id and h.pollutant = d.pollutant and h.disagrees
          and h.hour >= (d.day::timestamp at time zone 'Asia/Shanghai')
          and h.hour < ((d.day + 1)::timestamp at time zone 'Asia/Shanghai'))`.as('disagrees'),
    ])
    .where('d.monitor_id', 'in', monitorsOfOutlet(db, outletId))
    .where('d.pollutant', '=', pollutant)
    .where('d.day', '>=', dayKey(from))
    .where('d.day', '<', dayKey(to))
    .orderBy('d.day')
    .orderBy('d.valid', 'desc')
    .orderBy('d.monitor_id', 'desc')
    .execute();
}
