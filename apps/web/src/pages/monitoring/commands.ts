// Platform → unit commands as the 指令 tab shows them.
import type { CommandStatus, MonitorCommand } from '../../api/monitoring';

export const COMMAND_STATUSES: readonly CommandStatus[] = [
  'sent',
  'accepted',
  'refused',
  'succeeded',
  'failed',
  'timeout',
  'not_connected',
];

const STATUS_COLORS: Record<CommandStatus, string> = {
  sent: 'processing',
  accepted: 'blue',
  refused: 'orange',
  succeeded: 'success',
  failed: 'error',
  timeout: 'warning',
  not_connected: 'default',
};

export const statusColor = (status: string): string => STATUS_COLORS[status as CommandStatus] ?? 'default';

/** The i18n key of a status, or null for one this screen does not know (shown as sent). */
export const statusKey = (status: string): string | null =>
  (COMMAND_STATUSES as readonly string[]).includes(status) ? `monitoring.commandStatus.${status}` : null;

/** Still waiting for the unit: the list is refreshed until no command is. */
export const isPending = (c: Pick<MonitorCommand, 'status'>): boolean =>
  c.status === 'sent' || c.status === 'accepted';

const KNOWN_CN = ['1011', '1012', '1061', '1062', '1063', '1064', '2011', '2012', '2051', '2061', '2031'];
const UPLOAD_CN = ['2011', '2051', '2061', '2031'];

/**
 * What a command was, as an i18n key and its values: a 2051/2061/2031 (or 2011 with a period) is
 * a re-send request for that data; a bare 2011 starts real-time data.
 */
export function commandLabel(c: Pick<MonitorCommand, 'cn' | 'params'>): {
  key: string | null;
  values?: Record<string, string>;
  whatKey?: string;
} {
  const hasPeriod = c.params.BeginTime !== undefined || c.params.EndTime !== undefined;
  if (UPLOAD_CN.includes(c.cn) && (hasPeriod || c.cn !== '2011'))
    return { key: 'monitoring.cn.resend', whatKey: `monitoring.cn.${c.cn}` };
  if (c.cn === '2011') return { key: 'monitoring.cn.startRealtime' };
  return { key: KNOWN_CN.includes(c.cn) ? `monitoring.cn.${c.cn}` : null };
}

/** "YYYYMMDDhhmmss" (HJ 212 local time) → "YYYY-MM-DD hh:mm:ss"; anything else unchanged. */
export function formatHjTime(value: string | number): string {
  const s = String(value);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : s;
}

/** The parameters of a command, one "Name=value" per entry with HJ 212 times made readable. */
export function formatParams(params: MonitorCommand['params']): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${/Time$/.test(k) ? formatHjTime(v) : String(v)}`)
    .join('；');
}
