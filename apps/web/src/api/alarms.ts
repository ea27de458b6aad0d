// The alarm platform (A1-A5): alarms and their sheets, the inbox, filings, the quarterly list of
// seriously exceeding enterprises and the city's alarm rules. Shapes from apps/server/src/alarms
// and apps/server/src/filings.
import { api, buildUrl, type QueryValue } from './client';
import type { LimitValue, Page } from './types';

export type AlarmKind = 'exceedance' | 'anomaly';
export const ALARM_KINDS: readonly AlarmKind[] = ['exceedance', 'anomaly'];

export type SheetState = 'dispatched' | 'signed' | 'explained' | 'operator_verified' | 'concluded' | 'closed';
export const SHEET_STATES: readonly SheetState[] = [
  'dispatched',
  'signed',
  'explained',
  'operator_verified',
  'concluded',
  'closed',
];
/** What the list's `state` filter takes besides the sheet states. */
export type AlarmStateFilter = SheetState | 'overdue' | 'escalated' | 'filed';
export const ALARM_STATE_FILTERS: readonly AlarmStateFilter[] = [
  ...SHEET_STATES,
  'overdue',
  'escalated',
  'filed',
];

export type SheetAction = 'sign' | 'explain' | 'verify_device' | 'conclude' | 'close';
export const SHEET_ACTIONS: readonly SheetAction[] = [
  'sign',
  'explain',
  'verify_device',
  'conclude',
  'close',
];
export type SheetConclusion = 'confirmed_exceedance' | 'device_fault' | 'false_alarm';
export const SHEET_CONCLUSIONS: readonly SheetConclusion[] = [
  'confirmed_exceedance',
  'device_fault',
  'false_alarm',
];
export type ResponseOutcome = 'on_time' | 'late' | 'pending' | 'overdue';

export const ANOMALY_RULES = [
  'offline',
  'constant',
  'zero-negative',
  'out-of-range',
  'flag-too-long',
  'hugging-limit',
  'zero-flow',
  'o2-ambient',
  'zs-mismatch',
] as const;

export interface AlarmSheet {
  id: number;
  number: string;
  state: SheetState;
  conclusion: SheetConclusion | null;
  deviceSuspected: boolean;
  dispatchedAt: string | null;
  deadlineAt: string | null;
  respondedAt: string | null;
  escalatedAt: string | null;
  supervisionNumber: string | null;
  version: number;
  overdue: boolean;
  outcome: ResponseOutcome;
}

export interface Alarm {
  id: number;
  kind: AlarmKind;
  /** `exceedance`, or the anomaly rule's code. */
  rule: string;
  pollutant: string | null;
  averaging: string | null;
  startedAt: string;
  endedAt: string;
  peak: number | null;
  mean: number | null;
  maxMultiple: number | null;
  districtCode: string;
  filingId: number | null;
  detectedAt: string;
  enterprise: { id: number; name: string; lng: number | null; lat: number | null };
  outlet: { id: number; code: string; name: string };
  monitor: { id: number; mn: string };
  sheet: AlarmSheet | null;
}

/** The limit an exceedance was judged by, as the engine stored it. */
export interface LimitSnapshot {
  sourceCode: string;
  sourceTitle: string;
  clause: string | null;
  pollutant?: string;
  value: LimitValue;
  unit: string;
  averaging: string;
  referenceO2: number | null;
  origin: 'national' | 'local' | 'permit';
}

export interface WindowPoint {
  pollutant: string;
  at: string;
  avg: number | null;
  zsAvg: number | null;
  flag: string | null;
  valid: boolean;
  invalidReason: string | null;
}

export type FilingKind = 'maintenance' | 'calibration' | 'startup' | 'shutdown';
export const FILING_KINDS: readonly FilingKind[] = ['maintenance', 'calibration', 'startup', 'shutdown'];
export type FilingStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export const FILING_STATUSES: readonly FilingStatus[] = ['submitted', 'approved', 'rejected', 'withdrawn'];

export interface AlarmFiling {
  id: number;
  kind: FilingKind;
  status: FilingStatus;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface SheetStep {
  id: number;
  action: SheetAction | 'dispatch' | 'escalate';
  actorName: string | null;
  actorRole: string | null;
  at: string;
  detail: Record<string, unknown> | null;
}

export interface AlarmDetail extends Alarm {
  verdict: string;
  limit: LimitSnapshot | null;
  evidence: unknown;
  window: { from: string; to: string; series: WindowPoint[] };
  filings: AlarmFiling[];
  steps: SheetStep[];
  actions: SheetAction[];
}

export interface DistrictResponse {
  districtCode: string;
  districtName: string;
  alarms: number;
  sheets: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  escalated: number;
}

export interface AlarmStats {
  from: string;
  to: string;
  /** state: a sheet state, `filed` (in an approved filing, not dispatched) or `none`. */
  byState: { state: string; count: number }[];
  byDistrict: DistrictResponse[];
}

export type ActionBody =
  | { action: 'sign'; version: number; note?: string; deviceSuspected?: boolean }
  | {
      action: 'explain';
      version: number;
      explanation: string;
      selfCorrection: string;
      deviceSuspected: boolean;
    }
  | { action: 'verify_device'; version: number; finding: string; deviceFaulty: boolean }
  | { action: 'conclude'; version: number; conclusion: SheetConclusion; note: string }
  | { action: 'close'; version: number; note?: string };

export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  createdAt: string;
  readAt: string | null;
  sheetId: number | null;
  alarmId: number | null;
  /** The page a reminder opens (to-dos, problem follow-ups). */
  link: string | null;
}

