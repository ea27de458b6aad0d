// 达标计划 (E1), spot-check draws and reviewer assignments (E3). Shapes from apps/server/src/campaigns
// and apps/server/src/spot-checks.
import { api } from './client';
import type { Page } from './types';

export type PhaseKind = 'deployment' | 'training' | 'screening' | 'assessment' | 'rectification' | 'summary';
export const PHASE_KINDS: readonly PhaseKind[] = [
  'deployment',
  'training',
  'screening',
  'assessment',
  'rectification',
  'summary',
];
export type PhaseStatus = 'upcoming' | 'current' | 'finished';

export interface CampaignPhase {
  id: number;
  batchId: number | null;
  batchOrdinal: number | null;
  kind: PhaseKind;
  name: string;
  startsOn: string;
  endsOn: string;
  source: string | null;
  status: PhaseStatus;
  deadline: 'open' | 'due-soon' | 'overdue';
  daysLeft: number;
}

export interface CampaignBatch {
  id: number;
  ordinal: number;
  name: string;
  industries: { key: string; zh: string }[];
  includesRest: boolean;
  enterpriseCount: number;
}

export interface CampaignSummary {
  id: number;
  name: string;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  description: string | null;
  status: PhaseStatus;
  enterpriseCount: number;
  batches: CampaignBatch[];
  phases: CampaignPhase[];
  version: number;
}

export interface TaskBreakdownRow {
  no: number;
  leadDepartment: string;
  work: string;
  responsible: string;
}

export interface CampaignDetail extends CampaignSummary {
  coveredRegions: { code: string; name: string; enterpriseCount: number }[];
  createdAt: string;
  taskBreakdown: { title: string; source: string; rows: TaskBreakdownRow[] };
}

export interface CampaignEnterprise {
  id: number;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  programmeIndustry: string | null;
  industryZh: string | null;
  batchOrdinal: number | null;
  status: string;
}

export const listCampaigns = (signal?: AbortSignal) =>
  api<Page<CampaignSummary>>('/campaigns', { query: { pageSize: 200 }, ...(signal ? { signal } : {}) });

export const getCampaign = (id: number, signal?: AbortSignal) =>
  api<CampaignDetail>(`/campaigns/${id}`, signal ? { signal } : {});

export const listCampaignEnterprises = (
  id: number,
  query: { batch?: number; regionCode?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api<Page<CampaignEnterprise>>(`/campaigns/${id}/enterprises`, { query, ...(signal ? { signal } : {}) });

// Spot checks ------------------------------------------------------------------------------------

export interface DrawSummary {
  id: number;
  campaignId: number | null;
  campaignName: string | null;
  regionCode: string;
  regionName: string;
  seed: string;
  share: number;
  populationSize: number;
  selectedCount: number;
  drawnBy: string | null;
  drawnAt: string;
  note: string | null;
}

export interface Draw extends DrawSummary {
  population: number[];
  selected: { id: number; name: string; creditCode: string; industryZh: string | null }[];
}

export interface DrawVerification {
  id: number;
  seed: string;
  share: number;
  populationSize: number;
  stored: number[];
  recomputed: number[];
  matches: boolean;
}

export interface DrawInput {
  campaignId: number;
  regionCode: string;
  share: number;
  seed?: string;
  note?: string | null;
}

export const listDraws = (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Page<DrawSummary>>('/spot-checks/draws', { query, ...(signal ? { signal } : {}) });
export const getDraw = (id: number, signal?: AbortSignal) =>
  api<Draw>(`/spot-checks/draws/${id}`, signal ? { signal } : {});
export const createDraw = (body: DrawInput) => api<Draw>('/spot-checks/draws', { method: 'POST', body });
export const verifyDraw = (id: number) => api<DrawVerification>(`/spot-checks/draws/${id}/verify`);

// Reviewer assignments ---------------------------------------------------------------------------

export type ReviewKind = 'onsite' | 'expert' | 'third_party';
export const REVIEW_KINDS: readonly ReviewKind[] = ['onsite', 'expert', 'third_party'];
export type Conclusion = 'compliant' | 'problems_found' | 'not_compliant';
export const CONCLUSIONS: readonly Conclusion[] = ['compliant', 'problems_found', 'not_compliant'];

export interface Assignment {
  id: number;
  drawId: number | null;
  campaignId: number | null;
  campaignName: string | null;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  regionName: string;
  industryZh: string | null;
  reviewerId: number;
  reviewerName: string;
  kind: ReviewKind;
  dueOn: string | null;
  overdue: boolean;
  status: 'assigned' | 'submitted';
  opinion: string | null;
  conclusion: Conclusion | null;
  submittedAt: string | null;
  assignedBy: string | null;
  assignedAt: string;
  version: number;
}

export interface AssignmentInput {
  enterpriseId: number;
  reviewerId: number;
  kind: ReviewKind;
  dueOn?: string | null;
  drawId?: number | null;
  campaignId?: number | null;
}

export const listAssignments = (
  query: { drawId?: number; status?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api<Page<Assignment>>('/review-assignments', { query, ...(signal ? { signal } : {}) });
export const listReviewers = (signal?: AbortSignal) =>
  api<{ id: number; displayName: string; username: string }[]>(
    '/review-assignments/reviewers',
    signal ? { signal } : {},
  );
export const createAssignment = (body: AssignmentInput) =>
  api<Assignment>('/review-assignments', { method: 'POST', body });
export const submitOpinion = (
  id: number,
  body: { opinion: string; conclusion: Conclusion; version: number },
) => api<Assignment>(`/review-assignments/${id}/opinion`, { method: 'POST', body });
