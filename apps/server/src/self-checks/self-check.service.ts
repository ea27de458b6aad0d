import {
  canEditSelfCheck,
  canReviewSelfCheck,
  canReviseSelfCheck,
  validateSelfCheckReview,
  validateSelfCheckSubmission,
} from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
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
import { canWriteRegistry } from '../registry/registry.policy';
import { buildSelfCheckPrefill } from './self-check.prefill';
import { applicabilityOf, presentSelfCheck, presentSelfCheckSummary } from './self-check.presenter';
import {
  findCampaign,
  findLatestSelfCheck,
  findSelfCheck,
  insertSelfCheck,
  listVersions,
  type SelfCheckRecord,
  updateSelfCheck,
} from './self-check.repository';
import type { SelfCheckReviewBody, SelfCheckView } from './self-check.schemas';

const STATUS_ZH = { draft: '草稿', submitted: '已提交', approved: '已审核通过', returned: '已退回' };

/** One form `p` may read: 404 when missing, 403 when its enterprise is outside the scope. */
export async function getSelfCheckRecord(db: Db, p: Principal, id: number): Promise<SelfCheckRecord> {
  const row = await findSelfCheck(db, id);
  if (!row) throw notFound('自查表');
  if (!(await isEnterpriseInScope(db, p, row.enterprise_id))) throw outOfScope();
  return row;
}

export async function getSelfCheckForRead(db: Db, p: Principal, id: number): Promise<SelfCheckView> {
  return presentSelfCheck(await getSelfCheckRecord(db, p, id));
}

export async function getSelfCheckVersions(db: Db, p: Principal, id: number) {
  const row = await getSelfCheckRecord(db, p, id);
  const rows = await listVersions(db, row.campaign_id, row.enterprise_id);
  return { items: rows.map(presentSelfCheckSummary) };
}

/** Only the enterprise itself fills its form. */
function requireOwner(p: Principal, row: SelfCheckRecord): void {
  if (p.role !== 'enterprise' || p.enterpriseId !== row.enterprise_id) {
    throw forbidden('只有填报企业可以填写、提交自查表');
  }
}

function notInStatus(row: SelfCheckRecord, doing: string): AppError {
  return new AppError('CONFLICT', `自查表第${row.version_no}版${STATUS_ZH[row.status]}，不能${doing}`, [
    { path: '/status', message: `当前状态：${row.status}`, code: 'WRONG_STATUS' },
  ]);
}

/**
 * The enterprise starts its form for a campaign (version 1, prefilled from the registry and the
 * monitoring) or, when it already has one, gets its latest version (the open draft if any).
 */
