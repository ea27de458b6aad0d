import { shanghaiDateText } from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import {
  AppError,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../platform/errors/app-error';
import { isEnterpriseInScope } from '../registry/enterprise.repository';
import { actorOf } from '../registry/enterprise.service';
import { canWriteRegistry, enterpriseScope } from '../registry/registry.policy';
import type { PlanCreate, PlanPatch, PlanView } from './plan.schemas';

// 一企一策 (L4): the government in scope writes and files a plan; the enterprise reads its own and may
// propose a draft (and edit it while it is a draft); only the government moves it draft → filed → done.

function withNames(db: DbOrTrx) {
  return db
    .selectFrom('enterprise_plan')
    .innerJoin('enterprise', 'enterprise.id', 'enterprise_plan.enterprise_id')
    .selectAll('enterprise_plan')
    .select(['enterprise.name as enterprise_name', 'enterprise.region_code']);
}
type PlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirst']>>>;

const iso = (d: Date) => new Date(d).toISOString();

function present(r: PlanRow): PlanView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionCode: r.region_code,
    title: r.title,
    targets: r.targets,
    route: r.route,
    measures: r.measures,
    targetDate: r.target_date,
    status: r.status,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

async function findPlan(db: DbOrTrx, id: number) {
  return withNames(db).where('enterprise_plan.id', '=', id).executeTakeFirst();
}

export async function getPlan(db: DbOrTrx, p: Principal, id: number): Promise<PlanView> {
  const row = await findPlan(db, id);
  if (!row) throw notFound('一企一策方案');
  if (!(await isEnterpriseInScope(db, p, row.enterprise_id))) throw outOfScope();
  return present(row);
}

export async function listPlans(
  db: DbOrTrx,
  p: Principal,
  f: { enterpriseId?: number | undefined; status?: 'draft' | 'filed' | 'done' | undefined },
  page: number,
  pageSize: number,
) {
  let q = db
    .selectFrom('enterprise_plan')
    .innerJoin('enterprise', 'enterprise.id', 'enterprise_plan.enterprise_id')
    .where((eb) => enterpriseScope(eb, p));
  if (f.enterpriseId) q = q.where('enterprise_plan.enterprise_id', '=', f.enterpriseId);
  if (f.status) q = q.where('enterprise_plan.status', '=', f.status);
  const [rows, count] = await Promise.all([
    q
      .selectAll('enterprise_plan')
      .select(['enterprise.name as enterprise_name', 'enterprise.region_code'])
      .orderBy('enterprise_plan.updated_at', 'desc')
      .orderBy('enterprise_plan.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n), page, pageSize };
}

const isGovernmentWriter = (p: Principal) => canWriteRegistry(p);
const isOwnEnterprise = (p: Principal, enterpriseId: number) =>
  p.role === 'enterprise' && p.enterpriseId === enterpriseId;

function checkTargetDate(targetDate: string | undefined, now: Date) {
  if (targetDate !== undefined && targetDate < shanghaiDateText(now)) {
    return [{ path: '/targetDate', message: '完成时限不能早于今天', code: 'PAST' }];
  }
  return [];
}

export async function createPlan(db: Db, p: Principal, input: PlanCreate, now: Date, ip?: string) {
  if (!isGovernmentWriter(p) && p.role !== 'enterprise') throw forbidden('无权制定一企一策方案');
  if (p.role === 'enterprise' && !isOwnEnterprise(p, input.enterpriseId)) throw outOfScope();
  if (!(await isEnterpriseInScope(db, p, input.enterpriseId))) throw outOfScope();
  const errors = checkTargetDate(input.targetDate, now);
  if (input.campaignId != null) {
    const c = await db
      .selectFrom('campaign')
      .select('id')
      .where('id', '=', input.campaignId)
      .executeTakeFirst();
    if (!c) errors.push({ path: '/campaignId', message: '专项行动不存在', code: 'NOT_FOUND' });
  }
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('enterprise_plan')
      .values({
        campaign_id: input.campaignId ?? null,
        enterprise_id: input.enterpriseId,
        title: input.title.trim(),
        targets: input.targets.trim(),
        route: input.route.trim(),
        measures: input.measures.trim(),
        target_date: input.targetDate,
        status: 'draft',
        created_by: p.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = present((await findPlan(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'enterprise_plan', entityId: id, enterpriseId: input.enterpriseId, after },
      now,
    );
    return after;
  });
}

const NEXT: Record<string, string> = { draft: 'filed', filed: 'done' };

export async function patchPlan(db: Db, p: Principal, id: number, input: PlanPatch, now: Date, ip?: string) {
  const before = await getPlan(db, p, id);
  const government = isGovernmentWriter(p);
  if (!government && !isOwnEnterprise(p, before.enterpriseId)) throw forbidden('无权修改一企一策方案');
  if (!government) {
    if (input.status !== undefined && input.status !== before.status) {
      throw forbidden('企业只能草拟方案，备案和完成由生态环境部门确认');
    }
    if (before.status !== 'draft') throw forbidden('方案已备案，企业不能再修改');
  }
  if (input.version !== before.version) throw staleVersion();
  if (before.status === 'done') {
    throw new AppError('CONFLICT', '方案已完成，不能再修改', [
      { path: '/status', message: '当前状态：done', code: 'DONE' },
    ]);
  }
  const errors = checkTargetDate(input.targetDate, now);
  if (input.status !== undefined && input.status !== before.status && NEXT[before.status] !== input.status) {
    errors.push({
      path: '/status',
      message: `状态只能由 ${before.status} 变为 ${NEXT[before.status]}`,
      code: 'INVALID_TRANSITION',
    });
  }
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('enterprise_plan')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.targets !== undefined ? { targets: input.targets.trim() } : {}),
        ...(input.route !== undefined ? { route: input.route.trim() } : {}),
        ...(input.measures !== undefined ? { measures: input.measures.trim() } : {}),
        ...(input.targetDate !== undefined ? { target_date: input.targetDate } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: now,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw staleVersion();
    const after = present((await findPlan(trx, id))!);
    const action = input.status && input.status !== before.status ? input.status : 'update';
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action, entity: 'enterprise_plan', entityId: id, enterpriseId: before.enterpriseId, before, after },
      now,
    );
    return after;
  });
}