export interface InboxPage extends Page<InboxItem> {
  unread: number;
}

/** A notification as the stream pushes it (never read yet). */
export interface InboxEvent {
  id: number;
  userId: number;
  sheetId: number | null;
  alarmId: number | null;
  kind: string;
  title: string;
  createdAt: string;
}

export interface Filing {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  outletId: number | null;
  outletName: string | null;
  kind: FilingKind;
  startsAt: string;
  endsAt: string;
  reason: string;
  evidence: string | null;
  attachmentName: string | null;
  status: FilingStatus;
  submittedBy: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  version: number;
}

export interface FilingCreate {
  outletId: number | null;
  kind: FilingKind;
  startsAt: string;
  endsAt: string;
  reason: string;
  evidence?: string | null;
}

export interface AnomalyRule {
  code: string;
  enabled: boolean;
  minHours: number;
  params: Record<string, number>;
}

export interface SeriousRule {
  minConfirmedSheets: number;
  minExceedanceDays: number;
  minMultiple: number;
}

export type SeriousListStatus = 'draft' | 'reviewed' | 'published';

export interface SeriousList {
  id: number;
  year: number;
  quarter: number;
  status: SeriousListStatus;
  rule: SeriousRule;
  generatedAt: string;
  reviewedAt: string | null;
  publishedAt: string | null;
  version: number;
}

export interface SeriousEntry {
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  confirmedSheets: number;
  exceedanceDays: number;
  maxMultiple: number | null;
  pollutants: string[];
  reasons: string[];
  included: boolean;
  reviewNote: string | null;
}

export interface SeriousListDetail extends SeriousList {
  entries: SeriousEntry[];
}

type Query = Record<string, QueryValue>;

export const listAlarms = (query: Query, signal?: AbortSignal) =>
  api<Page<Alarm>>('/alarms', { query, signal });

export const getAlarmStats = (query: Query, signal?: AbortSignal) =>
  api<AlarmStats>('/alarms/stats', { query, signal });

export const getAlarm = (id: number | string, signal?: AbortSignal) =>
  api<AlarmDetail>(`/alarms/${id}`, { signal });

/** One step of the sheet's workflow; the answer is the new detail. */
export function actOnSheet(alarmId: number, { action, ...body }: ActionBody) {
  return api<AlarmDetail>(`/alarms/${alarmId}/sheet/${action.replace('_', '-')}`, { method: 'POST', body });
}

export const listInbox = (query: Query, signal?: AbortSignal) => api<InboxPage>('/inbox', { query, signal });
export const markInboxRead = (id: number) => api<void>(`/inbox/${id}/read`, { method: 'POST' });
export const markInboxAllRead = () => api<{ marked: number }>('/inbox/read-all', { method: 'POST' });
/** The user's notification stream (server-sent events; the session cookie authenticates it). */
export const inboxStreamUrl = () => buildUrl('/inbox/stream');

export const listFilings = (query: Query, signal?: AbortSignal) =>
  api<Page<Filing>>('/filings', { query, signal });
export const createFiling = (body: FilingCreate) => api<Filing>('/filings', { method: 'POST', body });
export const decideFiling = (
  id: number,
  decision: 'approve' | 'reject',
  body: { version: number; note?: string },
) => api<Filing>(`/filings/${id}/${decision}`, { method: 'POST', body });
export const withdrawFiling = (id: number, version: number) =>
  api<Filing>(`/filings/${id}/withdraw`, { method: 'POST', body: { version } });

export const getAnomalyRules = (signal?: AbortSignal) =>
  api<{ rules: AnomalyRule[] }>('/alarm-settings/anomaly-rules', { signal });
export const putAnomalyRules = (rules: AnomalyRule[]) =>
  api<{ rules: AnomalyRule[] }>('/alarm-settings/anomaly-rules', { method: 'PUT', body: { rules } });
export const getSeriousRule = (signal?: AbortSignal) =>
  api<SeriousRule>('/alarm-settings/serious-rule', { signal });
export const putSeriousRule = (rule: SeriousRule) =>
  api<SeriousRule>('/alarm-settings/serious-rule', { method: 'PUT', body: rule });

export const listSeriousLists = (signal?: AbortSignal) =>
  api<{ items: SeriousList[] }>('/serious-lists', { signal });
export const getSeriousList = (id: number | string, signal?: AbortSignal) =>
  api<SeriousListDetail>(`/serious-lists/${id}`, { signal });
export const generateSeriousList = (year: number, quarter: number) =>
  api<SeriousListDetail>('/serious-lists', { method: 'POST', body: { year, quarter } });
export const reviewSeriousList = (
  id: number,
  body: { version: number; entries: { enterpriseId: number; included: boolean; note?: string }[] },
) => api<SeriousListDetail>(`/serious-lists/${id}/review`, { method: 'POST', body });
export const publishSeriousList = (id: number, version: number) =>
  api<SeriousListDetail>(`/serious-lists/${id}/publish`, { method: 'POST', body: { version } });
