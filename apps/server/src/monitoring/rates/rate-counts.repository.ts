import { hourStart, type RecordCounts } from '@dabiao/domain';
import { type Expression, sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database';
import { dayKey } from '../aggregation/daily-values';

export interface Period {
  /** Day-aligned (00:00 Shanghai) start and end of the period. */
  from: Date;
  to: Date;
}

/**
 * Per monitor, the hour counts of a period as of `now`: expected = complete hours from the hour
 * of its first data (or the period start) to the current hour (or the period end); received and
 * valid = the bits of `monitor_day_rate`'s masks inside that window. A monitor that never sent
 * data expects nothing; a silent day of one that did counts its full expected hours.
 */
export async function monitorCounts(
  db: DbOrTrx,
  monitors: Expression<{ monitor_id: number }>,
  period: Period,
  now: Date,
): Promise<Map<number, RecordCounts>> {
  const end = new Date(Math.min(period.to.getTime(), hourStart(now).getTime()));
  const { rows } = await sql<{ monitor_id: number; expected: number; received: number; valid: number }>`
    with mon as (${monitors}),
    win as (
      select mon.monitor_id,
             -- greatest() skips nulls: a monitor without data must get no window at all
             case when s.first_data_at is not null
                  then greatest(${period.from}::timestamptz, date_trunc('hour', s.first_data_at)) end as ws,
             ${end}::timestamptz as we
      from mon left join monitor_data_span s on s.monitor_id = mon.monitor_id),
    days as (
      select r.monitor_id, r.received_mask, r.valid_mask,
             greatest(0, ceil(extract(epoch from (w.ws - (r.day::timestamp at time zone 'Asia/Shanghai'))) / 3600))::int as lo,
             least(24, floor(extract(epoch from (w.we - (r.day::timestamp at time zone 'Asia/Shanghai'))) / 3600))::int as hi
      from win w join monitor_day_rate r on r.monitor_id = w.monitor_id
      where r.day >= ${dayKey(period.from)}::date and r.day < ${dayKey(period.to)}::date),
    counted as (
      select monitor_id,
             sum(bit_count((received_mask & ((1 << hi) - (1 << lo)))::bit(32)))::int as received,
             sum(bit_count((valid_mask & ((1 << hi) - (1 << lo)))::bit(32)))::int as valid
      from days where hi > lo group by monitor_id)
    select w.monitor_id,
           coalesce(greatest(0, floor(extract(epoch from (w.we - w.ws)) / 3600)), 0)::int as expected,
           coalesce(c.received, 0)::int as received,
           coalesce(c.valid, 0)::int as valid
    from win w left join counted c on c.monitor_id = w.monitor_id`.execute(db);
  return new Map(
    rows.map((r) => [
      r.monitor_id,
      { expected: Number(r.expected), received: Number(r.received), valid: Number(r.valid) },
    ]),
  );
}
