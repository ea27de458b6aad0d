import type { Insertable, Updateable } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import type { FilingTable } from '../platform/db/schema';
import { enterpriseScope } from '../registry/registry.policy';
import type { FilingFilter } from './filing.schemas';

function withNames(db: DbOrTrx) {
  return db
    .selectFrom('filing')
    .innerJoin('enterprise', 'enterprise.id', 'filing.enterprise_id')
    .leftJoin('outlet', 'outlet.id', 'filing.outlet_id')
    .selectAll('filing')
    .select(['enterprise.name as enterprise_name', 'enterprise.region_code', 'outlet.name as outlet_name']);
}

export type FilingRecord = NonNullable<Awaited<ReturnType<typeof findFiling>>>;

export async function findFiling(db: DbOrTrx, id: number) {
  return withNames(db).where('filing.id', '=', id).executeTakeFirst();
}

/** The filings `p` may read (the enterprises of its scope), filtered, newest window first. */
export async function listFilings(
  db: DbOrTrx,
  p: Principal,
  f: FilingFilter,
  page: number,
  pageSize: number,
) {
  let q = db
    .selectFrom('filing')
    .innerJoin('enterprise', 'enterprise.id', 'filing.enterprise_id')
    .where((eb) => enterpriseScope(eb, p));
  if (f.status) q = q.where('filing.status', '=', f.status);
  if (f.enterpriseId) q = q.where('filing.enterprise_id', '=', f.enterpriseId);
  if (f.regionCode) q = q.where('enterprise.region_code', 'like', `${regionPrefix(f.regionCode)}%`);
  if (f.from) q = q.where('filing.ends_at', '>', new Date(f.from));
  if (f.to) q = q.where('filing.starts_at', '<', new Date(f.to));
  const [rows, count] = await Promise.all([
    q
      .leftJoin('outlet', 'outlet.id', 'filing.outlet_id')
      .selectAll('filing')
      .select(['enterprise.name as enterprise_name', 'enterprise.region_code', 'outlet.name as outlet_name'])
      .orderBy('filing.starts_at', 'desc')
      .orderBy('filing.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertFiling(db: DbOrTrx, row: Insertable<FilingTable>): Promise<number> {
  const { id } = await db.insertInto('filing').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a submitted filing when `version` still matches; false when somebody else changed it first. */
export async function updateSubmittedFiling(
  db: DbOrTrx,
  id: number,
  version: number,
  changes: Updateable<FilingTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('filing')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findOutletEnterprise(db: DbOrTrx, outletId: number) {
  return db
    .selectFrom('outlet')
    .select(['id', 'enterprise_id'])
    .where('id', '=', outletId)
    .executeTakeFirst();
}
