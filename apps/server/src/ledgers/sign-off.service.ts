import {
  type SignOffCommand,
  type SignOffResult,
  signOffQueueStatus,
  signOffTransition,
} from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../platform/errors/app-error';
import { actorOf } from '../registry/enterprise.service';
import { enterpriseScope } from '../registry/registry.policy';
import { presentSignOff } from './ledger.presenter';
import type { SignOffApply, SignOffQueueItem, SignOffVerify, SignOffView } from './ledger.schemas';
import {
  findProblem,
  findSignOff,
  insertSignOff,
  signOffsOf,
  updateProblem,
  updateSignOff,
} from './problem.repository';
import { assertLedgerReader, loadProblemForRead, problemFacts } from './problem.service';

type Refused = Extract<SignOffResult, { ok: false }>;

function refusal(r: Refused): AppError {
  switch (r.code) {
    case 'NOT_ALLOWED_ROLE':
      return forbidden(r.message);
    case 'OUT_OF_SCOPE':
      return new AppError('OUT_OF_SCOPE', r.message);
    case 'INVALID_INPUT':
      return invalid(r.errors, r.message);
    case 'WRONG_STATE':
      return new AppError('CONFLICT', r.message, [
        { path: '/status', message: r.message, code: 'WRONG_STATE' },
      ]);
  }
}

const actorFrom = (p: Principal) => ({
  role: p.role,
  regionCode: p.regionCode,
  enterpriseId: p.enterpriseId,
});

/** The problem's enterprise applies for sign-off (销号): a new round with its measures and evidence. */
export async function applySignOff(
  db: Db,
  p: Principal,
  problemId: number,
  input: SignOffApply,
  now: Date,
  ip?: string,
): Promise<SignOffView> {
  const problem = await loadProblemForRead(db, p, problemId);
  const rounds = await signOffsOf(db, problemId);
  const latest = rounds.at(-1);
  const command: SignOffCommand = {
    action: 'apply',
    measuresTaken: input.measuresTaken,
    completion: input.completion,
    evidence: input.evidence,
  };
  const r = signOffTransition(problemFacts(problem), latest ?? null, actorFrom(p), command);
  if (!r.ok) throw refusal(r);
  return db.transaction().execute(async (trx) => {
    if (!(await updateProblem(trx, problemId, problem.version, { status: r.problemStatus, updated_at: now })))
      throw staleVersion();
    const id = await insertSignOff(trx, {
      problem_id: problemId,
      round: r.round!,
      status: r.roundStatus,
      measures_taken: input.measuresTaken.trim(),
      completion: input.completion.trim(),
      evidence: JSON.stringify(
        input.evidence.map((e) => ({
          name: e.name.trim(),
          ...(e.note?.trim() ? { note: e.note.trim() } : {}),
        })),
      ),
      applied_by: p.id,
      applicant_name: input.applicantName?.trim() || p.displayName,
      applied_at: now,
    });
    const view = presentSignOff((await findSignOff(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'sign_off.apply',
        entity: 'sign_off',
        entityId: id,
        enterpriseId: problem.enterprise_id,
        before: { problemStatus: problem.status },
        after: view,
      },
      now,
    );
    return view;
  });
}

/** The district verifies on site, or the city verifies, and signs: approve or refuse with an opinion. */
export async function verifySignOff(
  db: Db,
  p: Principal,
  signOffId: number,
  level: 'district' | 'city',
  input: SignOffVerify,
  now: Date,
  ip?: string,
): Promise<SignOffView> {
  const round = await findSignOff(db, signOffId);
  if (!round) throw notFound('销号申请');
  const problem = await loadProblemForRead(db, p, round.problem_id);
  // Only the latest round can wait for a verification; earlier ones were refused.
  const r = signOffTransition(problemFacts(problem), round, actorFrom(p), {
    action: level === 'district' ? 'district_verify' : 'city_verify',
    decision: input.decision,
    opinion: input.opinion,
    verifierName: input.verifierName,
  });
  if (!r.ok) throw refusal(r);
  if (input.version !== round.version) throw staleVersion();
  const signed =
    level === 'district'
      ? {
          district_opinion: input.opinion.trim(),
          district_verifier: input.verifierName.trim(),
          district_verified_by: p.id,
          district_verified_at: now,
        }
      : {
          city_opinion: input.opinion.trim(),
          city_verifier: input.verifierName.trim(),
          city_verified_by: p.id,
          city_verified_at: now,
        };
  return db.transaction().execute(async (trx) => {
    if (!(await updateSignOff(trx, signOffId, input.version, { status: r.roundStatus, ...signed })))
      throw staleVersion();
    if (
      !(await updateProblem(trx, problem.id, problem.version, {
        status: r.problemStatus,
        updated_at: now,
        ...(r.closes ? { closed_at: now } : {}),
      }))
    )
      throw staleVersion();
    const view = presentSignOff((await findSignOff(trx, signOffId))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: `sign_off.${level}_verify`,
        entity: 'sign_off',
        entityId: signOffId,
        enterpriseId: problem.enterprise_id,
        before: { status: round.status, problemStatus: problem.status, version: round.version },
        after: { ...view, problemStatus: r.problemStatus },
      },
      now,
    );
    return view;
  });
}

/** The sign-offs waiting for the caller: district → applied in its scope, city/admin → district_verified. */
export async function signOffQueue(
  db: Db,
  p: Principal,
  q: { status?: SignOffView['status'] | undefined; page: number; pageSize: number },
) {
  assertLedgerReader(p);
  const status = q.status ?? signOffQueueStatus(p.role === 'admin' ? 'city' : p.role);
  let base = db
    .selectFrom('sign_off')
    .innerJoin('problem', 'problem.id', 'sign_off.problem_id')
    .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
    .where((eb) => enterpriseScope(eb, p));
  if (status) base = base.where('sign_off.status', '=', status);
  const [rows, count] = await Promise.all([
    base
      .selectAll('sign_off')
      .select([
        'problem.enterprise_id',
        'enterprise.name as enterprise_name',
        'problem.district_code',
        'problem.problem_type',
        'problem.description',
      ])
      .orderBy('sign_off.applied_at')
      .orderBy('sign_off.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: SignOffQueueItem[] = rows.map((r) => ({
    ...presentSignOff(r),
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    districtCode: r.district_code,
    problemType: r.problem_type,
    problemDescription: r.description,
  }));
  return { items, total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** One round with its problem, for the 附件4 form. */
export async function loadSignOffForRead(db: Db, p: Principal, id: number) {
  const round = await findSignOff(db, id);
  if (!round) throw notFound('销号申请');
  const problem = await loadProblemForRead(db, p, round.problem_id);
  return { round, problem: (await findProblem(db, problem.id))! };
}
