import { regionScopeContains } from '../alarms/scope';
import { chinaWorkCalendar, type WorkCalendar } from '../deadlines/calendar';
import { computeDue, type DeadlineRule, type Due } from '../deadlines/rules';
import type { ProblemStatusKey, SignOffStatusKey } from './labels';

/**
 * 销号 (004 附件4, 三(三)4-5) as a pure state machine:
 *
 *   problem open ──apply (enterprise)──▶ round applied, problem applied
 *   applied ──district verify approve──▶ district_verified (problem district_verified)
 *   applied ──district verify refuse───▶ district_refused, problem back to open
 *   district_verified ──city verify approve──▶ closed (problem closed, closed_at)
 *   district_verified ──city verify refuse───▶ city_refused, problem back to open
 *
 * A new application after a refusal is a new round. The enterprise applies with the measures taken, the
 * completion and at least one item of evidence; each verification needs an opinion and the verifier's name.
 */

export interface SignOffActor {
  role: string;
  regionCode: string;
  enterpriseId: number | null;
}

export interface SignOffEvidenceItem {
  name: string;
  note?: string | undefined;
}

export interface SignOffProblemFacts {
  status: ProblemStatusKey;
  enterpriseId: number;
  districtCode: string;
}

/** The latest round of the problem (for verifications), or null. */
export interface SignOffRoundFacts {
  status: SignOffStatusKey;
  round: number;
}

export type SignOffDecision = 'approve' | 'refuse';

export type SignOffCommand =
  | { action: 'apply'; measuresTaken: string; completion: string; evidence: SignOffEvidenceItem[] }
  | {
      action: 'district_verify' | 'city_verify';
      decision: SignOffDecision;
      opinion: string;
      verifierName: string;
    };

export type SignOffRefusalCode = 'NOT_ALLOWED_ROLE' | 'OUT_OF_SCOPE' | 'WRONG_STATE' | 'INVALID_INPUT';

export interface SignOffFieldError {
  path: string;
  message: string;
  code: string;
}

export type SignOffResult =
  | {
      ok: true;
      /** The round's status after the step. */
      roundStatus: SignOffStatusKey;
      /** The problem's status after the step. */
      problemStatus: ProblemStatusKey;
      /** apply: the number of the new round. */
      round?: number;
      /** The problem is closed by this step (set closed_at). */
      closes: boolean;
    }
  | { ok: false; code: SignOffRefusalCode; message: string; errors: SignOffFieldError[] };

const VERIFIERS: Record<'district_verify' | 'city_verify', readonly string[]> = {
  district_verify: ['district', 'admin'],
  city_verify: ['city', 'admin'],
};

const refuse = (
  code: SignOffRefusalCode,
  message: string,
  errors: SignOffFieldError[] = [],
): SignOffResult => ({ ok: false, code, message, errors });

const blank = (s: string | undefined | null) => !s?.trim();

/** Field errors of an application: the evidence list must have at least one named item (销号须附整改证据). */
export function validateApplication(c: Extract<SignOffCommand, { action: 'apply' }>): SignOffFieldError[] {
  const errors: SignOffFieldError[] = [];
  if (blank(c.measuresTaken))
    errors.push({ path: '/measuresTaken', message: '须填写采取的整治措施', code: 'REQUIRED' });
  if (blank(c.completion))
    errors.push({ path: '/completion', message: '须填写整治完成情况', code: 'REQUIRED' });
  if (!c.evidence?.length) {
    errors.push({ path: '/evidence', message: '销号须附整改证据', code: 'EVIDENCE_REQUIRED' });
  } else {
    c.evidence.forEach((e, i) => {
      if (blank(e.name))
        errors.push({ path: `/evidence/${i}/name`, message: '证据须有名称', code: 'REQUIRED' });
    });
  }
  return errors;
}

