import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTasks } from '../../src/monitoring/aggregation/aggregation.repository';
import { type IngestItem, writeBatch } from '../../src/monitoring/gateway/ingest.repository';
import type { RecordKind } from '../../src/platform/db/schema';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

/** What the gateway's writer does with a minute or hourly record of a monitor (bytes are irrelevant here). */
const item = (monitorId: number, kind: RecordKind, dataTime: Date): IngestItem => ({
  frame: {
    receivedAt: new Date(),
    peer: '10.0.0.9:4000',
    bytes: new Uint8Array([35, 35]),
    mn: null,
    monitorId,
    cn: kind === 'hour' ? '2061' : '2051',
    qn: null,
    verdict: 'stored',
  },
  record: { monitorId, kind, dataTime, values: { a21026: { Avg: 10, Flag: 'N' } } },
});

describe(`aggregation queue: hours a unit closed go first (${DB_KIND})`, () => {
  let t: TestApp;
  let ids: number[];
  beforeAll(async () => {
    t = await buildTestApp();
    ids = (await t.database.db.selectFrom('monitor').select('id').orderBy('id').limit(3).execute()).map(
      (m) => m.id,
    );
  });
  afterAll(() => t.close());

  it('takes the hourly record’s task before older minute tasks, and a later hourly record upgrades a queued hour', async () => {
    const db = t.database.db;
    const h = (n: number) => new Date(Date.UTC(2026, 10, 20, n));
    await writeBatch(db, [item(ids[0]!, 'min', new Date(h(1).getTime() + 60_000))]);
    await writeBatch(db, [item(ids[1]!, 'min', new Date(h(2).getTime() + 60_000))]);
    await writeBatch(db, [item(ids[2]!, 'hour', h(3))]);
    await writeBatch(db, [item(ids[1]!, 'hour', h(2))]); // closes a queued hour: now urgent
    const key = (x: { monitorId: number; hour: Date }) => `${x.monitorId}@${x.hour.toISOString()}`;
    const first = await db.transaction().execute((trx) => claimTasks(trx, 2));
    expect(first.map(key).sort()).toEqual(
      [`${ids[1]}@${h(2).toISOString()}`, `${ids[2]}@${h(3).toISOString()}`].sort(),
    );
    const rest = await db.transaction().execute((trx) => claimTasks(trx, 2));
    expect(rest.map(key)).toEqual([`${ids[0]}@${h(1).toISOString()}`]);
    // An urgent task is taken alone, not with the minute work queued before it.
    await writeBatch(db, [item(ids[0]!, 'min', new Date(h(5).getTime() + 60_000))]);
    await writeBatch(db, [item(ids[1]!, 'hour', h(6))]);
    const alone = await db.transaction().execute((trx) => claimTasks(trx, 10));
    expect(alone.map(key)).toEqual([`${ids[1]}@${h(6).toISOString()}`]);
  });
});
