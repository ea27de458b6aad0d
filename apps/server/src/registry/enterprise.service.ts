import type { Actor } from '../platform/audit/audit.repository';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import {
  AppError,
  conflict,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../platform/errors/app-error';
import { toColumns } from './enterprise.fields';
import { presentEnterprise } from './enterprise.presenter';
import {
  findByCreditCode,
  findEnterprise,
  insertEnterprise,
  isEnterpriseInScope,
  updateEnterprise,
} from './enterprise.repository';
import { checkEnterpriseDraft, deriveProgramme } from './enterprise.rules';
import type { EnterpriseCreate, EnterprisePatch, EnterpriseView } from './enterprise.schemas';
import { loadGridIndex, loadRegionIndex } from './region.repository';
import { canWriteInRegion, canWriteRegistry, ENTERPRISE_SELF_FIELDS } from './registry.policy';

export const actorOf = (p: Principal, ip?: string): Actor => ({ id: p.id, name: p.username, ip: ip ?? null });

/** Loads one enterprise the principal may read: 404 when missing, 403 when outside its scope. */
export async function getEnterpriseForRead(db: Db, p: Principal, id: number): Promise<EnterpriseView> {
  const row = await findEnterprise(db, id);
  if (!row) throw notFound('企业');
  if (!(await isEnterpriseInScope(db, p, id))) throw outOfScope();
  return presentEnterprise(row);
}

/** Like `getEnterpriseForRead`, and the principal must be allowed to change the registry there. */
export async function getEnterpriseForWrite(db: Db, p: Principal, id: number): Promise<EnterpriseView> {
  const view = await getEnterpriseForRead(db, p, id);
  if (!canWriteRegistry(p)) throw forbidden('您的角色只能查看登记信息');
  return view;
}

export async function createEnterprise(
  db: Db,
  p: Principal,
  input: EnterpriseCreate,
  now: Date,
  ip?: string,
) {
  if (!canWriteRegistry(p)) throw forbidden('您的角色不能新增企业');
  if (!canWriteInRegion(p, input.regionCode)) {
    throw invalid([{ path: '/regionCode', message: '只能在您管辖的区域内新增企业', code: 'OUT_OF_SCOPE' }]);
  }
  const creditCode = input.creditCode.toUpperCase();
  const draft = { ...input, creditCode };
  const errors = checkEnterpriseDraft(draft, await loadRegionIndex(db), await loadGridIndex(db));
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const existing = await findByCreditCode(trx, creditCode);
    if (existing) throw conflict('/creditCode', `统一社会信用代码已被「${existing.name}」使用`);
    const id = await insertEnterprise(trx, {
      ...toColumns(draft),
      ...renameProgramme(deriveProgramme(draft)),
      credit_code: creditCode,
      name: input.name,
      region_code: input.regionCode,
      created_at: now,
      updated_at: now,
    } as Parameters<typeof insertEnterprise>[1]);
    const view = presentEnterprise((await findEnterprise(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'enterprise', entityId: id, enterpriseId: id, after: view },
      now,
    );
    return view;
  });
}

export async function patchEnterprise(
  db: Db,
  p: Principal,
  id: number,
  patch: EnterprisePatch,
  now: Date,
  ip?: string,
) {
  const before = await getEnterpriseForRead(db, p, id);
  if (!canWriteRegistry(p)) {
    const allowed = p.role === 'enterprise' ? (ENTERPRISE_SELF_FIELDS as readonly string[]) : [];
    const refused = Object.keys(patch).filter((k) => !allowed.includes(k));
    if (allowed.length === 0) throw forbidden('您的角色只能查看登记信息');
    if (refused.length) {
      throw new AppError(
        'FORBIDDEN',
        '企业用户只能修改联系人、联系电话和产品及规模',
        refused.map((k) => ({ path: `/${k}`, message: '无权修改', code: 'READ_ONLY' })),
      );
    }
  }
  if (patch.regionCode && !canWriteInRegion(p, patch.regionCode)) {
    throw invalid([{ path: '/regionCode', message: '不能把企业移出您的管辖区域', code: 'OUT_OF_SCOPE' }]);
  }
  const { version, ...fields } = patch;
  if (fields.creditCode) fields.creditCode = fields.creditCode.toUpperCase();
  const merged = { ...before, ...fields };
  const errors = checkEnterpriseDraft(
    {
      ...fields,
      regionCode: fields.regionCode ?? (fields.townshipCode !== undefined ? before.regionCode : undefined),
      townshipCode:
        fields.townshipCode !== undefined || fields.gridId !== undefined ? merged.townshipCode : undefined,
      gridId: fields.gridId,
      lng: fields.lng !== undefined || fields.lat !== undefined ? merged.lng : undefined,
      lat: fields.lng !== undefined || fields.lat !== undefined ? merged.lat : undefined,
    },
    await loadRegionIndex(db),
    await loadGridIndex(db),
  );
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    if (fields.creditCode && fields.creditCode !== before.creditCode) {
      const existing = await findByCreditCode(trx, fields.creditCode);
      if (existing) throw conflict('/creditCode', `统一社会信用代码已被「${existing.name}」使用`);
    }
    const changes = toColumns(fields);
    if (fields.industryCode !== undefined && fields.programmeIndustry === undefined) {
      Object.assign(changes, renameProgramme(deriveProgramme({ ...fields, batch: fields.batch })));
    }
    if (!(await updateEnterprise(trx, id, version, changes, now))) throw staleVersion();
    const after = presentEnterprise((await findEnterprise(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'update', entity: 'enterprise', entityId: id, enterpriseId: id, before, after },
      now,
    );
    return after;
  });
}

export async function setEnterpriseActive(
  db: Db,
  p: Principal,
  id: number,
  active: boolean,
  now: Date,
  ip?: string,
) {
  const before = await getEnterpriseForWrite(db, p, id);
  return db.transaction().execute(async (trx) => {
    if (!(await updateEnterprise(trx, id, before.version, { active }, now))) throw staleVersion();
    const after = presentEnterprise((await findEnterprise(trx, id))!);
    const action = active ? 'activate' : 'deactivate';
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action, entity: 'enterprise', entityId: id, enterpriseId: id, before, after },
      now,
    );
    return after;
  });
}

const renameProgramme = (v: { programmeIndustry: string | null; batch: number | null }) => ({
  programme_industry: v.programmeIndustry,
  batch: v.batch,
});