/** Field errors of a verification: opinion and verifier name are required. */
export function validateVerification(c: Exclude<SignOffCommand, { action: 'apply' }>): SignOffFieldError[] {
  const errors: SignOffFieldError[] = [];
  if (c.decision !== 'approve' && c.decision !== 'refuse')
    errors.push({ path: '/decision', message: '核查结论须为通过或不通过', code: 'INVALID' });
  if (blank(c.opinion)) errors.push({ path: '/opinion', message: '须填写核查意见', code: 'REQUIRED' });
  if (blank(c.verifierName))
    errors.push({ path: '/verifierName', message: '须填写核查人', code: 'REQUIRED' });
  return errors;
}

/** Whether `actor` may take the step on the problem, ignoring its state: null, or the refusal. */
export function signOffPermission(
  action: SignOffCommand['action'],
  actor: SignOffActor,
  problem: SignOffProblemFacts,
): SignOffResult | null {
  if (action === 'apply') {
    if (actor.role !== 'enterprise') return refuse('NOT_ALLOWED_ROLE', '只有整改企业可以申请销号');
    if (actor.enterpriseId !== problem.enterpriseId) return refuse('OUT_OF_SCOPE', '该问题不属于本企业');
    return null;
  }
  if (!VERIFIERS[action].includes(actor.role)) {
    return refuse(
      'NOT_ALLOWED_ROLE',
      action === 'district_verify' ? '只有县市区环保部门可以现场核查' : '只有市州环保部门可以核查销号',
    );
  }
  if (!regionScopeContains(actor.regionCode, problem.districtCode))
    return refuse('OUT_OF_SCOPE', '该问题不在您的管辖范围内');
  return null;
}

/**
 * One step of the sign-off workflow. `latest` is the problem's latest round (null before the first).
 * Order of checks: role and scope (403), input (422), state (409).
 */
export function signOffTransition(
  problem: SignOffProblemFacts,
  latest: SignOffRoundFacts | null,
  actor: SignOffActor,
  command: SignOffCommand,
): SignOffResult {
  const denied = signOffPermission(command.action, actor, problem);
  if (denied) return denied;
  if (command.action === 'apply') {
    const errors = validateApplication(command);
    if (errors.length) return refuse('INVALID_INPUT', errors[0]!.message, errors);
    if (
      problem.status !== 'open' ||
      (latest && (latest.status === 'applied' || latest.status === 'district_verified'))
    )
      return refuse('WRONG_STATE', problem.status === 'closed' ? '问题已销号' : '已有待核查的销号申请');
    return {
      ok: true,
      roundStatus: 'applied',
      problemStatus: 'applied',
      round: (latest?.round ?? 0) + 1,
      closes: false,
    };
  }
  const errors = validateVerification(command);
  if (errors.length) return refuse('INVALID_INPUT', errors[0]!.message, errors);
  const expected: SignOffStatusKey = command.action === 'district_verify' ? 'applied' : 'district_verified';
  if (!latest || latest.status !== expected)
    return refuse(
      'WRONG_STATE',
      command.action === 'district_verify' ? '销号申请不在待区县核查状态' : '销号申请不在待市级核查状态',
    );
  if (command.decision === 'refuse') {
    return {
      ok: true,
      roundStatus: command.action === 'district_verify' ? 'district_refused' : 'city_refused',
      problemStatus: 'open',
      closes: false,
    };
  }
  return command.action === 'district_verify'
    ? { ok: true, roundStatus: 'district_verified', problemStatus: 'district_verified', closes: false }
    : { ok: true, roundStatus: 'closed', problemStatus: 'closed', closes: true };
}

/** Which rounds wait for whom: the queue of a role. */
export function signOffQueueStatus(role: string): SignOffStatusKey | null {
  if (role === 'district') return 'applied';
  if (role === 'city') return 'district_verified';
  return null;
}

/**
 * 004 三(三)4: "每月要对企业整改情况进行检查，直至所有问题整改完成" — this month's check is due at the end of
 * the month (Shanghai) of `now`.
 */
export const MONTHLY_FOLLOW_UP_RULE: DeadlineRule = {
  kind: 'dayOfMonth',
  day: 31,
  offsetMonths: 0,
  rollToWorkingDay: false,
};

export function followUpDue(now: Date, calendar: WorkCalendar = chinaWorkCalendar): Due {
  return computeDue(MONTHLY_FOLLOW_UP_RULE, now, calendar);
}
