import { industryName, programmeIndustry } from '@dabiao/domain';
import type { Insertable, Updateable } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import type { ProblemTable, SignOffTable } from '../platform/db/schema-compliance';
import { enterpriseScope } from '../registry/registry.policy';
import type { RectificationFilter } from './ledger.schemas';

function withEnterprise(db: DbOrTrx) {
  return db
    .selectFrom('problem')
    .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
    .selectAll('problem')
    .select([
      'enterprise.name as enterprise_name',
      'enterprise.credit_code',
      'enterprise.control_level',
      'enterprise.programme_industry',
      'enterprise.industry_code',
      'enterprise.region_code',
    ]);
}

export type ProblemRecord = NonNullable<Awaited<ReturnType<typeof findProblem>>>;

export async function findProblem(db: DbOrTrx, id: number) {
  return withEnterprise(db).where('problem.id', '=', id).executeTakeFirst();
}

/** Problems of the enterprises `p` may read, filtered, in the ledger's order (district, enterprise, found). */
export function scopedProblems(db: DbOrTrx, p: Principal, f: RectificationFilter) {
  let q = db
    .selectFrom('problem')
    .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
    .where((eb) => enterpriseScope(eb, p));
  if (f.districtCode) q = q.where('problem.district_code', 'like', `${regionPrefix(f.districtCode)}%`);
  if (f.campaignId) q = q.where('problem.campaign_id', '=', f.campaignId);
  if (f.status) q = q.where('problem.status', '=', f.status);
  if (f.type) q = q.where('problem.problem_type', '=', f.type);
  if (f.enterpriseId) q = q.where('problem.enterprise_id', '=', f.enterpriseId);
  return q;
}

export async function listProblems(
  db: DbOrTrx,
  p: Principal,
  f: RectificationFilter,
  page: number,
  pageSize: number | null,
) {
  const q = scopedProblems(db, p, f);
  let rows = q
    .selectAll('problem')
    .select([
      'enterprise.name as enterprise_name',
      'enterprise.credit_code',
      'enterprise.control_level',
      'enterprise.programme_industry',
      'enterprise.industry_code',
      'enterprise.region_code',
    ])
    .orderBy('problem.district_code')
    .orderBy('enterprise.name')
    .orderBy('problem.found_on')
    .orderBy('problem.id');
  if (pageSize !== null) rows = rows.limit(pageSize).offset((page - 1) * pageSize);
  const [items, count] = await Promise.all([
    rows.execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(count.n) };
}

export async function insertProblem(db: DbOrTrx, row: Insertable<ProblemTable>): Promise<number> {
  const { id } = await db.insertInto('problem').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a problem when `version` still matches; false when somebody else changed it first. */
export async function updateProblem(
  db: DbOrTrx,
  id: number,
  version: number,
  changes: Updateable<ProblemTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('problem')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function signOffsOf(db: DbOrTrx, problemId: number) {
  return db.selectFrom('sign_off').selectAll().where('problem_id', '=', problemId).orderBy('round').execute();
}

export type SignOffRecord = Awaited<ReturnType<typeof signOffsOf>>[number];

export async function findSignOff(db: DbOrTrx, id: number) {
  return db.selectFrom('sign_off').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSignOff(db: DbOrTrx, row: Insertable<SignOffTable>): Promise<number> {
  const { id } = await db.insertInto('sign_off').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateSignOff(
  db: DbOrTrx,
  id: number,
  version: number,
  changes: Updateable<SignOffTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('sign_off')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** District and city names by code ("益阳市赫山区" for a district, "益阳市" for the city). */
export async function regionNames(db: DbOrTrx): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('level', 'in', ['province', 'city', 'district'])
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const names = new Map<string, string>();
  for (const r of rows) {
    const parent = r.parent_code ? byCode.get(r.parent_code) : undefined;
    names.set(
      r.code,
      r.level === 'district' && parent?.level === 'city' ? `${parent.name}${r.name}` : r.name,
    );
  }
  return names;
}

export function industryLabel(r: {
  programme_industry: string | null;
  industry_code: string | null;
}): string {
  return (
    (r.programme_industry ? programmeIndustry(r.programme_industry)?.zh : undefined) ??
    (r.industry_code ? industryName(r.industry_code) : undefined) ??
    ''
  );
}
