import { CONTROL_LEVELS, PROBLEM_TYPES } from '@dabiao/domain';
import type { ProblemView, SignOffView } from './ledger.schemas';
import { industryLabel, type ProblemRecord, type SignOffRecord } from './problem.repository';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export const controlLevelZh = (key: string) => CONTROL_LEVELS.find((c) => c.key === key)?.zh ?? key;
export const problemTypeZh = (key: string) => PROBLEM_TYPES.find((t) => t.key === key)?.zh ?? key;

export function presentProblem(r: ProblemRecord, regions: Map<string, string>): ProblemView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    creditCode: r.credit_code,
    districtCode: r.district_code,
    regionName: regions.get(r.district_code) ?? regions.get(r.region_code) ?? r.district_code,
    controlLevel: r.control_level,
    industry: industryLabel(r),
    source: r.source,
    alarmSheetId: r.alarm_sheet_id === null ? null : Number(r.alarm_sheet_id),
    type: r.problem_type,
    description: r.description,
    foundOn: r.found_on,
    caseDocumentNo: r.case_document_no,
    handling: r.handling,
    penaltyRequirement: r.penalty_requirement,
    penaltyExecution: r.penalty_execution,
    planStatus: r.plan_status,
    measures: r.measures,
    deadlineOn: r.deadline_on,
    recheckReportNo: r.recheck_report_no,
    status: r.status,
    closedAt: isoOrNull(r.closed_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export function presentSignOff(r: SignOffRecord): SignOffView {
  const evidence = (
    typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence
  ) as SignOffView['evidence'];
  return {
    id: r.id,
    problemId: r.problem_id,
    round: r.round,
    status: r.status,
    measuresTaken: r.measures_taken,
    completion: r.completion,
    evidence,
    applicantName: r.applicant_name,
    appliedAt: iso(r.applied_at),
    districtOpinion: r.district_opinion,
    districtVerifier: r.district_verifier,
    districtVerifiedAt: isoOrNull(r.district_verified_at),
    cityOpinion: r.city_opinion,
    cityVerifier: r.city_verifier,
    cityVerifiedAt: isoOrNull(r.city_verified_at),
    version: r.version,
  };
}
