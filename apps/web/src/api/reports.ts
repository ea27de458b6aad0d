// Periodic reports (L5), 一企一策 plans and 限期整改通知书 (L4). Shapes from apps/server/src/reports and
// apps/server/src/plans.
import { api, buildUrl } from './client';
import type { Page } from './types';

export type ReportCadence = 'monthly' | 'bimonthly' | 'yearly';
export type SubmissionStatus = 'submitted' | 'received' | 'returned';
export type CellState = 'on_time' | 'late' | 'missing_overdue' | 'due_soon' | 'not_due';

export interface DueInfo {
  periodKey: string;
  periodLabel: string;
  dueAt: string;
  dueDate: string;
  rolledFrom: string | null;
  provisional: boolean;
}

export interface DueRule {
  kind: string;
  day?: number;
  month?: number;
  offsetMonths?: number;
  inMonths?: number[];
  rollToWorkingDay?: boolean;
}

export interface ReportDefinition {
  id: number;
  key: string;
  name: string;
  template: string;
  cadence: ReportCadence;
  rule: DueRule;
  source: string | null;
  campaignId: number | null;
  nextDue: DueInfo;
  lastDue: DueInfo;
}

export interface MatrixCell {
  periodKey: string;
  state: CellState;
  lateDays?: number;
  overdueDays?: number;
  submissionId: number | null;
  status: SubmissionStatus | null;
  submittedAt: string | null;
}

export interface ReportMatrix {
  definitionId: number;
  periods: {
    key: string;
    label: string;
    start: string;
    end: string;
    dueAt: string;
    dueDate: string;
    rolledFrom: string | null;
    provisional: boolean;
  }[];
  rows: { regionCode: string; regionName: string; cells: MatrixCell[] }[];
}

export interface ReportSubmission {
  id: number;
  definitionId: number;
  definitionName: string;
  regionCode: string;
  regionName: string;
  periodKey: string;
  dueAt: string;
  submittedAt: string;
  submittedBy: number | null;
  late: boolean;
  lateDays: number;
  content: Record<string, unknown>;
  note: string | null;
  status: SubmissionStatus;
  receivedBy: number | null;
  receivedAt: string | null;
  reviewNote: string | null;
  version: number;
}

export const listReportDefinitions = (signal?: AbortSignal) =>
  api<ReportDefinition[]>('/reports', { ...(signal ? { signal } : {}) });

export const getReportMatrix = (id: number, query: { from?: string; to?: string }, signal?: AbortSignal) =>
  api<ReportMatrix>(`/reports/${id}/matrix`, { query, ...(signal ? { signal } : {}) });

export const getReportPrefill = (id: number, regionCode: string, periodKey: string, signal?: AbortSignal) =>
  api<{ periodLabel: string; content: Record<string, unknown> }>(`/reports/${id}/prefill`, {
    query: { regionCode, periodKey },
    ...(signal ? { signal } : {}),
  });

export const submitReport = (id: number, body: { regionCode: string; periodKey: string; note?: string }) =>
  api<ReportSubmission>(`/reports/${id}/submissions`, { method: 'POST', body });

export const getSubmission = (id: number, signal?: AbortSignal) =>
  api<ReportSubmission>(`/reports/submissions/${id}`, { ...(signal ? { signal } : {}) });

export const decideSubmission = (
  id: number,
  action: 'receive' | 'return',
  body: { version: number; note?: string },
) => api<ReportSubmission>(`/reports/submissions/${id}/${action}`, { method: 'POST', body });

export const summaryExportUrl = (period?: string) => buildUrl('/reports/exports/summary.xlsx', { period });
export const detailExportUrl = (period?: string) => buildUrl('/reports/exports/detail.xlsx', { period });
export const screeningLedgerUrl = (campaignId: number | null) =>
  buildUrl('/ledgers/screening/export.xlsx', { campaignId });
export const rectificationLedgerUrl = (campaignId: number | null) =>
  buildUrl('/ledgers/rectification/export.xlsx', { campaignId });

// 一企一策 and 限期整改通知书.

export type PlanStatus = 'draft' | 'filed' | 'done';
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'filed', 'done'];

export interface EnterprisePlan {
  id: number;
  campaignId: number | null;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  title: string;
  targets: string;
  route: string;
  measures: string;
  targetDate: string;
  status: PlanStatus;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PlanBody {
  enterpriseId: number;
  title: string;
  targets: string;
  route: string;
  measures: string;
  targetDate: string;
}

export const listPlans = (
  query: { status?: PlanStatus; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => api<Page<EnterprisePlan>>('/enterprise-plans', { query, ...(signal ? { signal } : {}) });
export const createPlan = (body: PlanBody) =>
  api<EnterprisePlan>('/enterprise-plans', { method: 'POST', body });
export const patchPlan = (
  id: number,
  body: Partial<Omit<PlanBody, 'enterpriseId'>> & { version: number; status?: PlanStatus },
) => api<EnterprisePlan>(`/enterprise-plans/${id}`, { method: 'PATCH', body });

export interface RectificationNotice {
  id: number;
  number: string;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
  districtName: string;
  problemIds: number[];
  problems: { id: number; problemType: string; description: string; foundOn: string; status: string }[];
  periodMonths: number;
  issuedOn: string;
  dueOn: string;
  requirements: string;
  issuedBy: number | null;
  issuerName: string;
  createdAt: string;
}

export const listNotices = (query: { page?: number; pageSize?: number }, signal?: AbortSignal) =>
  api<Page<RectificationNotice>>('/rectification-notices', { query, ...(signal ? { signal } : {}) });
export const createNotice = (body: {
  enterpriseId: number;
  problemIds: number[];
  periodMonths: number;
  requirements: string;
  issuedOn?: string;
}) => api<RectificationNotice>('/rectification-notices', { method: 'POST', body });
export const noticeDocxUrl = (id: number) => buildUrl(`/rectification-notices/${id}/export.docx`);

/** Open problems of one enterprise (the rectification ledger), to name in a notice. */
export interface LedgerProblem {
  id: number;
  type: string;
  description: string;
  foundOn: string;
  status: string;
  deadlineOn: string | null;
}
export const listEnterpriseProblems = (enterpriseId: number, signal?: AbortSignal) =>
  api<Page<LedgerProblem>>('/ledgers/rectification', {
    query: { enterpriseId, pageSize: 200 },
    ...(signal ? { signal } : {}),
  });
