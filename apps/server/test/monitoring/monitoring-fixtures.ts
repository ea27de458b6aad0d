import { hourStart, shanghaiInstant } from '@dabiao/domain';
import { dataUpload, encode } from '@dabiao/hj212';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database';
import type { PollutantFields, RecordKind } from '../../src/platform/db/schema';

export interface Station {
  monitorId: number;
  outletId: number;
  enterpriseId: number;
  regionCode: string;
  mn: string;
  pw: string;
  st: '31' | '32';
}

export interface Packet {
  kind: RecordKind;
  time: Date;
  values: Record<string, PollutantFields>;
  /** Default: one minute after the DataTime. */
  receivedAt?: Date;
}

const CN: Record<RecordKind, string> = { rtd: '2011', min: '2051', hour: '2061', day: '2031' };

/** Shanghai wall-clock time on a fixed past day of the tests (2026-11-20 unless given). */
export const at = (hour: number, minute = 0, day = 20) => shanghaiInstant(2026, 11, day, hour, minute);

/**
 * A demo monitor (the n-th active one of that outlet kind, optionally in a region) whose outlet
 * is set to the given rules, so a test controls the pollutants and the reference O2.
 */
export async function prepareStation(
  db: Db,
  opts: {
    kind: 'air' | 'water';
    pollutants: string[];
    referenceO2: number | null;
    nth?: number;
    regionPrefix?: string;
  },
): Promise<Station> {
  let q = db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
    .select([
      'monitor.id',
      'monitor.mn',
      'monitor.password',
      'outlet.id as outlet_id',
      'enterprise.id as enterprise_id',
      'enterprise.region_code',
    ])
    .where('outlet.kind', '=', opts.kind)
    .where('monitor.active', '=', true)
    .where('outlet.active', '=', true)
    .where('enterprise.active', '=', true);
  if (opts.regionPrefix) q = q.where('enterprise.region_code', 'like', `${opts.regionPrefix}%`);
  const row = await q
    .orderBy('monitor.id')
    .offset(opts.nth ?? 0)
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('outlet')
    .set({ pollutants: opts.pollutants, reference_o2: opts.referenceO2 })
    .where('id', '=', row.outlet_id)
    .execute();
  return {
    monitorId: row.id,
    outletId: row.outlet_id,
    enterpriseId: row.enterprise_id,
    regionCode: row.region_code,
    mn: row.mn,
    pw: row.password,
    st: opts.kind === 'air' ? '31' : '32',
  };
}

/**
 * What the gateway writes for accepted packets (see the monitoring issue): per packet the raw
 * frame (real HJ 212 bytes), the record (ON CONFLICT DO NOTHING), for minute and hourly records
 * the hour's aggregation task, and monitor.last_seen_at — in one transaction. Returns the frame ids.
 */
export async function ingest(db: Db, s: Station, packets: readonly Packet[]): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const p of packets) {
      const receivedAt = p.receivedAt ?? new Date(p.time.getTime() + 60_000);
      const bytes = encode(
        dataUpload({ st: s.st, pw: s.pw, mn: s.mn }, CN[p.kind], p.time, p.values, { now: receivedAt }),
      );
      const { rows } = await sql<{ id: number }>`select nextval('raw_frame_id_seq') as id`.execute(trx);
      const id = Number(rows[0]!.id);
      ids.push(id);
      const inserted = await trx
        .insertInto('monitoring_record')
        .values({
          monitor_id: s.monitorId,
          kind: p.kind,
          data_time: p.time,
          received_at: receivedAt,
          raw_frame_id: id,
          values: JSON.stringify(p.values),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('monitor_id')
        .executeTakeFirst();
      await trx
        .insertInto('raw_frame')
        .values({
          id,
          received_at: receivedAt,
          peer: '10.0.0.7:50312',
          mn: s.mn,
          monitor_id: s.monitorId,
          cn: CN[p.kind],
          qn: null,
          verdict: inserted ? 'stored' : 'duplicate',
          error_code: null,
          detail: null,
          tolerances: null,
          bytes,
        })
        .execute();
      if (inserted && (p.kind === 'min' || p.kind === 'hour')) {
        await trx
          .insertInto('aggregation_task')
          .values({ monitor_id: s.monitorId, hour: hourStart(p.time) })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await trx
        .updateTable('monitor')
        .set({ last_seen_at: receivedAt })
        .where('id', '=', s.monitorId)
        .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', receivedAt)]))
        .execute();
    }
    return ids;
  });
}

/** Six 10-minute records of one hour, `values(i)` giving the pollutants of the i-th. */
export function minutesOf(
  hourStartAt: Date,
  count: number,
  values: (i: number) => Packet['values'],
): Packet[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'min' as const,
    time: new Date(hourStartAt.getTime() + i * 600_000),
    values: values(i),
  }));
}

export const so2 = (avg: number, o2: number, flag = 'N'): Packet['values'] => ({
  a21026: { Avg: avg, Min: avg - 1, Max: avg + 1, Flag: flag },
  a19001: { Avg: o2, Flag: 'N' },
});
