import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AlarmNumberCounterTable,
  AlarmSettingTable,
  AlarmSheetStepTable,
  AlarmSheetTable,
  AlarmTable,
  NotificationTable,
  SeriousListEntryTable,
  SeriousListTable,
} from './schema-alarms';
import type { ComplianceTables } from './schema-compliance';

/** Table types of the database, snake_case as in SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'township';
  parent_code: string | null;
}

export interface OperatorCompanyTable {
  id: Generated<number>;
  name: string;
  active: Generated<boolean>;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  enterprise_id: number | null;
  operator_id: number | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthSessionTable {
  id_hash: string;
  user_id: number;
  kind: 'cookie' | 'token';
  csrf_token: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  enterprise_id: number | null;
  before: Json;
  after: Json;
  ip: string | null;
}

export interface GridTable {
  id: Generated<number>;
  code: string;
  name: string;
  township_code: string;
  region_code: string;
  officer_user_id: number | null;
  officer_name: string | null;
  officer_phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface EnterpriseTable {
  id: Generated<number>;
  credit_code: string;
  name: string;
  legal_representative: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  region_code: string;
  township_code: string | null;
  grid_id: number | null;
  industry_code: string | null;
  programme_industry: string | null;
  batch: number | null;
  control_level: ColumnType<string, string | undefined, string>;
  key_kinds: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<string, string | undefined, string>;
  products_and_scale: string | null;
  started_on: DateText | null;
  env_contact: string | null;
  env_contact_phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PermitTable {
  id: Generated<number>;
  enterprise_id: number;
  number: string;
  management_class: string;
  valid_from: DateText | null;
  valid_to: DateText | null;
  execution_report_duty: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PermitPollutantTable {
  permit_id: number;
  pollutant_code: string;
  annual_total_t: number | null;
}

export interface OutletTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: string;
  code: string;
  name: string;
  stack_height_m: number | null;
  stack_diameter_m: number | null;
  flue_temperature_c: number | null;
  reference_o2: number | null;
  lng: number | null;
  lat: number | null;
  pollutants: ColumnType<string[], string[] | undefined, string[]>;
  profile: string | null;
  /** SourceCategory of the limit resolver (migration 0007); null: not entered. */
  standard_category: ColumnType<string | null, string | null | undefined, string | null>;
  source_age: ColumnType<
    'new' | 'existing' | null,
    'new' | 'existing' | null | undefined,
    'new' | 'existing' | null
  >;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A permit's concentration limit for one outlet code and pollutant (migration 0007). */
export interface PermitLimitTable {
  id: Generated<number>;
  permit_id: number;
  outlet_code: string;
  pollutant: string;
  averaging: 'hour' | 'day' | 'instant';
  value_kind: 'max' | 'range';
  value_max: number | null;
  value_lo: number | null;
  value_hi: number | null;
  unit: string;
  reference_o2: number | null;
  clause: string | null;
  created_at: Generated<Date>;
}

export interface MonitorTable {
  id: Generated<number>;
  outlet_id: number;
  mn: string;
  password: string;
  manufacturer: string | null;
  model: string | null;
  installed_on: DateText | null;
  operator_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_seen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_peer: string | null;
}

