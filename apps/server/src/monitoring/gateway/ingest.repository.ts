import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../platform/db/database';
import type { PollutantFields, RawFrameVerdict, RecordKind } from '../../platform/db/schema';
import { hourOf } from './frame-kind';

/** A received frame as the archive keeps it. */
export interface FrameToArchive {
  receivedAt: Date;
  peer: string;
  bytes: Uint8Array;
  mn: string | null;
  monitorId: number | null;
  cn: string | null;
  qn: string | null;
  /** For data frames the writer decides between `stored` and `duplicate`. */
  verdict: RawFrameVerdict;
  errorCode?: string | null;
  detail?: string | null;
  tolerances?: string[] | null;
}

export interface RecordToStore {
  monitorId: number;
  kind: RecordKind;
  dataTime: Date;
  values: Record<string, PollutantFields>;
}

export interface IngestItem {
  frame: FrameToArchive;
  /** Earlier sub-packets (PNO 1..n-1) of a reassembled record: archived with the frame's verdict. */
  parts?: FrameToArchive[];
  record?: RecordToStore;
}

/** stored: a new record; duplicate: the record was already there; archived: no record to store. */
export type IngestOutcome = 'stored' | 'duplicate' | 'archived';

const ID_BLOCK = 1000; // = the increment of raw_frame_id_seq

const recordKey = (r: RecordToStore) => `${r.monitorId}|${r.kind}|${r.dataTime.getTime()}`;

/**
 * Writes a batch in one transaction: raw frames (all of them, with their verdicts), the new
 * records, and the hours the aggregator must recompute. Returns one outcome per item, in order;
 * nothing is visible, and no outcome is given, unless the whole batch committed.
 */
export async function writeBatch(db: Db, items: readonly IngestItem[]): Promise<IngestOutcome[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const partCount = items.reduce((n, item) => n + (item.parts?.length ?? 0), 0);
    const allIds = await allocateFrameIds(trx, items.length + partCount);
    const ids = allIds.slice(0, items.length);
    let nextPartId = items.length;
    const outcomes: IngestOutcome[] = items.map(() => 'archived');

    // The first copy of a record in the batch is the candidate; later copies are duplicates.
    const candidates = new Map<string, number>();
    items.forEach((item, i) => {
      if (!item.record) return;
      const key = recordKey(item.record);
      if (candidates.has(key)) outcomes[i] = 'duplicate';
      else candidates.set(key, i);
    });
    const order = [...candidates.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const inserted = await insertRecords(
      trx,
      order.map(([, i]) => ({
        record: items[i]!.record!,
        rawFrameId: ids[i]!,
        receivedAt: items[i]!.frame.receivedAt,
      })),
    );
    for (const [key, i] of order) outcomes[i] = inserted.has(key) ? 'stored' : 'duplicate';

    const verdictOf = (item: IngestItem, i: number): FrameToArchive['verdict'] =>
      item.record ? (outcomes[i] === 'stored' ? 'stored' : 'duplicate') : item.frame.verdict;
    await insertFrames(
      trx,
      items.flatMap((item, i) => [
        ...(item.parts ?? []).map((part) => ({
          ...part,
          id: allIds[nextPartId++]!,
          verdict: verdictOf(item, i),
        })),
        { ...item.frame, id: ids[i]!, verdict: verdictOf(item, i) },
      ]),
    );
    await queueHours(trx, items, outcomes);
    return outcomes;
  });
}

async function allocateFrameIds(trx: DbOrTrx, n: number): Promise<number[]> {
  const blocks = Math.ceil(n / ID_BLOCK);
  const { rows } = await sql<{ base: number }>`
    select nextval('raw_frame_id_seq') as base from generate_series(1, ${blocks}::int)`.execute(trx);
  const ids: number[] = [];
  for (const { base } of rows)
    for (let k = 0; k < ID_BLOCK && ids.length < n; k++) ids.push(Number(base) + k);
  return ids;
}

