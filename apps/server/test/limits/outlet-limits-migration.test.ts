import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { migrate } from '../../src/platform/db/migrate';
import { migrations } from '../../src/platform/db/migrations/index';
import { DB_KIND, openTestDatabase } from '../support/test-database';

/** Migration 0007 on a registry that already has outlets: the category backfilled from the profile. */
describe(`migration 0007-outlet-limits (${DB_KIND})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    await sql`create table schema_migration (id text primary key, applied_at timestamptz not null default now())`.execute(
      db,
    );
    for (const m of migrations.slice(
      0,
      migrations.findIndex((x) => x.id === '0007-outlet-limits'),
    )) {
      await sql.raw(m.sql).execute(db);
      await db.insertInto('schema_migration').values({ id: m.id }).execute();
    }
    await sql`insert into region (code, name, level) values ('430900', '益阳市', 'city')`.execute(db);
    await sql`insert into enterprise (id, credit_code, name, region_code) values (1, 'X', '测试', '430900')`.execute(
      db,
    );
    const profiles = [
      'thermal_power',
      'coal_boiler',
      'cement_kiln',
      'incinerator',
      'wastewater_plant',
      'dyeing',
    ];
    for (const [i, profile] of [...profiles, 'paper_mill', null].entries())
      await sql`insert into outlet (enterprise_id, kind, code, name, profile)
        values (1, 'air', ${`DA${String(i + 1).padStart(3, '0')}`}, 'x', ${profile})`.execute(db);
    expect(await migrate(db)).toContain('0007-outlet-limits');
  });
  afterAll(() => database.close());

  it('backfills the standard category where the profile is clear, leaves the rest null', async () => {
    const rows = await database.db
      .selectFrom('outlet')
      .select(['profile', 'standard_category', 'source_age'])
      .orderBy('code')
      .execute();
    expect(rows.map((r) => [r.profile, r.standard_category])).toEqual([
      ['thermal_power', 'power-coal-boiler'],
      ['coal_boiler', 'industrial-coal-boiler'],
      ['cement_kiln', 'cement-kiln'],
      ['incinerator', 'msw-incinerator'],
      ['wastewater_plant', 'wwtp-grade-1a'],
      ['dyeing', 'dyeing-direct'],
      ['paper_mill', null],
      [null, null],
    ]);
    expect(rows.every((r) => r.source_age === null)).toBe(true);
  });

  it('checks the new columns and the permit_limit rows', async () => {
    const db = database.db;
    await expect(sql`update outlet set standard_category = 'nuclear'`.execute(db)).rejects.toThrow();
    await expect(sql`update outlet set source_age = 'old'`.execute(db)).rejects.toThrow();
    await sql`insert into permit (id, enterprise_id, number, management_class) values (1, 1, 'P-1', 'key')`.execute(
      db,
    );
    let n = 0;
    const row = (max: number | null, lo: number | null, hi: number | null, kind = 'max') =>
      sql`insert into permit_limit (permit_id, outlet_code, pollutant, averaging, value_kind, value_max, value_lo, value_hi, unit)
        values (1, 'DA001', ${`a2${String(++n).padStart(4, '0')}`}, 'hour', ${kind}, ${max}, ${lo}, ${hi}, 'mg/m³')`.execute(
        db,
      );
    await row(35, null, null);
    await expect(row(0, null, null)).rejects.toThrow();
    await expect(row(null, 9, 6, 'range')).rejects.toThrow();
    await sql`delete from permit where id = 1`.execute(db);
    const left = await db.selectFrom('permit_limit').select('id').execute();
    expect(left).toEqual([]);
  });
});