export interface FacilityTable {
  id: Generated<number>;
  enterprise_id: number;
  outlet_id: number | null;
  name: string;
  process: string | null;
  capacity: string | null;
  feasible_technology: boolean | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchemaMigrationTable {
  id: string;
  applied_at: Timestamp;
}

export interface PlatformSettingTable {
  key: string;
  value: string;
}

export interface RawFrameTable {
  id: number;
  received_at: Date;
  peer: string;
  mn: string | null;
  monitor_id: number | null;
  cn: string | null;
  qn: string | null;
  verdict: RawFrameVerdict;
  error_code: string | null;
  detail: string | null;
  tolerances: string[] | null;
  bytes: Uint8Array;
}

export type RawFrameVerdict =
  | 'stored'
  | 'duplicate'
  | 'answer'
  | 'unknown_mn'
  | 'bad_password'
  | 'inactive'
  | 'malformed'
  | 'unsupported';

export type RecordKind = 'rtd' | 'min' | 'hour' | 'day';

/** One pollutant's fields as the unit sent them (Avg, Min, Max, Cou, ZsAvg, Rtd, Flag, EFlag...). */
export type PollutantFields = Record<string, number | string>;

export interface MonitoringRecordTable {
  monitor_id: number;
  kind: RecordKind;
  data_time: Date;
  received_at: Date;
  raw_frame_id: number;
  resend_count: Generated<number>;
  values: ColumnType<Record<string, PollutantFields>, string, string>;
}

export interface HourlyValueTable {
  monitor_id: number;
  pollutant: string;
  hour: Date;
  avg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  zs_avg: number | null;
  unit_avg: number | null;
  unit_zs_avg: number | null;
  valid: boolean;
  invalid_reason: string | null;
  received_count: number;
  valid_count: number;
  expected_count: number;
  flag: string | null;
  source: 'minutes' | 'unit';
  disagrees: Generated<boolean>;
  computed_at: Date;
  /** Set by the alarm engine once judged; null again whenever the value is recomputed. */
  judged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface DailyValueTable {
  monitor_id: number;
  pollutant: string;
  day: DateText;
  avg: number | null;
  min: number | null;
  max: number | null;
  cou: number | null;
  zs_avg: number | null;
  valid: boolean;
  invalid_reason: string | null;
  valid_hours: number;
  received_hours: number;
  computed_at: Date;
  /** Set by the alarm engine once judged; null again whenever the value is recomputed. */
  judged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AggregationTaskTable {
  monitor_id: number;
  hour: Date;
  queued_at: Generated<Date>;
  urgent: Generated<boolean>;
}

export interface MonitorDayRateTable {
  monitor_id: number;
  day: DateText;
  expected: number;
  received: number;
  valid: number;
  online_hours: number;
  computed_at: Date;
  /** Bit h set: hour h (0-23, Shanghai) had data / valid data (migration 0004). */
  received_mask: Generated<number>;
  valid_mask: Generated<number>;
}

export interface MonitorDataSpanTable {
  monitor_id: number;
  first_data_at: Date;
  last_data_at: Date;
}

export type CommandStatus =
  | 'sent'
  | 'accepted'
  | 'refused'
  | 'succeeded'
  | 'failed'
  | 'timeout'
  | 'not_connected';

export interface MonitorCommandTable {
  id: Generated<number>;
  monitor_id: number;
  qn: string;
  cn: string;
  params: ColumnType<Record<string, string | number>, string, string>;
  status: CommandStatus;
  qn_rtn: number | null;
  exe_rtn: number | null;
  requested_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FilingTable {
  id: Generated<number>;
  enterprise_id: number;
  /** null: every outlet of the enterprise. */
  outlet_id: number | null;
  kind: 'maintenance' | 'calibration' | 'startup' | 'shutdown';
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  evidence: string | null;
  attachment_name: string | null;
  status: ColumnType<FilingStatus, FilingStatus | undefined, FilingStatus>;
  submitted_by: number | null;
  decided_by: number | null;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decision_note: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export type FilingStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** Emission-limit rows of standards (migration 0005); versions share `line_id`. */
export interface StandardLimitTable {
  id: Generated<number>;
  line_id: string;
  standard_code: string;
  standard_series: string;
  standard_title: string;
  level: 'national' | 'local';
  region_codes: string[] | null;
  outlet_kind: 'air' | 'water';
  industries: string[] | null;
  category: string;
  source_age: 'new' | 'existing' | null;
  water_above: number | null;
  water_at_most: number | null;
  special: 'special' | 'ultra-low' | null;
  pollutant: string;
  value_kind: 'max' | 'range';
  value_max: number | null;
  value_lo: number | null;
  value_hi: number | null;
  unit: string;
  averaging: 'hour' | 'day' | 'instant';
  reference_o2: number | null;
  clause: string | null;
  effective_from: DateText | null;
  effective_to: DateText | null;
  revision: number;
  confirmed: boolean;
  source: string;
  reading: string | null;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface SpecialLimitDesignationTable {
  id: Generated<number>;
  kind: 'special' | 'ultra-low';
  standard_codes: string[];
  region_codes: string[];
  categories: string[] | null;
  source_age: 'new' | 'existing' | null;
  effective_from: DateText;
  effective_to: DateText | null;
  document: string;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface DB extends ComplianceTables {
  platform_setting: PlatformSettingTable;
  region: RegionTable;
  operator_company: OperatorCompanyTable;
  app_user: AppUserTable;
  auth_session: AuthSessionTable;
  audit_log: AuditLogTable;
  grid: GridTable;
  enterprise: EnterpriseTable;
  permit: PermitTable;
  permit_pollutant: PermitPollutantTable;
  permit_limit: PermitLimitTable;
  outlet: OutletTable;
  monitor: MonitorTable;
  facility: FacilityTable;
  schema_migration: SchemaMigrationTable;
  raw_frame: RawFrameTable;
  monitoring_record: MonitoringRecordTable;
  hourly_value: HourlyValueTable;
  daily_value: DailyValueTable;
  aggregation_task: AggregationTaskTable;
  alarm: AlarmTable;
  alarm_sheet: AlarmSheetTable;
  alarm_sheet_step: AlarmSheetStepTable;
  alarm_number_counter: AlarmNumberCounterTable;
  notification: NotificationTable;
  alarm_setting: AlarmSettingTable;
  serious_list: SeriousListTable;
  serious_list_entry: SeriousListEntryTable;
  monitor_day_rate: MonitorDayRateTable;
  monitor_data_span: MonitorDataSpanTable;
  monitor_command: MonitorCommandTable;
  standard_limit: StandardLimitTable;
  special_limit_designation: SpecialLimitDesignationTable;
  filing: FilingTable;
}

export type EnterpriseRow = Selectable<EnterpriseTable>;
export type NewEnterprise = Insertable<EnterpriseTable>;
export type EnterpriseUpdate = Updateable<EnterpriseTable>;
export type UserRow = Selectable<AppUserTable>;
export type PermitRow = Selectable<PermitTable>;
export type OutletRow = Selectable<OutletTable>;
export type MonitorRow = Selectable<MonitorTable>;
export type FacilityRow = Selectable<FacilityTable>;
export type GridRow = Selectable<GridTable>;
