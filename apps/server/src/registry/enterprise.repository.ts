import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import type { DB, EnterpriseUpdate, NewEnterprise } from '../platform/db/schema';
import type { EnterpriseFilter } from './enterprise.schemas';
import { enterpriseScope } from './registry.policy';

const SORT_COLUMNS = {
  name: 'enterprise.name',
  creditCode: 'enterprise.credit_code',
  regionCode: 'enterprise.region_code',
  controlLevel: 'enterprise.control_level',
  batch: 'enterprise.batch',
  industryCode: 'enterprise.industry_code',
  updatedAt: 'enterprise.updated_at',
  createdAt: 'enterprise.created_at',
} as const;

type EnterpriseQuery = SelectQueryBuilder<DB, 'enterprise', object>;

function applyFilter(q: EnterpriseQuery, f: EnterpriseFilter, p: Principal): EnterpriseQuery {
  let out = q.where((eb: ExpressionBuilder<DB, 'enterprise'>) => enterpriseScope(eb, p));
  if (f.active !== undefined) out = out.where('enterprise.active', '=', f.active);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out = out.where((eb) =>
      eb.or([eb('enterprise.name', 'like', like), eb('enterprise.credit_code', 'like', like.toUpperCase())]),
    );
  }
  if (f.regionCode) {
    out =
      f.regionCode.length === 9
        ? out.where('enterprise.township_code', '=', f.regionCode)
        : out.where('enterprise.region_code', 'like', `${regionPrefix(f.regionCode)}%`);
  }
  if (f.industryCode) out = out.where('enterprise.industry_code', 'like', `${f.industryCode}%`);
  if (f.programmeIndustry) out = out.where('enterprise.programme_industry', '=', f.programmeIndustry);
  if (f.batch) out = out.where('enterprise.batch', '=', f.batch);
  if (f.controlLevel) out = out.where('enterprise.control_level', '=', f.controlLevel);
  if (f.status) out = out.where('enterprise.status', '=', f.status);
  if (f.keyKind) out = out.where(sql<boolean>`${f.keyKind} = any(enterprise.key_kinds)`);
  if (f.gridId) out = out.where('enterprise.grid_id', '=', f.gridId);
  return out;
}

function withNames(q: EnterpriseQuery) {
  return q
    .innerJoin('region as r', 'r.code', 'enterprise.region_code')
    .leftJoin('region as t', 't.code', 'enterprise.township_code')
    .leftJoin('grid as g', 'g.id', 'enterprise.grid_id')
    .selectAll('enterprise')
    .select(['r.name as region_name', 't.name as township_name', 'g.name as grid_name']);
}

export type EnterpriseRecord = Awaited<ReturnType<typeof findEnterprise>> & object;

export async function listEnterprises(
  db: DbOrTrx,
  p: Principal,
  f: EnterpriseFilter,
  page: { page: number; pageSize: number; sort: string },
) {
  const base = applyFilter(db.selectFrom('enterprise'), f, p);
  const desc = page.sort.startsWith('-');
  const column = SORT_COLUMNS[page.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS] ?? SORT_COLUMNS.name;
  const [rows, count] = await Promise.all([
    withNames(base)
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('enterprise.id', 'asc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** All matching rows, for exports (bounded by the caller). */
export async function allEnterprises(db: DbOrTrx, p: Principal, f: EnterpriseFilter, limit: number) {
  return withNames(applyFilter(db.selectFrom('enterprise'), f, p))
    .orderBy('enterprise.region_code')
    .orderBy('enterprise.name')
    .limit(limit)
    .execute();
}

export async function findEnterprise(db: DbOrTrx, id: number) {
  return withNames(db.selectFrom('enterprise')).where('enterprise.id', '=', id).executeTakeFirst();
}

export async function isEnterpriseInScope(db: DbOrTrx, p: Principal, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('enterprise')
    .select('id')
    .where('id', '=', id)
    .where((eb) => enterpriseScope(eb, p))
    .executeTakeFirst();
  return !!row;
}

export async function findByCreditCode(db: DbOrTrx, creditCode: string) {
  return db
    .selectFrom('enterprise')
    .select(['id', 'name'])
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
}

export async function insertEnterprise(db: DbOrTrx, row: NewEnterprise): Promise<number> {
  const { id } = await db.insertInto('enterprise').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Updates when `version` still matches; returns false when somebody else changed it first. */
export async function updateEnterprise(
  db: DbOrTrx,
  id: number,
  version: number,
  changes: EnterpriseUpdate,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('enterprise')
    .set({ ...changes, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
