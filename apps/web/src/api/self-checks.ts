// 自查表 (E2, seed 004 附件2). Shapes from apps/server/src/self-checks.
import { api, buildUrl } from './client';
import type { Page } from './types';

export type SelfCheckStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export const SELF_CHECK_STATUSES: readonly SelfCheckStatus[] = ['draft', 'submitted', 'approved', 'returned'];

export interface SelfCheckSummary {
  id: number;
  campaignId: number;
  campaignName: string;
  campaignYear: number;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  regionName: string | null;
  versionNo: number;
  status: SelfCheckStatus;
  filledByName: string | null;
  submittedAt: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  decision: 'approve' | 'return' | null;
  returnReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type SelfCheckContent = Record<string, unknown>;

export interface SelfCheck extends SelfCheckSummary {
  content: SelfCheckContent;
  prefill: Record<string, unknown>;
  applicability: { water: boolean; air: boolean; online: boolean };
  review: Record<string, string> | null;
  latestVersionNo: number;
}

// The form definition (SELF_CHECK_SECTIONS of @dabiao/domain), served by GET /self-checks/form.
export type FieldKind = 'text' | 'textarea' | 'date' | 'number' | 'yesNo';
export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  hint?: string;
  group?: string;
  explain?: { when: 'yes' | 'no'; key: string; label: string };
}
export interface FormTableBlock {
  kind: 'table';
  path: string;
  heading: string;
  columns: FormField[];
  minRowsWhen: 'always' | 'water' | 'air' | 'online' | 'never';
}
export interface FormFieldsBlock {
  kind: 'fields';
  path: string;
  heading?: string;
  hint?: string;
  fields: FormField[];
  appliesWhen: 'always' | 'water' | 'air' | 'online';
}
export interface FormSection {
  key: string;
  heading: string;
  blocks: (FormTableBlock | FormFieldsBlock)[];
}
export interface SelfCheckForm {
  title: string;
  signatures: { filledBy: string; filledOn: string; reviewedBy: string; reviewedOn: string };
  sections: FormSection[];
  review: { key: string; heading: string; fields: FormField[] };
}

export interface SelfCheckListQuery {
  campaignId?: number | undefined;
  status?: SelfCheckStatus | undefined;
  regionCode?: string | undefined;
  enterpriseId?: number | undefined;
  page: number;
  pageSize: number;
}

const sig = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listSelfChecks = (query: SelfCheckListQuery, signal?: AbortSignal) =>
  api<Page<SelfCheckSummary>>('/self-checks', {
    query: query as unknown as Record<string, string | number | undefined>,
    ...sig(signal),
  });

export const getSelfCheckForm = (signal?: AbortSignal) =>
  api<SelfCheckForm>('/self-checks/form', sig(signal));

export const getSelfCheck = (id: number, signal?: AbortSignal) =>
  api<SelfCheck>(`/self-checks/${id}`, sig(signal));

export const listSelfCheckVersions = (id: number, signal?: AbortSignal) =>
  api<{ items: SelfCheckSummary[] }>(`/self-checks/${id}/versions`, sig(signal));

export const startSelfCheck = (campaignId: number) =>
  api<SelfCheck>('/self-checks', { method: 'POST', body: { campaignId } });

export const saveSelfCheck = (id: number, content: SelfCheckContent, version: number) =>
  api<SelfCheck>(`/self-checks/${id}`, { method: 'PUT', body: { content, version } });

export const submitSelfCheck = (id: number, signerName: string, version: number) =>
  api<SelfCheck>(`/self-checks/${id}/submit`, { method: 'POST', body: { signerName, version } });

export const reviseSelfCheck = (id: number, version: number) =>
  api<SelfCheck>(`/self-checks/${id}/revise`, { method: 'POST', body: { version } });

export interface SelfCheckReviewBody {
  decision: 'approve' | 'return';
  review: Record<string, string>;
  reviewerName: string;
  reason?: string;
  version: number;
}

export const reviewSelfCheck = (id: number, body: SelfCheckReviewBody) =>
  api<SelfCheck>(`/self-checks/${id}/review`, { method: 'POST', body });

export const selfCheckExportUrl = (id: number) => buildUrl(`/self-checks/${id}/export.docx`);
