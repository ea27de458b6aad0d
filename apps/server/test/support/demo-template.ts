import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedDemoCity } from '../../src/demo/seed-city';
import { bootstrap } from '../../src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../src/platform/config';
import { openDatabase } from '../../src/platform/db/database';

// The demo city is seeded once per test run into a template; every test file then starts from a copy
// (PostgreSQL: CREATE DATABASE … TEMPLATE; PGlite: a data-directory dump loaded into a new instance)
// instead of seeding it again. Tests still get a database of their own.

export const ENV_PG_TEMPLATE = 'DABIAO_TEST_PG_TEMPLATE';
export const ENV_PGLITE_TEMPLATE = 'DABIAO_TEST_PGLITE_TEMPLATE';
export const SERVER = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

const demoConfig = () => ({ ...loadConfig({}), demo: true, adminPassword: 'test-admin-password' });

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Seeds a PostgreSQL template database; returns its name and a function that drops it. */
export async function buildPostgresTemplate(): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `dabiao_tpl_${process.pid}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database ${name}`));
  const database = await openDatabase({ url: `${SERVER}/${name}` });
  await bootstrap(database.db, demoConfig(), (db) => seedDemoCity(db));
  await database.close();
  return {
    name,
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Seeds an in-memory PGlite and writes its data directory to a file; returns the file's path. */
export async function buildPgliteTemplate(): Promise<string> {
  const database = await openDatabase({});
  await bootstrap(database.db, demoConfig(), (db) => seedDemoCity(db));
  const dump = await database.dumpDataDir!();
  await database.close();
  const file = join(tmpdir(), `dabiao-demo-template-${process.pid}-${Date.now().toString(36)}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}