export async function startSelfCheck(
  db: Db,
  p: Principal,
  campaignId: number,
  now: Date,
  ip?: string,
): Promise<{ view: SelfCheckView; created: boolean }> {
  if (p.role !== 'enterprise' || p.enterpriseId === null) throw forbidden('只有排污单位可以填报自查表');
  const enterpriseId = p.enterpriseId;
  const campaign = await findCampaign(db, campaignId);
  if (!campaign) throw notFound('达标计划');
  const existing = await findLatestSelfCheck(db, campaignId, enterpriseId);
  if (existing) return { view: presentSelfCheck(existing), created: false };
  const { content, prefill } = await buildSelfCheckPrefill(db, enterpriseId, now);
  return db.transaction().execute(async (trx) => {
    const again = await findLatestSelfCheck(trx, campaignId, enterpriseId);
    if (again) return { view: presentSelfCheck(again), created: false };
    const id = await insertSelfCheck(trx, {
      campaign_id: campaignId,
      enterprise_id: enterpriseId,
      version_no: 1,
      status: 'draft',
      content: JSON.stringify(content),
      prefill: JSON.stringify(prefill),
      created_at: now,
      updated_at: now,
    });
    const view = presentSelfCheck((await findSelfCheck(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'self_check', entityId: id, enterpriseId, after: view },
      now,
    );
    return { view, created: true };
  });
}

/** Saves the draft's content; a submitted version is immutable (409). */
export async function saveSelfCheck(
  db: Db,
  p: Principal,
  id: number,
  input: { content: Record<string, unknown>; version: number },
  now: Date,
  ip?: string,
): Promise<SelfCheckView> {
  const before = await getSelfCheckRecord(db, p, id);
  requireOwner(p, before);
  if (!canEditSelfCheck(before.status)) throw notInStatus(before, '修改');
  if (input.version !== before.version) throw staleVersion();
  return db.transaction().execute(async (trx) => {
    const ok = await updateSelfCheck(trx, id, input.version, 'draft', {
      content: JSON.stringify(input.content),
      updated_at: now,
    });
    if (!ok) throw staleVersion();
    const after = presentSelfCheck((await findSelfCheck(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'update',
        entity: 'self_check',
        entityId: id,
        enterpriseId: before.enterprise_id,
        before: { content: before.content, version: before.version },
        after: { content: after.content, version: after.version },
      },
      now,
    );
    return after;
  });
}

/** Submits the draft under the signer's name; 422 lists every missing field by its path. */
export async function submitSelfCheck(
  db: Db,
  p: Principal,
  id: number,
  input: { signerName: string; version: number },
  now: Date,
  ip?: string,
): Promise<SelfCheckView> {
  const before = await getSelfCheckRecord(db, p, id);
  requireOwner(p, before);
  if (!canEditSelfCheck(before.status)) throw notInStatus(before, '提交');
  if (input.version !== before.version) throw staleVersion();
  const errors = validateSelfCheckSubmission(
    before.content,
    applicabilityOf(before.prefill),
    input.signerName,
  );
  if (errors.length) throw invalid(errors, `自查表有${errors.length}处未填或不完整`);
  return db.transaction().execute(async (trx) => {
    const ok = await updateSelfCheck(trx, id, input.version, 'draft', {
      status: 'submitted',
      filled_by_name: input.signerName.trim(),
      submitted_at: now,
      submitted_by: p.id,
      updated_at: now,
    });
    if (!ok) throw staleVersion();
    const after = presentSelfCheck((await findSelfCheck(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'submit',
        entity: 'self_check',
        entityId: id,
        enterpriseId: before.enterprise_id,
        before: presentSelfCheckSummary(before),
        after: presentSelfCheckSummary((await findSelfCheck(trx, id))!),
      },
      now,
    );
    return after;
  });
}

/** A new draft version N+1 copying the content of the latest (returned, submitted or approved) one. */
export async function reviseSelfCheck(
  db: Db,
  p: Principal,
  id: number,
  input: { version: number },
  now: Date,
  ip?: string,
): Promise<SelfCheckView> {
  const before = await getSelfCheckRecord(db, p, id);
  requireOwner(p, before);
  if (input.version !== before.version) throw staleVersion();
  if (Number(before.latest_version_no) !== before.version_no) {
    throw new AppError('CONFLICT', `已有第${before.latest_version_no}版，请在最新版本上修改`, [
      { path: '/id', message: '不是最新版本', code: 'NOT_LATEST' },
    ]);
  }
  if (!canReviseSelfCheck(before.status)) throw notInStatus(before, '再生成新版本');
  return db.transaction().execute(async (trx) => {
    const newId = await insertSelfCheck(trx, {
      campaign_id: before.campaign_id,
      enterprise_id: before.enterprise_id,
      version_no: before.version_no + 1,
      status: 'draft',
      content: JSON.stringify(before.content),
      prefill: JSON.stringify(before.prefill),
      created_at: now,
      updated_at: now,
    });
    const view = presentSelfCheck((await findSelfCheck(trx, newId))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'revise',
        entity: 'self_check',
        entityId: newId,
        enterpriseId: before.enterprise_id,
        before: { id: before.id, versionNo: before.version_no, status: before.status },
        after: presentSelfCheckSummary((await findSelfCheck(trx, newId))!),
      },
      now,
    );
    return view;
  });
}

/** The district of the enterprise (or the city, admin) fills section 五 and approves or returns. */
export async function reviewSelfCheck(
  db: Db,
  p: Principal,
  id: number,
  input: SelfCheckReviewBody,
  now: Date,
  ip?: string,
): Promise<SelfCheckView> {
  const before = await getSelfCheckRecord(db, p, id);
  if (!canWriteRegistry(p)) throw forbidden('只有区县局、市局可以审核自查表');
  if (!canReviewSelfCheck(before.status)) throw notInStatus(before, '审核');
  const errors = validateSelfCheckReview(input);
  if (errors.length) throw invalid(errors);
  if (input.version !== before.version) throw staleVersion();
  const review = {
    ...Object.fromEntries(Object.entries(input.review).map(([k, v]) => [k, String(v ?? '').trim()])),
    decision: input.decision,
    ...(input.decision === 'return' ? { reason: input.reason?.trim() ?? '' } : {}),
  };
  return db.transaction().execute(async (trx) => {
    const ok = await updateSelfCheck(trx, id, input.version, 'submitted', {
      status: input.decision === 'approve' ? 'approved' : 'returned',
      review: JSON.stringify(review),
      reviewed_by: p.id,
      reviewer_name: input.reviewerName.trim(),
      reviewed_at: now,
      updated_at: now,
    });
    if (!ok) throw staleVersion();
    const after = presentSelfCheck((await findSelfCheck(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: input.decision,
        entity: 'self_check',
        entityId: id,
        enterpriseId: before.enterprise_id,
        before: presentSelfCheckSummary(before),
        after: { ...presentSelfCheckSummary((await findSelfCheck(trx, id))!), review },
      },
      now,
    );
    return after;
  });
}
