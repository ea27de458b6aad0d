import { endOfShanghaiDay, programmeIndustry, shanghaiDateText } from '@dabiao/domain';
import { findCampaign } from '../campaigns/campaign.repository';
import { canReadCampaign } from '../campaigns/campaign.service';
import { recordAudit } from '../platform/audit/audit.repository';
import { GOVERNMENT_ROLES, type Principal } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import {
  AppError,
  conflict,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../platform/errors/app-error';
import { isEnterpriseInScope } from '../registry/enterprise.repository';
import { actorOf } from '../registry/enterprise.service';
import { enterpriseScope } from '../registry/registry.policy';
import type {
  AssignmentCreate,
  AssignmentListQuery,
  AssignmentView,
  OpinionSubmit,
} from './spot-check.schemas';
import { canDraw, findDrawForRead } from './spot-check.service';

const iso = (d: Date | string) => new Date(d).toISOString();

function assignmentQuery(db: DbOrTrx) {
  return db
    .selectFrom('review_assignment as a')
    .innerJoin('enterprise', 'enterprise.id', 'a.enterprise_id')
    .innerJoin('region as r', 'r.code', 'enterprise.region_code')
    .innerJoin('app_user as reviewer', 'reviewer.id', 'a.reviewer_id')
    .leftJoin('app_user as assigner', 'assigner.id', 'a.assigned_by')
    .leftJoin('campaign as c', 'c.id', 'a.campaign_id');
}
const COLUMNS = [
  'enterprise.name as enterprise_name',
  'enterprise.region_code',
  'r.name as region_name',
  'enterprise.programme_industry',
  'reviewer.display_name as reviewer_name',
  'assigner.display_name as assigner_name',
  'c.name as campaign_name',
] as const;

function selectAssignment(db: DbOrTrx) {
  return assignmentQuery(db).selectAll('a').select(COLUMNS);
}
type AssignmentRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectAssignment>['executeTakeFirst']>>
>;

function present(r: AssignmentRow, now: Date): AssignmentView {
  return {
    id: r.id,
    drawId: r.draw_id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    industryZh: r.programme_industry ? (programmeIndustry(r.programme_industry)?.zh ?? null) : null,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    kind: r.kind,
    dueOn: r.due_on,
    overdue: r.status === 'assigned' && !!r.due_on && now > endOfShanghaiDay(r.due_on),
    status: r.status,
    opinion: r.opinion,
    conclusion: r.conclusion,
    submittedAt: r.submitted_at ? iso(r.submitted_at) : null,
    assignedBy: r.assigner_name,
    assignedAt: iso(r.assigned_at),
    version: r.version,
  };
}

/** An expert reads only its own assignments; government users the assignments of their scope. */
function canReadAssignments(p: Principal) {
  return p.role === 'expert' || GOVERNMENT_ROLES.has(p.role);
}

async function findAssignmentForRead(db: DbOrTrx, p: Principal, id: number): Promise<AssignmentRow> {
  if (!canReadAssignments(p)) throw forbidden('无权查看评审任务');
  const row = await selectAssignment(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('评审任务');
  if (p.role === 'expert') {
    if (row.reviewer_id !== p.id) throw outOfScope();
  } else if (!(await isEnterpriseInScope(db, p, row.enterprise_id))) {
    throw outOfScope();
  }
  return row;
}

export async function getAssignment(db: Db, p: Principal, id: number, now: Date) {
  return present(await findAssignmentForRead(db, p, id), now);
}

export async function listAssignments(db: Db, p: Principal, q: AssignmentListQuery, now: Date) {
  if (!canReadAssignments(p)) throw forbidden('无权查看评审任务');
  let base = assignmentQuery(db);
  base =
    p.role === 'expert'
      ? base.where('a.reviewer_id', '=', p.id)
      : base.where((eb) => enterpriseScope(eb as never, p));
  if (q.status) base = base.where('a.status', '=', q.status);
  if (q.drawId) base = base.where('a.draw_id', '=', q.drawId);
  if (q.enterpriseId) base = base.where('a.enterprise_id', '=', q.enterpriseId);
  const [rows, count] = await Promise.all([
    base
      .selectAll('a')
      .select(COLUMNS)
      .orderBy('a.status')
      .orderBy('a.due_on')
      .orderBy('a.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => present(r, now)),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The users who may be assigned a review: active users with the role expert. */
export async function listReviewers(db: Db, p: Principal) {
  if (!canDraw(p)) throw forbidden('只有区县局、市局可以指派评审');
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'username'])
    .where('role', '=', 'expert')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, username: r.username }));
}

/** Assigns an on-site check, expert review or third-party assessment of one enterprise to an expert. */
export async function createAssignment(
  db: Db,
  p: Principal,
  input: AssignmentCreate,
  now: Date,
  ip?: string,
) {
  if (!canDraw(p)) throw forbidden('只有区县局、市局可以指派评审');
  const errors: FieldError[] = [];
  const enterprise = await db
    .selectFrom('enterprise')
    .select(['id', 'active'])
    .where('id', '=', input.enterpriseId)
    .executeTakeFirst();
  if (!enterprise) errors.push({ path: '/enterpriseId', message: '企业不存在', code: 'NOT_FOUND' });
  else if (!(await isEnterpriseInScope(db, p, enterprise.id))) throw outOfScope();
  const reviewer = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'active'])
    .where('id', '=', input.reviewerId)
    .executeTakeFirst();
  if (reviewer?.role !== 'expert' || !reviewer.active) {
    errors.push({ path: '/reviewerId', message: '评审人须为在用的专家账号', code: 'NOT_AN_EXPERT' });
  }
  if (input.dueOn && input.dueOn < shanghaiDateText(now)) {
    errors.push({ path: '/dueOn', message: '完成期限不能早于今天', code: 'IN_PAST' });
  }
  let campaignId = input.campaignId ?? null;
  if (input.drawId != null) {
    const draw = await findDrawForRead(db, p, input.drawId).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    });
    if (!draw) errors.push({ path: '/drawId', message: '抽查记录不存在', code: 'NOT_FOUND' });
    else {
      if (!draw.selected.includes(input.enterpriseId)) {
        errors.push({ path: '/enterpriseId', message: '该企业未在此次抽查中被抽中', code: 'NOT_SELECTED' });
      }
      if (campaignId !== null && draw.campaign_id !== null && campaignId !== draw.campaign_id) {
        errors.push({ path: '/campaignId', message: '与抽查记录的达标计划不一致', code: 'MISMATCH' });
      }
      campaignId ??= draw.campaign_id;
    }
  }
  if (campaignId !== null) {
    const c = await findCampaign(db, campaignId);
    if (!c) errors.push({ path: '/campaignId', message: '达标计划不存在', code: 'NOT_FOUND' });
    else if (!canReadCampaign(p, c)) throw outOfScope();
  }
  if (errors.length) throw invalid(errors, '指派信息有误');
  const open = await db
    .selectFrom('review_assignment')
    .select('id')
    .where('enterprise_id', '=', input.enterpriseId)
    .where('reviewer_id', '=', input.reviewerId)
    .where('kind', '=', input.kind)
    .where('status', '=', 'assigned')
    .executeTakeFirst();
  if (open) throw conflict('/reviewerId', `该专家已有此企业未完成的同类评审任务（#${open.id}）`);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('review_assignment')
      .values({
        draw_id: input.drawId ?? null,
        campaign_id: campaignId,
        enterprise_id: input.enterpriseId,
        reviewer_id: input.reviewerId,
        kind: input.kind,
        due_on: input.dueOn ?? null,
        assigned_by: p.id,
        assigned_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = present((await selectAssignment(trx).where('a.id', '=', id).executeTakeFirst())!, now);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'create',
        entity: 'review_assignment',
        entityId: id,
        enterpriseId: input.enterpriseId,
        after,
      },
      now,
    );
    return id;
  });
  return getAssignment(db, p, id, now);
}

