// 排查台账 (附件1), 问题整改台账 (附件3), 销号 (附件4). Shapes from apps/server/src/ledgers/ledger.schemas.ts.
import { api, buildUrl } from './client';
import type { Page } from './types';

export type ProblemType =
  | 'covert_discharge'
  | 'facility_inadequate'
  | 'exceedance'
  | 'incomplete_permits'
  | 'no_online_monitoring'
  | 'monitoring_nonconforming'
  | 'disclosure_missing'
  | 'other';
export const PROBLEM_TYPES: readonly ProblemType[] = [
  'covert_discharge',
  'facility_inadequate',
  'exceedance',
  'incomplete_permits',
  'no_online_monitoring',
  'monitoring_nonconforming',
  'disclosure_missing',
  'other',
];
export type ProblemHandling = 'deadline_rectification' | 'listed_supervision' | 'closure';
export const PROBLEM_HANDLINGS: readonly ProblemHandling[] = [
  'deadline_rectification',
  'listed_supervision',
  'closure',
];
export type ProblemStatus = 'open' | 'applied' | 'district_verified' | 'closed';
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['open', 'applied', 'district_verified', 'closed'];
export type SignOffStatus = 'applied' | 'district_verified' | 'closed' | 'district_refused' | 'city_refused';
export type ProblemSource = 'screening' | 'self_check' | 'alarm' | 'spot_check' | 'inspection' | 'tip';

export interface Problem {
  id: number;
  campaignId: number | null;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  regionName: string;
  controlLevel: string;
  industry: string;
  source: ProblemSource;
  alarmSheetId: number | null;
  type: ProblemType;
  description: string;
  foundOn: string;
  caseDocumentNo: string | null;
  handling: ProblemHandling | null;
  penaltyRequirement: string | null;
  penaltyExecution: string | null;
  planStatus: string | null;
  measures: string | null;
  deadlineOn: string | null;
  recheckReportNo: string | null;
  status: ProblemStatus;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EvidenceItem {
  name: string;
  note?: string;
}

export interface SignOff {
  id: number;
  problemId: number;
  round: number;
  status: SignOffStatus;
  measuresTaken: string;
  completion: string;
  evidence: EvidenceItem[];
  applicantName: string;
  appliedAt: string;
  districtOpinion: string | null;
  districtVerifier: string | null;
  districtVerifiedAt: string | null;
  cityOpinion: string | null;
  cityVerifier: string | null;
  cityVerifiedAt: string | null;
  version: number;
}

export type ProblemAction = 'edit' | 'apply' | 'district_verify' | 'city_verify';

export interface ProblemDetail extends Problem {
  signOffs: SignOff[];
  followUpDueOn: string | null;
  actions: ProblemAction[];
}

export interface RectificationRow extends Problem {
  seq: number;
  screening: string;
  rectified: string;
}

export interface ScreeningRow {
  seq: number;
  campaignId: number;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  regionName: string;
  industry: string;
  controlLevel: string;
  permitSummary: string;
  problemTypes: string;
  monitoringReportNo: string | null;
  exceeded: boolean | null;
  exceedReason: string | null;
  onlineMonitoring: string;
  onlineExceeded: boolean;
  onlineExceedReason: string | null;
  caseDocuments: string;
  rectified: boolean | null;
  problemCount: number;
  notes: string | null;
  version: number;
}

export interface RectificationQuery {
  districtCode?: string | undefined;
  campaignId?: number | undefined;
  status?: ProblemStatus | undefined;
  type?: ProblemType | undefined;
  enterpriseId?: number | undefined;
  page?: number;
  pageSize?: number;
}

export interface ScreeningQuery {
  campaignId: number;
  districtCode?: string | undefined;
  page?: number;
  pageSize?: number;
}

export interface ProblemInput {
  enterpriseId: number;
  campaignId?: number | null;
  type: ProblemType;
  description: string;
  foundOn: string;
  handling?: ProblemHandling | null;
  deadlineOn?: string | null;
}

export type ProblemPatch = Partial<
  Pick<
    Problem,
    | 'type'
    | 'description'
    | 'handling'
    | 'caseDocumentNo'
    | 'penaltyRequirement'
    | 'penaltyExecution'
    | 'planStatus'
    | 'measures'
    | 'deadlineOn'
    | 'recheckReportNo'
  >
> & { version: number };

export interface ScreeningInput {
  monitoringReportNo?: string | null;
  exceeded?: boolean | null;
  exceedReason?: string | null;
  onlineExceedReason?: string | null;
  notes?: string | null;
  version: number;
}

export interface SignOffInput {
  measuresTaken: string;
  completion: string;
  evidence: EvidenceItem[];
  applicantName?: string;
}

export interface VerifyInput {
  decision: 'approve' | 'refuse';
  opinion: string;
  verifierName: string;
  version: number;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
type Q = Record<string, string | number | undefined>;

export const listRectification = (query: RectificationQuery, signal?: AbortSignal) =>
  api<Page<RectificationRow>>('/ledgers/rectification', { query: query as Q, ...withSignal(signal) });
export const rectificationExportUrl = (query: RectificationQuery) =>
  buildUrl('/ledgers/rectification/export.xlsx', { ...query, page: undefined, pageSize: undefined } as Q);

export const listScreening = (query: ScreeningQuery, signal?: AbortSignal) =>
  api<Page<ScreeningRow>>('/ledgers/screening', { query: query as unknown as Q, ...withSignal(signal) });
export const screeningExportUrl = (query: ScreeningQuery) =>
  buildUrl('/ledgers/screening/export.xlsx', { ...query, page: undefined, pageSize: undefined } as Q);
export const putScreening = (campaignId: number, enterpriseId: number, body: ScreeningInput) =>
  api<ScreeningRow>(`/ledgers/screening/${campaignId}/${enterpriseId}`, { method: 'PUT', body });

export const createProblem = (body: ProblemInput) => api<Problem>('/problems', { method: 'POST', body });
export const getProblem = (id: number, signal?: AbortSignal) =>
  api<ProblemDetail>(`/problems/${id}`, withSignal(signal));
export const patchProblem = (id: number, body: ProblemPatch) =>
  api<Problem>(`/problems/${id}`, { method: 'PATCH', body });

export const applySignOff = (problemId: number, body: SignOffInput) =>
  api<SignOff>(`/problems/${problemId}/sign-offs`, { method: 'POST', body });
export const verifySignOff = (id: number, level: 'district' | 'city', body: VerifyInput) =>
  api<SignOff>(`/sign-offs/${id}/${level}-verify`, { method: 'POST', body });
export const signOffFormUrl = (id: number) => buildUrl(`/sign-offs/${id}/export.docx`);
