import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database';
import { ENV_PG_TEMPLATE, ENV_PGLITE_TEMPLATE, SERVER } from './demo-template';

export const DB_KIND = (process.env.DB_KIND ?? 'pglite') as 'pglite' | 'postgres';

let pgliteTemplate: Blob | undefined;

/**
 * A database of its own for one test file: an in-memory PGlite, or a fresh database on the
 * PostgreSQL server (dropped on close). Same SQL, same migrations, no mocks. With `demo`, and when the
 * run's global setup has seeded a template (demo-template.ts), it starts as a copy of the seeded demo
 * city; otherwise it starts empty and the caller's bootstrap seeds it.
 */
export async function openTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  // Read at call time: the benchmarks choose the kind per run after this module is loaded.
  if ((process.env.DB_KIND ?? 'pglite') === 'pglite') {
    const file = options.demo ? process.env[ENV_PGLITE_TEMPLATE] : undefined;
    if (!file) return openDatabase({});
    pgliteTemplate ??= new Blob([readFileSync(file)]);
    return openDatabase({ loadDataDir: pgliteTemplate });
  }
  const template = options.demo ? process.env[ENV_PG_TEMPLATE] : undefined;
  const name = `dabiao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
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
