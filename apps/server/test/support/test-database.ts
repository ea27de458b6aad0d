import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database';

export const DB_KIND = (process.env.DB_KIND ?? 'pglite') as 'pglite' | 'postgres';
const SERVER = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * A database of its own for one test file: an in-memory PGlite, or a fresh database on the
 * PostgreSQL server (dropped on close). Same SQL, same migrations, no mocks.
 */
export async function openTestDatabase(): Promise<Database> {
  // Read at call time: the benchmarks choose the kind per run after this module is loaded.
  if ((process.env.DB_KIND ?? 'pglite') === 'pglite') return openDatabase({});
  const name = `dabiao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ url: `${SERVER}/${name}` });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await dropper.connect();
      // Closed pool connections may still be leaving the server: wait for them rather than kill them.
      for (let attempt = 0; ; attempt++) {
        try {
          await dropper.query(`drop database if exists ${name}${attempt >= 30 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 30) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await dropper.end();
    },
  };
}
