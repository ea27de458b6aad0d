import { followUpDue, type SignOffProblemFacts, signOffPermission } from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import type { ProblemTable } from '../platform/db/schema-compliance';
import type { FieldError } from '../platform/errors/app-error';
import { forbidden, invalid, notFound, outOfScope, staleVersion } from '../platform/errors/app-error';
import { isEnterpriseInScope } from '../registry/enterprise.repository';
import { actorOf } from '../registry/enterprise.service';
import { canWriteRegistry } from '../registry/registry.policy';
import { presentProblem, presentSignOff } from './ledger.presenter';
import type { ProblemCreate, ProblemDetailView, ProblemPatch, ProblemView } from './ledger.schemas';
import {
  findProblem,
  insertProblem,
  type ProblemRecord,
  regionNames,
  signOffsOf,
  updateProblem,
} from './problem.repository';

/** Who may read the ledgers: government users of the region, grid officers, and the enterprise itself. */
const LEDGER_READERS = new Set(['admin', 'city', 'district', 'department', 'grid', 'enterprise']);

export function assertLedgerReader(p: Principal) {
  if (!LEDGER_READERS.has(p.role)) throw forbidden('无权查看达标计划台账');
}

/** Writers of the ledgers: the district bureau in its scope, the city, the admin. */
export function assertLedgerWriter(p: Principal) {
  if (!canWriteRegistry(p)) throw forbidden('只有区县局、市局可以维护台账');
}

export async function loadProblemForRead(db: DbOrTrx, p: Principal, id: number): Promise<ProblemRecord> {
  assertLedgerReader(p);
  const row = await findProblem(db, id);
  if (!row) throw notFound('问题');
  if (!(await isEnterpriseInScope(db, p, row.enterprise_id))) throw outOfScope();
  return row;
}

export const problemFacts = (r: ProblemRecord): SignOffProblemFacts => ({
  status: r.status,
  enterpriseId: r.enterprise_id,
  districtCode: r.district_code,
});

export async function presentOne(db: DbOrTrx, row: ProblemRecord): Promise<ProblemView> {
  return presentProblem(row, await regionNames(db));
}

export async function getProblemDetail(
  db: Db,
  p: Principal,
  id: number,
  now: Date,
): Promise<ProblemDetailView> {
  const row = await loadProblemForRead(db, p, id);
  const rounds = await signOffsOf(db, id);
  const actor = { role: p.role, regionCode: p.regionCode, enterpriseId: p.enterpriseId };
  const actions: string[] = [];
  if (canWriteRegistry(p)) actions.push('edit');
  const latest = rounds.at(-1);
  if (row.status === 'open' && !signOffPermission('apply', actor, problemFacts(row))) actions.push('apply');
  if (latest?.status === 'applied' && !signOffPermission('district_verify', actor, problemFacts(row)))
    actions.push('district_verify');
  if (latest?.status === 'district_verified' && !signOffPermission('city_verify', actor, problemFacts(row)))
    actions.push('city_verify');
  return {
    ...(await presentOne(db, row)),
    signOffs: rounds.map(presentSignOff),
    followUpDueOn: row.status === 'closed' ? null : followUpDue(now).date,
    actions,
  };
}

function checkDates(input: { foundOn?: string | null; deadlineOn?: string | null }, foundOn?: string) {
  const errors: FieldError[] = [];
  const found = input.foundOn ?? foundOn;
  if (input.deadlineOn && found && input.deadlineOn < found) {
    errors.push({ path: '/deadlineOn', message: '完成时限不能早于发现日期', code: 'BEFORE_FOUND' });
  }
  return errors;
}

/** A district bureau (in its scope), the city or the admin records a problem of an enterprise. */
export async function createProblem(db: Db, p: Principal, input: ProblemCreate, now: Date, ip?: string) {
  assertLedgerWriter(p);
  const ent = await db
    .selectFrom('enterprise')
    .select(['id', 'region_code'])
    .where('id', '=', input.enterpriseId)
    .executeTakeFirst();
  const errors = checkDates(input);
  if (!ent) errors.push({ path: '/enterpriseId', message: '企业不存在', code: 'NOT_FOUND' });
  if (input.campaignId != null) {
    const c = await db
      .selectFrom('campaign')
      .select('id')
      .where('id', '=', input.campaignId)
      .executeTakeFirst();
    if (!c) errors.push({ path: '/campaignId', message: '达标计划不存在', code: 'NOT_FOUND' });
  }
  if (errors.length) throw invalid(errors);
  if (!(await isEnterpriseInScope(db, p, input.enterpriseId))) throw outOfScope();
  return db.transaction().execute(async (trx) => {
    const id = await insertProblem(trx, {
      campaign_id: input.campaignId ?? null,
      enterprise_id: input.enterpriseId,
      district_code: ent!.region_code,
      source: input.source ?? 'screening',
      problem_type: input.type,
      description: input.description.trim(),
      found_on: input.foundOn,
      handling: input.handling ?? null,
      deadline_on: input.deadlineOn ?? null,
      case_document_no: input.caseDocumentNo ?? null,
      penalty_requirement: input.penaltyRequirement ?? null,
      measures: input.measures ?? null,
      created_by: p.id,
      created_at: now,
      updated_at: now,
    });
    const view = await presentOne(trx, (await findProblem(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'problem', entityId: id, enterpriseId: input.enterpriseId, after: view },
      now,
    );
    return view;
  });
}

const PATCH_COLUMNS = {
  type: 'problem_type',
  description: 'description',
  handling: 'handling',
  caseDocumentNo: 'case_document_no',
  penaltyRequirement: 'penalty_requirement',
  penaltyExecution: 'penalty_execution',
  planStatus: 'plan_status',
  measures: 'measures',
  deadlineOn: 'deadline_on',
  recheckReportNo: 'recheck_report_no',
} as const satisfies Record<Exclude<keyof ProblemPatch, 'version'>, keyof ProblemTable>;

/** The ledger columns of a problem (附件3), by the district in scope, the city or the admin. */
export async function patchProblem(
  db: Db,
  p: Principal,
  id: number,
  input: ProblemPatch,
  now: Date,
  ip?: string,
) {
  const before = await loadProblemForRead(db, p, id);
  assertLedgerWriter(p);
  const errors = checkDates(input, before.found_on);
  if (errors.length) throw invalid(errors);
  if (input.version !== before.version) throw staleVersion();
  const changes: Record<string, unknown> = { updated_at: now };
  for (const [k, col] of Object.entries(PATCH_COLUMNS)) {
    const v = input[k as keyof typeof PATCH_COLUMNS];
    if (v !== undefined) changes[col] = typeof v === 'string' ? v.trim() || null : v;
  }
  if (changes.description === null)
    throw invalid([{ path: '/description', message: '问题描述不能为空', code: 'REQUIRED' }]);
  return db.transaction().execute(async (trx) => {
    if (!(await updateProblem(trx, id, input.version, changes))) throw staleVersion();
    const regions = await regionNames(trx);
    const after = presentProblem((await findProblem(trx, id))!, regions);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'update',
        entity: 'problem',
        entityId: id,
        enterpriseId: before.enterprise_id,
        before: presentProblem(before, regions),
        after,
      },
      now,
    );
    return after;
  });
}
