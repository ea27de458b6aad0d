import { api } from './client';
import type { DashboardSummary, Grid, Page, Region, User } from './types';

export async function listRegions(query: { parent?: string; level?: string }): Promise<Region[]> {
  const data = await api<{ items: Region[] } | Region[]>('/regions', { query });
  return Array.isArray(data) ? data : data.items;
}

export async function listGrids(query: { townshipCode?: string; regionCode?: string }): Promise<Grid[]> {
  const data = await api<{ items: Grid[] } | Grid[]>('/grids', { query });
  return Array.isArray(data) ? data : data.items;
}

export const getDashboardSummary = (signal?: AbortSignal) =>
  api<DashboardSummary>('/dashboard/summary', { signal });

export const listUsers = (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
  api<Page<User>>('/users', { query, signal });
export const createUser = (body: Record<string, unknown>) => api<User>('/users', { method: 'POST', body });
export const updateUser = (id: number, body: Record<string, unknown>) =>
  api<User>(`/users/${id}`, { method: 'PATCH', body });
