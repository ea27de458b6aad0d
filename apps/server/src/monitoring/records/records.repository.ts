import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database';
import type { RecordKind } from '../../platform/db/schema';
import { monitorsOfOutlet } from '../monitoring.policy';

/** The outlet's records of one kind in [from, to), a page of them and how many there are. */
export async function listRecords(
  db: DbOrTrx,
  outletId: number,
  q: { kind: RecordKind; from: Date; to: Date; page: number; pageSize: number; desc: boolean },
) {
  const base = db
    .selectFrom('monitoring_record as r')
    .where('r.monitor_id', 'in', monitorsOfOutlet(db, outletId))
    .where('r.kind', '=', q.kind)
    .where('r.data_time', '>=', q.from)
    .where('r.data_time', '<', q.to);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('monitor as m', 'm.id', 'r.monitor_id')
      .select([
        'r.monitor_id',
        'm.mn',
        'r.kind',
        'r.data_time',
        'r.received_at',
        'r.raw_frame_id',
        'r.resend_count',
        'r.values',
      ])
      .orderBy('r.data_time', q.desc ? 'desc' : 'asc')
      .orderBy('r.monitor_id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findRawFrame(db: DbOrTrx, id: number) {
  return db
    .selectFrom('raw_frame as f')
    .leftJoin('monitor as m', 'm.id', 'f.monitor_id')
    .leftJoin('outlet as o', 'o.id', 'm.outlet_id')
    .leftJoin('enterprise as e', 'e.id', 'o.enterprise_id')
    .selectAll('f')
    .select([
      'm.mn as monitor_mn',
      'o.id as outlet_id',
      'o.name as outlet_name',
      'e.id as enterprise_id',
      'e.name as enterprise_name',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

const CHUNK = 2000;

/**
 * The monitor's frames received in [from, to), oldest first, read in chunks so an archive of
 * months streams without holding it in memory. The cursor is the stored time as text, so the
 * database's microseconds survive the round trip.
 */
export async function* framesOfMonitor(db: DbOrTrx, monitorId: number, from: Date, to: Date) {
  let after: { at: string; id: number } | undefined;
  for (;;) {
    let q = db
      .selectFrom('raw_frame')
      .select(['id', 'received_at', 'peer', 'cn', 'qn', 'verdict', 'error_code', 'bytes'])
      .select((eb) => eb.cast<string>('received_at', 'text').as('cursor'))
      .where('monitor_id', '=', monitorId)
      .where('received_at', '>=', from)
      .where('received_at', '<', to);
    if (after) {
      const at = sql<Date>`${after.at}::timestamptz`;
      const id = after.id;
      q = q
        .where('received_at', '>=', at)
        .where((eb) =>
          eb.or([eb('received_at', '>', at), eb.and([eb('received_at', '=', at), eb('id', '>', id)])]),
        );
    }
    const rows = await q.orderBy('received_at').orderBy('id').limit(CHUNK).execute();
    yield* rows;
    const last = rows[rows.length - 1];
    if (rows.length < CHUNK || !last) return;
    after = { at: last.cursor, id: last.id };
  }
}
