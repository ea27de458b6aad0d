import { api, buildUrl, type QueryValue } from './client';
import type {
  AuditEntry,
  Enterprise,
  EnterpriseDetail,
  Facility,
  ImportPreview,
  Monitor,
  Outlet,
  Page,
  Permit,
  PermitLimit,
} from './types';

export type Body = Record<string, unknown>;

export const listEnterprises = (query: Record<string, QueryValue>, signal?: AbortSignal) =>
  api<Page<Enterprise>>('/enterprises', { query, signal });

export const exportUrl = (query: Record<string, QueryValue>) => buildUrl('/enterprises/export.xlsx', query);
export const templateUrl = () => buildUrl('/enterprises/import/template.xlsx');

export const getEnterprise = (id: number | string, signal?: AbortSignal) =>
  api<EnterpriseDetail>(`/enterprises/${id}`, { signal });

export const createEnterprise = (body: Body) => api<Enterprise>('/enterprises', { method: 'POST', body });
export const updateEnterprise = (id: number, body: Body) =>
  api<Enterprise>(`/enterprises/${id}`, { method: 'PATCH', body });
export const setEnterpriseActive = (id: number, active: boolean) =>
  api<Enterprise>(`/enterprises/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' });

/** The history answer may be a bare array or a list envelope. */
export async function getHistory(id: number | string, signal?: AbortSignal): Promise<AuditEntry[]> {
  const data = await api<AuditEntry[] | { items: AuditEntry[] }>(`/enterprises/${id}/history`, { signal });
  return Array.isArray(data) ? data : data.items;
}

function uploadForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}
export const previewImport = (file: File) =>
  api<ImportPreview>('/enterprises/import/preview', { method: 'POST', body: uploadForm(file) });
export const commitImport = (file: File) =>
  api<{ imported: number }>('/enterprises/import/commit', { method: 'POST', body: uploadForm(file) });

// Children of the enterprise: permits, outlets (with monitors), facilities.
export type ChildKind = 'permits' | 'outlets' | 'facilities';

export const createChild = (enterpriseId: number, kind: ChildKind, body: Body) =>
  api<Permit | Outlet | Facility>(`/enterprises/${enterpriseId}/${kind}`, { method: 'POST', body });
export const updateChild = (kind: ChildKind | 'monitors', id: number, body: Body) =>
  api<unknown>(`/${kind}/${id}`, { method: 'PATCH', body });
export const deactivateChild = (kind: ChildKind | 'monitors', id: number) =>
  api<unknown>(`/${kind}/${id}/deactivate`, { method: 'POST' });
export const createMonitor = (outletId: number, body: Body) =>
  api<Monitor>(`/outlets/${outletId}/monitors`, { method: 'POST', body });

/** A permit's concentration limits; PUT replaces the whole list. */
export const getPermitLimits = async (permitId: number, signal?: AbortSignal) =>
  (await api<Page<PermitLimit>>(`/permits/${permitId}/limits`, { signal })).items;
export const putPermitLimits = async (permitId: number, items: PermitLimit[]) =>
  (await api<Page<PermitLimit>>(`/permits/${permitId}/limits`, { method: 'PUT', body: { items } })).items;
