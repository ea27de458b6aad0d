import { PROBLEM_HANDLINGS, PROBLEM_STATUSES, PROBLEM_TYPES } from '../ledgers/labels';

/**
 * The figures of an assessment report (E4) or a yearly summary (001 第六阶段), as the server counts
 * them from the data at the moment the report is generated. Plain data: the drafting functions
 * (draft.ts) turn them into Chinese text, the export turns them into tables.
 */

export type AssessmentKind = 'assessment' | 'yearly_summary';
export type AssessmentScope = 'region' | 'industry';

export interface CountBy {
  key: string;
  label: string;
  count: number;
}

export interface ExceedingEnterprise {
  id: number;
  name: string;
  regionName: string;
  industryName: string | null;
  /** 污染物排放种类: every pollutant the outlets discharge. */
  pollutants: string[];
  /** Pollutants with an exceedance alarm in the period. */
  exceededPollutants: string[];
  /** 污染治理设施: name, process (工艺), whether the technology is feasible. */
  facilities: { name: string; process: string | null; feasibleTechnology: boolean | null }[];
  exceedanceAlarms: number;
  confirmedSheets: number;
  /** Problems of the enterprise (超标原因 and 治理计划 come from their description, measures, deadline). */
  problems: {
    type: string;
    description: string;
    measures: string | null;
    deadlineOn: string | null;
    status: string;
  }[];
}

export interface AssessmentFigures {
  regionCode: string;
  regionName: string;
  industry: string | null;
  industryName: string | null;
  campaignName: string;
  periodFrom: string;
  periodTo: string;
  /** ISO instant the figures were counted. */
  generatedAt: string;
  enterprises: { total: number; byBatch: CountBy[]; byIndustry: CountBy[] };
  selfChecks: {
    /** Enterprises with at least one submitted form (submitted, approved or returned). */
    enterprisesSubmitted: number;
    enterprisesNotSubmitted: number;
    submitted: number;
    approved: number;
    returned: number;
  };
  problems: {
    total: number;
    byType: CountBy[];
    byHandling: CountBy[];
    byStatus: CountBy[];
    closed: number;
    /** closed / total, null when there is no problem. */
    closureRate: number | null;
    /** Not closed, deadline before the end of the period (or before today when the period is running). */
    overdue: number;
    /** Enterprises with at least one problem. */
    enterprises: number;
  };
  signOffs: { applied: number; districtVerified: number; closed: number; refused: number };
  monitoring: {
    monitors: number;
    /** Monitors that sent data in the period. */
    networkedMonitors: number;
    networkedShare: number | null;
    enterprisesWithMonitors: number;
    expected: number;
    received: number;
    valid: number;
    transmissionValidityRate: number | null;
    meetsTarget: boolean;
  };
  alarms: { exceedanceAlarms: number; sheets: number; confirmedSheets: number; exceedingEnterprises: number };
  notices: { issued: number };
  exceeding: ExceedingEnterprise[];
}

/** The share as 12.3% (one decimal), or 无数据 when there is nothing to divide. */
export function percentText(x: number | null): string {
  return x === null ? '无数据' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

const zhOf = (labels: readonly { key: string; zh: string }[]) =>
  Object.fromEntries(labels.map((l) => [l.key, l.zh])) as Readonly<Record<string, string>>;

/** Problem types of 附件3 (the ledger's labels). */
export const PROBLEM_TYPE_ZH = zhOf(PROBLEM_TYPES);

/** 001 第五阶段: 限期整改一批、挂牌督办一批、淘汰关闭一批. */
export const PROBLEM_HANDLING_ZH: Readonly<Record<string, string>> = {
  ...zhOf(PROBLEM_HANDLINGS),
  none: '未定处理方式',
};

export const PROBLEM_STATUS_ZH = zhOf(PROBLEM_STATUSES);
