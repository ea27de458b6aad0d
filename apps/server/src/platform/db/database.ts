import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { SerialPGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
export type DbOrTrx = Db | Trx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the data directory as a tar archive (tests copy a seeded database this way). */
  dumpDataDir?(): Promise<Blob>;
}

// One decoding for both engines: int8 and numeric as numbers (ids, counts and totals stay far
// below 2^53), dates as 'YYYY-MM-DD' text (a Date would shift with the process time zone).
const parseDate = (v: string) => v;
const pgParsers: Record<number, (v: string) => unknown> = {
  20: Number,
  1700: Number.parseFloat,
  1082: parseDate,
};

/** The PostgreSQL server when a URL is given, otherwise the embedded PGlite in `dataDir` (or memory). */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  /** PGlite: start from this data-directory archive (from `dumpDataDir`). */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: '-c timezone=Asia/Shanghai',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        pgParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose connection drops (server restart, failover) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on('error', (error) => console.error(`database: idle connection lost (${error.message})`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, loadDataDir ? { loadDataDir } : {});
  await pglite.waitReady;
  await pglite.exec(`set timezone to 'Asia/Shanghai'`);
  const db = new Kysely<DB>({ dialect: new SerialPGliteDialect(pglite, pgParsers) });
  return { db, kind: 'pglite', close: () => db.destroy(), dumpDataDir: () => pglite.dumpDataDir('none') };
}
