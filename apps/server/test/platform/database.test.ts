import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { migrate } from '../../src/platform/db/migrate';
import { migrations } from '../../src/platform/db/migrations/index';
import { DB_KIND, openTestDatabase } from '../support/test-database';

describe(`database (${DB_KIND})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await migrate(database.db);
    await sql`create table counter (id int primary key, value int not null)`.execute(database.db);
    await sql`insert into counter values (1, 0)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('applies migrations once: a second run applies nothing', async () => {
    expect(await migrate(database.db)).toEqual([]);
    const rows = await database.db.selectFrom('schema_migration').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it('loses no update under 50 concurrent read-modify-write transactions', async () => {
    const db = database.db;
    await Promise.all(
      Array.from({ length: 50 }, async () =>
        db.transaction().execute(async (trx) => {
          const { rows } = await sql<{
            value: number;
          }>`select value from counter where id = 1 for update`.execute(trx);
          await new Promise((r) => setTimeout(r, 1));
          await sql`update counter set value = ${rows[0]!.value + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(db);
    expect(rows[0]!.value).toBe(50);
  });

  it('keeps a rolled-back transaction invisible to queries that ran while it was open', async () => {
    const db = database.db;
    let seenInside: number | undefined;
    const failing = db
      .transaction()
      .execute(async (trx) => {
        await sql`update counter set value = -1 where id = 1`.execute(trx);
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('abort');
      })
      .catch((e: Error) => e.message);
    const reader = (async () => {
      await new Promise((r) => setTimeout(r, 5));
      const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(db);
      seenInside = rows[0]!.value;
    })();
    expect(await failing).toBe('abort');
    await reader;
    expect(seenInside).toBe(50);
    const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(db);
    expect(rows[0]!.value).toBe(50);
  });

  it('refuses to update, delete or truncate the audit log', async () => {
    const db = database.db;
    await db
      .insertInto('audit_log')
      .values({ actor_name: 't', action: 'create', entity: 'x', entity_id: '1' })
      .execute();
    await expect(db.updateTable('audit_log').set({ actor_name: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom('audit_log').select('actor_name').execute();
    expect(rows.map((r) => r.actor_name)).toEqual(['t']);
  });

  it('decodes dates as text and numerics as numbers on both engines', async () => {
    const { rows } = await sql<{
      d: string;
      n: number;
      b: number;
    }>`select date '2026-02-17' as d, 12.5::numeric as n, 7::int8 as b`.execute(database.db);
    expect(rows[0]).toEqual({ d: '2026-02-17', n: 12.5, b: 7 });
  });
});