async function insertRecords(
  trx: DbOrTrx,
  rows: { record: RecordToStore; rawFrameId: number; receivedAt: Date }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: inserted } = await sql<{ monitor_id: number; kind: RecordKind; data_time: Date }>`
    insert into monitoring_record (monitor_id, kind, data_time, received_at, raw_frame_id, "values")
    select m, k, t, r, f, v::jsonb
    from unnest(${rows.map((x) => x.record.monitorId)}::int[], ${rows.map((x) => x.record.kind)}::text[],
                ${rows.map((x) => x.record.dataTime.toISOString())}::timestamptz[],
                ${rows.map((x) => x.receivedAt.toISOString())}::timestamptz[],
                ${rows.map((x) => x.rawFrameId)}::bigint[], ${rows.map((x) => JSON.stringify(x.record.values))}::text[])
         as u(m, k, t, r, f, v)
    on conflict (monitor_id, kind, data_time) do nothing
    returning monitor_id, kind, data_time`.execute(trx);
  return new Set(
    inserted.map((r) =>
      recordKey({ monitorId: r.monitor_id, kind: r.kind, dataTime: new Date(r.data_time), values: {} }),
    ),
  );
}

async function insertFrames(trx: DbOrTrx, frames: (FrameToArchive & { id: number })[]): Promise<void> {
  const col = <T>(f: (x: FrameToArchive & { id: number }) => T) => frames.map(f);
  await sql`
    insert into raw_frame (id, received_at, peer, mn, monitor_id, cn, qn, verdict, error_code, detail, tolerances, bytes)
    select i, r, p, mn, m, cn, qn, v, e, d,
           case when tol is null then null else string_to_array(tol, ',') end,
           decode(b, 'base64')
    from unnest(${col((x) => x.id)}::bigint[], ${col((x) => x.receivedAt.toISOString())}::timestamptz[],
                ${col((x) => x.peer)}::text[], ${col((x) => x.mn)}::text[], ${col((x) => x.monitorId)}::int[],
                ${col((x) => x.cn)}::text[], ${col((x) => x.qn)}::text[], ${col((x) => x.verdict)}::text[],
                ${col((x) => x.errorCode ?? null)}::text[], ${col((x) => x.detail ?? null)}::text[],
                ${col((x) => (x.tolerances?.length ? x.tolerances.join(',') : null))}::text[],
                ${col((x) => Buffer.from(x.bytes.buffer, x.bytes.byteOffset, x.bytes.byteLength).toString('base64'))}::text[])
         as u(i, r, p, mn, m, cn, qn, v, e, d, tol, b)`.execute(trx);
}

/**
 * Minute and hourly records change the hour they fall in: the aggregator recomputes it. An hourly
 * record (the unit closing its hour) makes the task urgent: alarms are judged on that hour.
 */
async function queueHours(
  trx: DbOrTrx,
  items: readonly IngestItem[],
  outcomes: IngestOutcome[],
): Promise<void> {
  const keys = new Map<string, [number, string, boolean]>();
  items.forEach((item, i) => {
    const r = item.record;
    if (!r || outcomes[i] !== 'stored' || (r.kind !== 'min' && r.kind !== 'hour')) return;
    const hour = hourOf(r.dataTime).toISOString();
    const key = `${r.monitorId}|${hour}`;
    keys.set(key, [r.monitorId, hour, r.kind === 'hour' || (keys.get(key)?.[2] ?? false)]);
  });
  if (keys.size === 0) return;
  const sorted = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  await sql`
    insert into aggregation_task (monitor_id, hour, urgent)
    select * from unnest(${sorted.map((k) => k[0])}::int[], ${sorted.map((k) => k[1])}::timestamptz[],
      ${sorted.map((k) => k[2])}::boolean[])
    on conflict (monitor_id, hour) do update set urgent = true where excluded.urgent and not aggregation_task.urgent`.execute(
    trx,
  );
}
