import type { Insertable, Updateable } from 'kysely';
import { type Principal, regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import type { AssessmentReportTable } from '../platform/db/schema-compliance';
import type { AssessmentListQuery } from './assessment.schemas';

function base(db: DbOrTrx) {
  return db
    .selectFrom('assessment_report')
    .leftJoin('region', 'region.code', 'assessment_report.region_code')
    .selectAll('assessment_report')
    .select('region.name as region_name');
}

export async function findAssessment(db: DbOrTrx, id: number) {
  return base(db).where('assessment_report.id', '=', id).executeTakeFirst();
}

/** Reports whose region lies in the principal's region (the whole city for admin). */
export async function listAssessments(
  db: DbOrTrx,
  p: Principal,
  f: Omit<AssessmentListQuery, 'page' | 'pageSize'>,
  page: number,
  pageSize: number,
) {
  let q = base(db);
  if (p.role !== 'admin' && p.regionCode)
    q = q.where('assessment_report.region_code', 'like', `${regionPrefix(p.regionCode)}%`);
  if (f.kind) q = q.where('assessment_report.kind', '=', f.kind);
  if (f.status) q = q.where('assessment_report.status', '=', f.status);
  if (f.regionCode) q = q.where('assessment_report.region_code', 'like', `${regionPrefix(f.regionCode)}%`);
  const [rows, count] = await Promise.all([
    q
      .orderBy('assessment_report.created_at', 'desc')
      .orderBy('assessment_report.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertAssessment(db: DbOrTrx, row: Insertable<AssessmentReportTable>): Promise<number> {
  const { id } = await db
    .insertInto('assessment_report')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Updates a draft at `version`; false when it moved on (or is final) meanwhile. */
export async function updateDraftAssessment(
  db: DbOrTrx,
  id: number,
  version: number,
  set: Updateable<AssessmentReportTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('assessment_report')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
