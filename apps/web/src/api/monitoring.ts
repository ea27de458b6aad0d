// Online monitoring (M2-M4): shapes from docs/api-contract.md "Monitoring", and their calls.
import { api, buildUrl, type QueryValue } from './client';
import type { OutletKind, Page } from './types';

/** Hours expected, received and valid, and the rates (0..1, null when nothing was expected). */
export interface Rate {
  expected: number;
  received: number;
  valid: number;
  transmissionRate: number | null;
  validityRate: number | null;
  transmissionValidityRate: number | null;
  meetsTarget: boolean;
  formula: string;
}

export interface InvalidHour {
  monitorId: number;
  mn: string;
  outletId: number;
  outletName: string;
  enterpriseId: number;
  enterpriseName: string;
  pollutant: string;
  pollutantName: string | null;
  hour: string;
  reason: string | null;
  flag: string | null;
  source: string | null;
}

export interface DistrictStatus {
  code: string;
  name: string;
  monitors: number;
  online: number;
  offline: number;
  today: Rate;
}

export interface Overview {
  asOf: string;
  regionCode: string | null;
  onlineWindowMinutes: number;
  monitors: number;
  online: number;
  /** Includes the units never seen. */
  offline: number;
  neverSeen: number;
  today: Rate & { day: string };
  latestInvalidHours: InvalidHour[];
  districts: DistrictStatus[];
}

export interface MonitorStatus {
  id: number;
  mn: string;
  outletId: number;
  outletCode: string;
  outletName: string;
  outletKind: OutletKind;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  regionName: string | null;
  lastSeenAt: string | null;
  lastPeer: string | null;
  online: boolean;
  firstDataAt: string | null;
  lastDataAt: string | null;
  today: Rate;
}

export type SeriesPeriod = 'hour' | 'day';

export interface SeriesPoint {
  time: string;
  avg: number | null;
  zsAvg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  unitAvg: number | null;
  unitZsAvg: number | null;
  valid: boolean;
  /** TOO_FEW_VALID | PLANT_STOPPED | NO_DATA | INVALID_FLAG | null */
  reason: string | null;
  /** The hour's most frequent HJ 212 flag; null for days. */
  flag: string | null;
  source: string;
  disagrees: boolean;
  complete: boolean;
}

export interface Series {
  outletId: number;
  outletCode: string;
  outletName: string;
  outletKind: OutletKind;
  enterpriseId: number;
  enterpriseName: string;
  referenceO2: number | null;
  pollutant: { code: string; name: string; unit: string | null; amountUnit: string | null };
  period: SeriesPeriod;
  from: string;
  to: string;
  points: SeriesPoint[];
}

export type RecordKind = 'min' | 'hour' | 'day' | 'rtd';
export const RECORD_KINDS: readonly RecordKind[] = ['min', 'hour', 'day', 'rtd'];

export type FieldValue = number | string;

export interface MonitoringRecord {
  monitorId: number;
  mn: string;
  kind: RecordKind;
  dataTime: string;
  receivedAt: string;
  rawFrameId: number | null;
  resendCount: number;
  values: Record<string, Record<string, FieldValue>>;
  flags: Record<string, string>;
}

export interface RawFrame {
  id: number;
  receivedAt: string;
  peer: string;
  mn: string | null;
  cn: string | null;
  qn: string | null;
  /** stored · duplicate · answer · unknown_mn · bad_password · inactive · malformed · unsupported */
  verdict: string;
  errorCode: string | null;
  detail: string | null;
  tolerances: string[];
  size: number;
  text: string;
  base64: string;
  monitor: {
    monitorId: number;
    mn: string;
    outletId: number;
    outletName: string;
    enterpriseId: number;
    enterpriseName: string;
  } | null;
}

export type RatesGroupBy = 'region' | 'enterprise' | 'monitor';
export const RATE_GROUPS: readonly RatesGroupBy[] = ['region', 'enterprise', 'monitor'];

export interface RateRow extends Rate {
  key: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  outletId: number | null;
  outletName: string | null;
  monitorId: number | null;
  mn: string | null;
  monitors: number;
}

export interface Rates {
  month: string;
  groupBy: RatesGroupBy;
  from: string;
  to: string;
  asOf: string;
  target: number;
  rows: RateRow[];
  total: Rate & { monitors: number };
}

/** A record the gateway has just committed, pushed on the outlet's live stream. */
export interface LiveRecord {
  monitorId: number;
  kind: RecordKind;
  dataTime: string;
  receivedAt: string;
  values: Record<string, Record<string, FieldValue>>;
}

export type CommandKind =
  | 'setTime'
  | 'getTime'
  | 'setRtdInterval'
  | 'setMinInterval'
  | 'startRealtime'
  | 'stopRealtime'
  | 'resend';

export type ResendCn = '2011' | '2051' | '2061' | '2031';
export const RESEND_CNS: readonly ResendCn[] = ['2051', '2061', '2031', '2011'];

export type CommandBody =
  | { kind: 'setTime' | 'getTime' | 'startRealtime' | 'stopRealtime' }
  | { kind: 'setRtdInterval'; seconds: number }
  | { kind: 'setMinInterval'; minutes: number }
  | { kind: 'resend'; cn: ResendCn; begin: string; end: string };

export type CommandStatus =
  | 'sent'
  | 'accepted'
  | 'refused'
  | 'succeeded'
  | 'failed'
  | 'timeout'
  | 'not_connected';

export interface MonitorCommand {
  id: number;
  monitorId: number;
  qn: string;
  cn: string;
  params: Record<string, FieldValue>;
  status: CommandStatus | string;
  qnRtn: number | null;
  exeRtn: number | null;
  createdAt: string;
  updatedAt: string;
}

type Query = Record<string, QueryValue>;

export const getOverview = (query: Query, signal?: AbortSignal) =>
  api<Overview>('/monitoring/overview', { query, signal });

export const listMonitorStatus = (query: Query, signal?: AbortSignal) =>
  api<Page<MonitorStatus>>('/monitoring/monitors', { query, signal });

export const getSeries = (outletId: number | string, query: Query, signal?: AbortSignal) =>
  api<Series>(`/monitoring/outlets/${outletId}/series`, { query, signal });

export const listRecords = (outletId: number | string, query: Query, signal?: AbortSignal) =>
  api<Page<MonitoringRecord>>(`/monitoring/outlets/${outletId}/records`, { query, signal });

export const getRawFrame = (id: number, signal?: AbortSignal) =>
  api<RawFrame>(`/monitoring/raw-frames/${id}`, { signal });

export const rawArchiveUrl = (monitorId: number, query: Query) =>
  buildUrl(`/monitoring/monitors/${monitorId}/raw-frames`, query);

export const getRates = (query: Query, signal?: AbortSignal) =>
  api<Rates>('/monitoring/rates', { query, signal });

export const ratesExportUrl = (query: Query) => buildUrl('/monitoring/rates/export.xlsx', query);

/** The outlet's live stream (server-sent events; the session cookie authenticates it). */
export const liveUrl = (outletId: number | string) => buildUrl(`/monitoring/outlets/${outletId}/live`);

export const listCommands = (monitorId: number, signal?: AbortSignal) =>
  api<{ items: MonitorCommand[]; connected: boolean }>(`/monitoring/monitors/${monitorId}/commands`, {
    signal,
  });

export const sendCommand = (monitorId: number, body: CommandBody) =>
  api<MonitorCommand>(`/monitoring/monitors/${monitorId}/commands`, { method: 'POST', body });
