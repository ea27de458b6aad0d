// Assessment reports (E4) and yearly summaries. Shapes from apps/server/src/assessments.
import { api, buildUrl } from './client';
import type { Page } from './types';

export type AssessmentKind = 'assessment' | 'yearly_summary';
export type AssessmentScope = 'region' | 'industry';

export interface CountBy {
  key: string;
  label: string;
  count: number;
}

export interface AssessmentFigures {
  regionName: string;
  industryName: string | null;
  campaignName: string;
  periodFrom: string;
  periodTo: string;
  generatedAt: string;
  enterprises: { total: number; byBatch: CountBy[]; byIndustry: CountBy[] };
  selfChecks: {
    enterprisesSubmitted: number;
    enterprisesNotSubmitted: number;
    submitted: number;
    approved: number;
    returned: number;
  };
  problems: {
    total: number;
    byType: CountBy[];
    byHandling: CountBy[];
    byStatus: CountBy[];
    closed: number;
    closureRate: number | null;
    overdue: number;
    enterprises: number;
  };
  signOffs: { applied: number; districtVerified: number; closed: number; refused: number };
  monitoring: {
    monitors: number;
    networkedMonitors: number;
    networkedShare: number | null;
    enterprisesWithMonitors: number;
    expected: number;
    received: number;
    valid: number;
    transmissionValidityRate: number | null;
    meetsTarget: boolean;
  };
  alarms: { exceedanceAlarms: number; sheets: number; confirmedSheets: number; exceedingEnterprises: number };
  notices: { issued: number };
  exceeding: { id: number; name: string; exceedanceAlarms: number; confirmedSheets: number }[];
}

export interface AssessmentSummary {
  id: number;
  kind: AssessmentKind;
  scope: AssessmentScope;
  regionCode: string;
  regionName: string;
  industry: string | null;
  industryName: string | null;
  campaignId: number | null;
  periodFrom: string;
  periodTo: string;
  title: string;
  status: 'draft' | 'final';
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AssessmentSection {
  key: string;
  heading: string;
  text: string;
}

export interface Assessment extends AssessmentSummary {
  figures: AssessmentFigures;
  sections: AssessmentSection[];
}

export interface AssessmentCreate {
  kind: AssessmentKind;
  scope: AssessmentScope;
  regionCode: string;
  industry?: string | null;
  campaignId: number;
  periodFrom: string;
  periodTo: string;
}

export const listAssessments = (
  query: { kind?: AssessmentKind; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => api<Page<AssessmentSummary>>('/assessments', { query, ...(signal ? { signal } : {}) });

export const getAssessment = (id: number, signal?: AbortSignal) =>
  api<Assessment>(`/assessments/${id}`, signal ? { signal } : {});

export const createAssessment = (body: AssessmentCreate) =>
  api<Assessment>('/assessments', { method: 'POST', body });

export const patchAssessment = (id: number, sections: { key: string; text: string }[], version: number) =>
  api<Assessment>(`/assessments/${id}`, { method: 'PATCH', body: { sections, version } });

export const finalizeAssessment = (id: number, version: number) =>
  api<Assessment>(`/assessments/${id}/finalize`, { method: 'POST', body: { version } });

export const assessmentExportUrl = (id: number) => buildUrl(`/assessments/${id}/export.docx`);
