// The live panel's state: the newest value of each pollutant, fed by records (the newest stored
// ones on load, then each `record` event of the outlet's stream).
import type { FieldValue, LiveRecord, RecordKind } from '../../api/monitoring';

export interface LatestValue {
  code: string;
  /** Rtd for real-time data, Avg for minute/hour/day data. */
  value: FieldValue | null;
  /** ZsRtd / ZsAvg: the O2-corrected value, when the unit sends one. */
  zs: FieldValue | null;
  flag: string | null;
  kind: RecordKind;
  dataTime: string;
  receivedAt: string;
  monitorId: number;
}

export interface LiveState {
  values: Record<string, LatestValue>;
  /** The newest arrival of any record seen, even one older than the values shown. */
  lastReceivedAt: string | null;
  lastKind: RecordKind | null;
  /** Records applied so far. */
  count: number;
}

export const EMPTY_LIVE: LiveState = { values: {}, lastReceivedAt: null, lastKind: null, count: 0 };

const ms = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

const field = (fields: Record<string, FieldValue>, ...names: string[]): FieldValue | null => {
  for (const name of names) {
    const v = fields[name];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return null;
};

/** The value, corrected value and flag of one pollutant in a record. */
export function readFields(
  kind: RecordKind,
  fields: Record<string, FieldValue>,
): { value: FieldValue | null; zs: FieldValue | null; flag: string | null } {
  const rtd = kind === 'rtd';
  const value = rtd ? field(fields, 'Rtd', 'Avg') : field(fields, 'Avg', 'Rtd');
  const zs = rtd ? field(fields, 'ZsRtd', 'ZsAvg') : field(fields, 'ZsAvg', 'ZsRtd');
  const flag = field(fields, 'Flag');
  return { value, zs, flag: flag === null ? null : String(flag) };
}

/**
 * Applies one record. A pollutant's value is replaced when the record's DataTime is at least as
 * new as the shown one's (on a tie, the later arrival wins): a late re-sent or an hourly record
 * never hides newer real-time or minute values.
 */
export function applyRecord(state: LiveState, record: LiveRecord): LiveState {
  const values = { ...state.values };
  const at = ms(record.dataTime);
  for (const [code, fields] of Object.entries(record.values ?? {})) {
    if (!fields || typeof fields !== 'object') continue;
    const { value, zs, flag } = readFields(record.kind, fields);
    if (value === null && flag === null) continue;
    const shown = values[code];
    if (shown) {
      const shownAt = ms(shown.dataTime);
      if (at < shownAt) continue;
      if (at === shownAt && ms(record.receivedAt) < ms(shown.receivedAt)) continue;
    }
    values[code] = {
      code,
      value,
      zs,
      flag,
      kind: record.kind,
      dataTime: record.dataTime,
      receivedAt: record.receivedAt,
      monitorId: record.monitorId,
    };
  }
  const newer = state.lastReceivedAt === null || ms(record.receivedAt) >= ms(state.lastReceivedAt);
  return {
    values,
    lastReceivedAt: newer ? record.receivedAt : state.lastReceivedAt,
    lastKind: newer ? record.kind : state.lastKind,
    count: state.count + 1,
  };
}

export const applyRecords = (state: LiveState, records: readonly LiveRecord[]): LiveState =>
  records.reduce(applyRecord, state);

/** The codes to show: the outlet's registered order first, then any other code in record order. */
export function orderedCodes(state: LiveState, preferred: readonly string[]): string[] {
  const present = Object.keys(state.values);
  return [...preferred.filter((c) => present.includes(c)), ...present.filter((c) => !preferred.includes(c))];
}
