import { api } from './client';
import type { Session } from './types';

export const login = (username: string, password: string) =>
  api<Session>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true });

export const fetchMe = () => api<Session>('/auth/me', { quiet401: true });

export const logout = () => api<void>('/auth/logout', { method: 'POST', quiet401: true });
