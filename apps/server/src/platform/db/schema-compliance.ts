import type { ColumnType, Generated } from 'kysely';

// Table types of the full-compliance programme (migration 0009-compliance), snake_case as in SQL.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column, read and written as 'YYYY-MM-DD' (the pg/PGlite date parsers are set to keep text). */
type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type PhaseKind = 'deployment' | 'training' | 'screening' | 'assessment' | 'rectification' | 'summary';
export type SelfCheckStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type ProblemSource = 'screening' | 'self_check' | 'alarm' | 'spot_check' | 'inspection' | 'tip';
export type ProblemType =
  | 'covert_discharge'
  | 'facility_inadequate'
  | 'exceedance'
  | 'incomplete_permits'
  | 'no_online_monitoring'
  | 'monitoring_nonconforming'
  | 'disclosure_missing'
  | 'other';
export type ProblemHandling = 'deadline_rectification' | 'listed_supervision' | 'closure';
export type ProblemStatus = 'open' | 'applied' | 'district_verified' | 'closed';
export type SignOffStatus = 'applied' | 'district_verified' | 'closed' | 'district_refused' | 'city_refused';
export type ReportCadence = 'monthly' | 'bimonthly' | 'yearly';

export interface CampaignTable {
  id: Generated<number>;
  name: string;
  region_code: string;
  covered_regions: Json<string[]>;
  starts_on: DateText;
  ends_on: DateText;
  description: Opt<string>;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface CampaignBatchTable {
  id: Generated<number>;
  campaign_id: number;
  ordinal: number;
  name: string;
  industries: Json<string[]>;
  includes_rest: Generated<boolean>;
}

export interface CampaignPhaseTable {
  id: Generated<number>;
  campaign_id: number;
  batch_id: Opt<number>;
  kind: PhaseKind;
  name: string;
  starts_on: DateText;
  ends_on: DateText;
  source: Opt<string>;
}

export interface SelfCheckTable {
  id: Generated<number>;
  campaign_id: number;
  enterprise_id: number;
  version_no: number;
  status: ColumnType<SelfCheckStatus, SelfCheckStatus | undefined, SelfCheckStatus>;
  content: Json<Record<string, unknown>>;
  prefill: Json<Record<string, unknown>>;
  filled_by_name: Opt<string>;
  submitted_at: NullableTimestamp;
  submitted_by: Opt<number>;
  review: NullableJson<Record<string, unknown>>;
  reviewed_by: Opt<number>;
  reviewer_name: Opt<string>;
  reviewed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SpotCheckDrawTable {
  id: Generated<number>;
  campaign_id: Opt<number>;
  region_code: string;
  seed: string;
  required_share: number;
  population: Json<number[]>;
  selected: Json<number[]>;
  drawn_by: Opt<number>;
  drawn_at: Timestamp;
  note: Opt<string>;
}

export interface ReviewAssignmentTable {
  id: Generated<number>;
  draw_id: Opt<number>;
  campaign_id: Opt<number>;
  enterprise_id: number;
  reviewer_id: number;
  kind: 'onsite' | 'expert' | 'third_party';
  due_on: NullableDateText;
  status: ColumnType<
    'assigned' | 'submitted',
    'assigned' | 'submitted' | undefined,
    'assigned' | 'submitted'
  >;
  opinion: Opt<string>;
  conclusion: Opt<'compliant' | 'problems_found' | 'not_compliant'>;
  submitted_at: NullableTimestamp;
  assigned_by: Opt<number>;
  assigned_at: Timestamp;
  version: Generated<number>;
}

export interface ScreeningEntryTable {
  id: Generated<number>;
  campaign_id: number;
  enterprise_id: number;
  monitoring_report_no: Opt<string>;
  exceeded: Opt<boolean>;
  exceed_reason: Opt<string>;
  online_exceed_reason: Opt<string>;
  notes: Opt<string>;
  updated_by: Opt<number>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProblemTable {
  id: Generated<number>;
  campaign_id: Opt<number>;
  enterprise_id: number;
  district_code: string;
  source: ProblemSource;
  alarm_sheet_id: Opt<number>;
  self_check_id: Opt<number>;
  problem_type: ProblemType;
  description: string;
  found_on: DateText;
  case_document_no: Opt<string>;
  handling: Opt<ProblemHandling>;
  penalty_requirement: Opt<string>;
  penalty_execution: Opt<string>;
  plan_status: Opt<string>;
  measures: Opt<string>;
  deadline_on: NullableDateText;
  recheck_report_no: Opt<string>;
  status: ColumnType<ProblemStatus, ProblemStatus | undefined, ProblemStatus>;
  closed_at: NullableTimestamp;
  created_by: Opt<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SignOffEvidence {
  name: string;
  note?: string;
}

export interface SignOffTable {
  id: Generated<number>;
  problem_id: number;
  round: number;
  status: ColumnType<SignOffStatus, SignOffStatus | undefined, SignOffStatus>;
  measures_taken: string;
  completion: string;
  evidence: Json<SignOffEvidence[]>;
  applied_by: Opt<number>;
  applicant_name: string;
  applied_at: Timestamp;
  district_opinion: Opt<string>;
  district_verifier: Opt<string>;
  district_verified_by: Opt<number>;
  district_verified_at: NullableTimestamp;
  city_opinion: Opt<string>;
  city_verifier: Opt<string>;
  city_verified_by: Opt<number>;
  city_verified_at: NullableTimestamp;
  version: Generated<number>;
}

export interface EnterprisePlanTable {
  id: Generated<number>;
  campaign_id: Opt<number>;
  enterprise_id: number;
  title: string;
  targets: string;
  route: string;
  measures: string;
  target_date: DateText;
  status: ColumnType<
    'draft' | 'filed' | 'done',
    'draft' | 'filed' | 'done' | undefined,
    'draft' | 'filed' | 'done'
  >;
  created_by: Opt<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RectificationNoticeTable {
  id: Generated<number>;
  number: string;
  enterprise_id: number;
  district_code: string;
  problem_ids: Json<number[]>;
  period_months: number;
  issued_on: DateText;
  due_on: DateText;
  requirements: string;
  issued_by: Opt<number>;
  issuer_name: string;
  created_at: Timestamp;
}

export interface DocumentCounterTable {
  kind: string;
  scope: string;
  year: number;
  seq: number;
}

export interface ReportDefinitionTable {
  id: Generated<number>;
  key: string;
  name: string;
  template: string;
  cadence: ReportCadence;
  /** A `DeadlineRule` of @dabiao/domain. */
  due_rule: Json<Record<string, unknown>>;
  campaign_id: Opt<number>;
  source: Opt<string>;
  active: Generated<boolean>;
}

export interface ReportSubmissionTable {
  id: Generated<number>;
  definition_id: number;
  region_code: string;
  period_key: string;
  due_at: Timestamp;
  submitted_at: Timestamp;
  submitted_by: Opt<number>;
  late: boolean;
  late_days: Generated<number>;
  content: Json<Record<string, unknown>>;
  note: Opt<string>;
  status: ColumnType<
    'submitted' | 'received' | 'returned',
    'submitted' | 'received' | 'returned' | undefined,
    'submitted' | 'received' | 'returned'
  >;
  received_by: Opt<number>;
  received_at: NullableTimestamp;
  /** The city's note when it received or returned the report. */
  review_note: Opt<string>;
  version: Generated<number>;
}

export interface AssessmentReportTable {
  id: Generated<number>;
  campaign_id: Opt<number>;
  kind: 'assessment' | 'yearly_summary';
  scope: 'region' | 'industry';
  region_code: string;
  industry: Opt<string>;
  period_from: DateText;
  period_to: DateText;
  title: string;
  figures: Json<Record<string, unknown>>;
  sections: Json<Record<string, unknown>>;
  status: ColumnType<'draft' | 'final', 'draft' | 'final' | undefined, 'draft' | 'final'>;
  created_by: Opt<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ComplianceTables {
  campaign: CampaignTable;
  campaign_batch: CampaignBatchTable;
  campaign_phase: CampaignPhaseTable;
  self_check: SelfCheckTable;
  spot_check_draw: SpotCheckDrawTable;
  review_assignment: ReviewAssignmentTable;
  screening_entry: ScreeningEntryTable;
  problem: ProblemTable;
  sign_off: SignOffTable;
  enterprise_plan: EnterprisePlanTable;
  rectification_notice: RectificationNoticeTable;
  document_counter: DocumentCounterTable;
  report_definition: ReportDefinitionTable;
  report_submission: ReportSubmissionTable;
  assessment_report: AssessmentReportTable;
}
