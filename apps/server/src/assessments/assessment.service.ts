import {
  applySectionEdits,
  assessmentTitle,
  checkAssessmentRequest,
  draftSections,
  programmeIndustry,
} from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import { type Principal, regionContains } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import {
  AppError,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../platform/errors/app-error';
import { actorOf } from '../registry/enterprise.service';
import { countFigures } from './assessment.figures';
import { presentAssessment, sectionsOfRow } from './assessment.presenter';
import { findAssessment, insertAssessment, updateDraftAssessment } from './assessment.repository';
import type { AssessmentCreate, AssessmentPatch, AssessmentView } from './assessment.schemas';

/** City, district and admin write reports; the expert (评估专家/第三方) reads them. */
const WRITERS = new Set(['admin', 'city', 'district']);
const READERS = new Set(['admin', 'city', 'district', 'expert']);

export const canWriteAssessments = (p: Principal) => WRITERS.has(p.role);

function inScope(p: Principal, regionCode: string): boolean {
  return p.role === 'admin' || regionContains(p.regionCode, regionCode);
}

/** One report the principal may read: 404 when missing, 403 when out of role or region. */
export async function getAssessmentForRead(db: DbOrTrx, p: Principal, id: number) {
  if (!READERS.has(p.role)) throw forbidden('无权查看评估报告');
  const row = await findAssessment(db, id);
  if (!row) throw notFound('评估报告');
  if (!inScope(p, row.region_code)) throw outOfScope();
  return row;
}

/** Generates a report: figures counted now, sections drafted from them (a draft the author edits). */
export async function createAssessment(
  db: Db,
  p: Principal,
  input: AssessmentCreate,
  now: Date,
  ip?: string,
): Promise<AssessmentView> {
  if (!canWriteAssessments(p)) throw forbidden('只有市局、区县局可以生成评估报告');
  const errors: FieldError[] = checkAssessmentRequest(input);
  const industry = input.scope === 'industry' ? (input.industry ?? null) : null;
  if (industry && !programmeIndustry(industry))
    errors.push({ path: '/industry', message: `不是达标计划的行业：${industry}`, code: 'UNKNOWN_INDUSTRY' });
  const region = await db
    .selectFrom('region')
    .select(['code', 'name', 'level'])
    .where('code', '=', input.regionCode)
    .executeTakeFirst();
  if (!region) errors.push({ path: '/regionCode', message: '行政区划不存在', code: 'UNKNOWN_REGION' });
  else if (region.level !== 'city' && region.level !== 'district')
    errors.push({ path: '/regionCode', message: '评估报告按市或区县编制', code: 'NOT_DISTRICT_OR_CITY' });
  else if (!inScope(p, region.code)) throw outOfScope();
  const campaign = await db
    .selectFrom('campaign')
    .select(['id', 'name', 'region_code', 'covered_regions'])
    .where('id', '=', input.campaignId)
    .executeTakeFirst();
  if (!campaign) errors.push({ path: '/campaignId', message: '达标计划不存在', code: 'UNKNOWN_CAMPAIGN' });
  else if (
    region &&
    !regionContains(campaign.region_code, region.code) &&
    !(campaign.covered_regions as string[]).includes(region.code)
  )
    errors.push({ path: '/regionCode', message: '该区域不在达标计划范围内', code: 'NOT_COVERED' });
  if (errors.length || !region || !campaign) throw invalid(errors);

  const figures = await countFigures(
    db,
    {
      regionCode: region.code,
      regionName: region.name,
      industry,
      campaignId: campaign.id,
      campaignName: campaign.name,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
    },
    now,
  );
  const sections = draftSections(input.kind, figures);
  return db.transaction().execute(async (trx) => {
    const id = await insertAssessment(trx, {
      campaign_id: campaign.id,
      kind: input.kind,
      scope: input.scope,
      region_code: region.code,
      industry,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      title: assessmentTitle(input.kind, figures),
      figures: JSON.stringify(figures),
      sections: JSON.stringify({ list: sections }),
      created_by: p.id,
      created_at: now,
      updated_at: now,
    });
    const view = presentAssessment((await findAssessment(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'assessment_report', entityId: id, after: auditView(view) },
      now,
    );
    return view;
  });
}

/** The audit keeps the sections and the headline figures, not the whole figure tree. */
const auditView = (v: AssessmentView) => ({
  title: v.title,
  status: v.status,
  version: v.version,
  regionCode: v.regionCode,
  industry: v.industry,
  periodFrom: v.periodFrom,
  periodTo: v.periodTo,
  sections: v.sections.map((s) => ({ key: s.key, text: s.text })),
});

function requireDraft(status: string) {
  if (status !== 'draft')
    throw new AppError('CONFLICT', '报告已定稿，不能再修改', [
      { path: '/status', message: '当前状态：定稿', code: 'FINAL' },
    ]);
}

export async function patchAssessment(
  db: Db,
  p: Principal,
  id: number,
  input: AssessmentPatch,
  now: Date,
  ip?: string,
): Promise<AssessmentView> {
  const row = await getAssessmentForRead(db, p, id);
  if (!canWriteAssessments(p)) throw forbidden('只有市局、区县局可以修改评估报告');
  requireDraft(row.status);
  if (input.version !== row.version) throw staleVersion();
  const edit = applySectionEdits(sectionsOfRow(row), input.sections);
  if (edit.problems.length) throw invalid(edit.problems);
  const before = presentAssessment(row);
  return db.transaction().execute(async (trx) => {
    const ok = await updateDraftAssessment(trx, id, input.version, {
      sections: JSON.stringify({ list: edit.sections }),
      updated_at: now,
    });
    if (!ok) throw staleVersion();
    const after = presentAssessment((await findAssessment(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'update',
        entity: 'assessment_report',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      },
      now,
    );
    return after;
  });
}

export async function finalizeAssessment(
  db: Db,
  p: Principal,
  id: number,
  version: number,
  now: Date,
  ip?: string,
): Promise<AssessmentView> {
  const row = await getAssessmentForRead(db, p, id);
  if (!canWriteAssessments(p)) throw forbidden('只有市局、区县局可以定稿评估报告');
  requireDraft(row.status);
  if (version !== row.version) throw staleVersion();
  const before = presentAssessment(row);
  return db.transaction().execute(async (trx) => {
    if (!(await updateDraftAssessment(trx, id, version, { status: 'final', updated_at: now })))
      throw staleVersion();
    const after = presentAssessment((await findAssessment(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'finalize',
        entity: 'assessment_report',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      },
      now,
    );
    return after;
  });
}
