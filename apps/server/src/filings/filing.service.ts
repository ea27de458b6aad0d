import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import type { FilingStatus } from '../platform/db/schema';
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
import { presentFiling } from './filing.presenter';
import { findFiling, findOutletEnterprise, insertFiling, updateSubmittedFiling } from './filing.repository';
import { checkFilingWindow } from './filing.rules';
import type { FilingCreate, FilingView } from './filing.schemas';

/** One filing the principal may read: 404 when missing, 403 when its enterprise is outside the scope. */
export async function getFilingForRead(db: Db, p: Principal, id: number): Promise<FilingView> {
  const row = await findFiling(db, id);
  if (!row) throw notFound('报备');
  if (!(await isEnterpriseInScope(db, p, row.enterprise_id))) throw outOfScope();
  return presentFiling(row);
}

/** Enterprise users file for their own enterprise, in advance. */
export async function createFiling(db: Db, p: Principal, input: FilingCreate, now: Date, ip?: string) {
  if (p.role !== 'enterprise' || p.enterpriseId === null) throw forbidden('只有排污单位可以报备');
  const enterpriseId = input.enterpriseId ?? p.enterpriseId;
  if (enterpriseId !== p.enterpriseId) throw outOfScope();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const errors = checkFilingWindow(startsAt, endsAt, now);
  if (input.outletId != null) {
    const outlet = await findOutletEnterprise(db, input.outletId);
    if (outlet?.enterprise_id !== enterpriseId) {
      errors.push({ path: '/outletId', message: '排放口不属于本企业', code: 'NOT_OWN_OUTLET' });
    }
  }
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const id = await insertFiling(trx, {
      enterprise_id: enterpriseId,
      outlet_id: input.outletId ?? null,
      kind: input.kind,
      starts_at: startsAt,
      ends_at: endsAt,
      reason: input.reason,
      evidence: input.evidence ?? null,
      attachment_name: input.attachmentName ?? null,
      submitted_by: p.id,
      created_at: now,
    });
    const view = presentFiling((await findFiling(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'filing', entityId: id, enterpriseId, after: view },
      now,
    );
    return view;
  });
}

export type FilingAction = 'approve' | 'reject' | 'withdraw';
const TARGET: Record<FilingAction, FilingStatus> = {
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

/** Approve or reject (district in scope, city, admin) or withdraw (the enterprise itself) a submitted filing. */
export async function transitionFiling(
  db: Db,
  p: Principal,
  id: number,
  action: FilingAction,
  input: { version: number; note?: string | undefined },
  now: Date,
  ip?: string,
) {
  const before = await getFilingForRead(db, p, id);
  if (action === 'withdraw') {
    if (p.role !== 'enterprise' || p.enterpriseId !== before.enterpriseId)
      throw forbidden('只有报备企业可以撤回');
  } else if (!canWriteRegistry(p)) {
    throw forbidden('只有区县局、市局可以审核报备');
  }
  if (action === 'reject' && !input.note?.trim()) {
    throw invalid([{ path: '/note', message: '驳回须说明理由', code: 'REQUIRED' }]);
  }
  if (input.version !== before.version) throw staleVersion();
  if (before.status !== 'submitted') {
    throw new AppError(
      'CONFLICT',
      `报备已${before.status === 'withdrawn' ? '撤回' : '审核'}，不能再${action === 'withdraw' ? '撤回' : '审核'}`,
      [{ path: '/status', message: `当前状态：${before.status}`, code: 'NOT_SUBMITTED' }],
    );
  }
  const decision =
    action === 'withdraw'
      ? {}
      : { decided_by: p.id, decided_at: now, decision_note: input.note?.trim() || null };
  return db.transaction().execute(async (trx) => {
    if (!(await updateSubmittedFiling(trx, id, input.version, { status: TARGET[action], ...decision }))) {
      throw staleVersion();
    }
    const after = presentFiling((await findFiling(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action, entity: 'filing', entityId: id, enterpriseId: before.enterpriseId, before, after },
      now,
    );
    return after;
  });
}
