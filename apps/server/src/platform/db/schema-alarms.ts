import type { ColumnType, Generated } from 'kysely';

// Table types of the alarm platform (migration 0008-alarms), snake_case as in SQL.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;

export type AlarmKind = 'exceedance' | 'anomaly';
export type SheetStateColumn =
  | 'dispatched'
  | 'signed'
  | 'explained'
  | 'operator_verified'
  | 'concluded'
  | 'closed';
export type SheetConclusionColumn = 'confirmed_exceedance' | 'device_fault' | 'false_alarm';

export interface AlarmTable {
  id: Generated<number>;
  kind: AlarmKind;
  rule: string;
  monitor_id: number;
  outlet_id: number;
  enterprise_id: number;
  district_code: string;
  pollutant: Generated<string>;
  averaging: 'hour' | 'day' | null;
  started_at: Timestamp;
  ended_at: Timestamp;
  peak: number | null;
  mean: number | null;
  max_multiple: number | null;
  limit_snapshot: NullableJson;
  evidence: Json<Record<string, unknown>>;
  verdict: string;
  filing_id: number | null;
  detected_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlarmSheetTable {
  id: Generated<number>;
  number: string;
  alarm_id: number;
  enterprise_id: number;
  district_code: string;
  state: Generated<SheetStateColumn>;
  device_suspected: Generated<boolean>;
  conclusion: SheetConclusionColumn | null;
  dispatched_at: Timestamp;
  deadline_at: Timestamp;
  responded_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  supervision_number: string | null;
  version: Generated<number>;
}

export interface AlarmSheetStepTable {
  id: Generated<number>;
  sheet_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string | null;
  at: Timestamp;
  detail: Json<Record<string, unknown>>;
}

export interface AlarmNumberCounterTable {
  kind: 'sheet' | 'supervision';
  district_code: string;
  day: string;
  seq: number;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  sheet_id: number | null;
  kind: string;
  title: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
  /** The page a reminder opens (migration 0009); alarm-sheet notifications use sheet_id instead. */
  link: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AlarmSettingTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface SeriousListTable {
  id: Generated<number>;
  year: number;
  quarter: number;
  rule: Json;
  status: Generated<'draft' | 'reviewed' | 'published'>;
  generated_at: Timestamp;
  generated_by: number | null;
  reviewed_at: NullableTimestamp;
  reviewed_by: number | null;
  published_at: NullableTimestamp;
  published_by: number | null;
  version: Generated<number>;
}

export interface SeriousListEntryTable {
  list_id: number;
  enterprise_id: number;
  confirmed_sheets: number;
  exceedance_days: number;
  max_multiple: number | null;
  pollutants: string[];
  reasons: string[];
  included: Generated<boolean>;
  review_note: string | null;
}