/** The assigned reviewer writes its opinion once; a submitted opinion is never changed (409). */
export async function submitOpinion(
  db: Db,
  p: Principal,
  id: number,
  input: OpinionSubmit,
  now: Date,
  ip?: string,
) {
  if (p.role !== 'expert') throw forbidden('只有被指派的专家可以填写评审意见');
  const before = await findAssignmentForRead(db, p, id);
  if (before.reviewer_id !== p.id) throw forbidden('只有被指派的专家可以填写评审意见');
  const opinion = input.opinion.trim();
  if (!opinion) throw invalid([{ path: '/opinion', message: '请填写评审意见', code: 'REQUIRED' }]);
  if (before.status === 'submitted') {
    throw new AppError('CONFLICT', '评审意见已提交，不能修改', [
      { path: '/status', message: '已提交', code: 'ALREADY_SUBMITTED' },
    ]);
  }
  if (input.version !== before.version) throw staleVersion();
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('review_assignment')
      .set({
        opinion,
        conclusion: input.conclusion,
        status: 'submitted',
        submitted_at: now,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('status', '=', 'assigned')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    const after = present((await selectAssignment(trx).where('a.id', '=', id).executeTakeFirst())!, now);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'submit_opinion',
        entity: 'review_assignment',
        entityId: id,
        enterpriseId: before.enterprise_id,
        before: present(before, now),
        after,
      },
      now,
    );
    return after;
  });
}
