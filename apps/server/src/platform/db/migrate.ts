import { sql } from 'kysely';
import type { Db } from './database';
import { migrations } from './migrations/index';

/** Applies the pending migrations in order, under an advisory lock so two servers cannot race. */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await sql`create table if not exists schema_migration (id text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(20171)`.execute(trx);
      const found = await trx
        .selectFrom('schema_migration')
        .select('id')
        .where('id', '=', migration.id)
        .executeTakeFirst();
      if (found) return false;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migration').values({ id: migration.id }).execute();
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
