import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../platform/db/database';
import type { SpecialLimitDesignationTable, StandardLimitTable } from '../platform/db/schema';
import type { DesignationRow, StandardLimitRow } from './limit-rows';

/** Every SQL statement of the standards library. Rows are never changed except `effective_to` and `active`. */
export interface StandardFilter {
  pollutant?: string;
  q?: string;
  inForceAt?: string;
  includeInactive?: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listStandardLimits(db: DbOrTrx, f: StandardFilter): Promise<StandardLimitRow[]> {
  let q = db
    .selectFrom('standard_limit')
    .selectAll()
    .orderBy('standard_code')
    .orderBy('line_id')
    .orderBy('id');
  if (!f.includeInactive) q = q.where('active', '=', true);
  if (f.pollutant) q = q.where('pollutant', '=', f.pollutant);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('standard_code', 'ilike', like), eb('standard_title', 'ilike', like)]));
  }
  const at = f.inForceAt;
  if (at) {
    q = q
      .where((eb) => eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', at)]))
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]));
  }
  return q.execute();
}

export async function findStandardLimit(db: DbOrTrx, id: number): Promise<StandardLimitRow | undefined> {
  return db.selectFrom('standard_limit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The versions of a line, oldest first; `forUpdate` locks them for a new version. */
export async function lineVersions(
  db: DbOrTrx,
  lineId: string,
  forUpdate = false,
): Promise<StandardLimitRow[]> {
  let q = db
    .selectFrom('standard_limit')
    .selectAll()
    .where('line_id', '=', lineId)
    .orderBy('effective_from', (ob) => ob.asc().nullsFirst())
    .orderBy('revision');
  if (forUpdate) q = q.forUpdate();
  return q.execute();
}

export async function lineExists(db: DbOrTrx, lineId: string): Promise<boolean> {
  const row = await db
    .selectFrom('standard_limit')
    .select('id')
    .where('line_id', '=', lineId)
    .executeTakeFirst();
  return !!row;
}

export async function insertStandardLimit(
  db: DbOrTrx,
  row: Insertable<StandardLimitTable>,
): Promise<StandardLimitRow> {
  return db.insertInto('standard_limit').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function closeVersion(db: DbOrTrx, id: number, effectiveTo: string): Promise<void> {
  await db.updateTable('standard_limit').set({ effective_to: effectiveTo }).where('id', '=', id).execute();
}

export async function countStandardLimits(db: DbOrTrx): Promise<number> {
  const r = await db
    .selectFrom('standard_limit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active rows of one pollutant: the resolver's standard candidates. */
export async function activeLimitsOf(db: DbOrTrx, pollutant: string): Promise<StandardLimitRow[]> {
  return db
    .selectFrom('standard_limit')
    .selectAll()
    .where('pollutant', '=', pollutant)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

export async function listDesignations(db: DbOrTrx, includeInactive = false): Promise<DesignationRow[]> {
  let q = db.selectFrom('special_limit_designation').selectAll().orderBy('effective_from').orderBy('id');
  if (!includeInactive) q = q.where('active', '=', true);
  return q.execute();
}

export async function insertDesignation(
  db: DbOrTrx,
  row: Insertable<SpecialLimitDesignationTable>,
): Promise<DesignationRow> {
  return db.insertInto('special_limit_designation').values(row).returningAll().executeTakeFirstOrThrow();
}
