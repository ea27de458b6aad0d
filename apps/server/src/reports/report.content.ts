import {
  chineseDate,
  endOfShanghaiDay,
  PROBLEM_HANDLINGS,
  PROBLEM_STATUSES,
  PROBLEM_TYPES,
  PROGRAMME_INDUSTRIES,
  type ReportPeriod,
  startOfShanghaiDay,
} from '@dabiao/domain';
import type { DbOrTrx } from '../platform/db/database';
import type { ReportTemplate } from './report-definitions.seed';

// What a district's report says, computed from the ledgers: problems (附件3 rows) and screening entries
// (附件1) of the district, as of the end of the period. The 001 附件3/附件4 tables are computed here too.

const labelOf = (list: readonly { key: string; zh: string }[], key: string | null) =>
  key ? (list.find((x) => x.key === key)?.zh ?? key) : '';
const industryZh = (key: string | null) =>
  PROGRAMME_INDUSTRIES.find((i) => i.key === key)?.zh ?? (key ? key : '其他行业');

/** Problem types counted as 超标 in the 001 tables: an enterprise with one of them is an 超标企业. */
export const EXCEEDANCE_TYPES = ['exceedance'] as const;

interface ProblemRow {
  id: number;
  district_code: string;
  enterprise_id: number;
  enterprise_name: string;
  programme_industry: string | null;
  problem_type: string;
  description: string;
  found_on: string;
  case_document_no: string | null;
  handling: string | null;
  measures: string | null;
  plan_status: string | null;
  deadline_on: string | null;
  status: string;
  closed_at: Date | null;
}

/** Problems of the districts under `regionPrefix` found on or before `asOf` (a date). */
async function problemsAsOf(db: DbOrTrx, regionPrefix: string, asOf: string): Promise<ProblemRow[]> {
  return db
    .selectFrom('problem')
    .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
    .select([
      'problem.id',
      'problem.district_code',
      'problem.enterprise_id',
      'enterprise.name as enterprise_name',
      'enterprise.programme_industry',
      'problem.problem_type',
      'problem.description',
      'problem.found_on',
      'problem.case_document_no',
      'problem.handling',
      'problem.measures',
      'problem.plan_status',
      'problem.deadline_on',
      'problem.status',
      'problem.closed_at',
    ])
    .where('problem.district_code', 'like', `${regionPrefix}%`)
    .where('problem.found_on', '<=', asOf)
    .orderBy('problem.district_code')
    .orderBy('problem.enterprise_id')
    .orderBy('problem.id')
    .execute();
}

const closedBy = (p: ProblemRow, end: Date) => p.status === 'closed' && !!p.closed_at && p.closed_at <= end;

async function districtNames(db: DbOrTrx): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', 'district')
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface SummaryRow {
  districtCode: string;
  district: string;
  industry: string;
  enterprises: number;
  done: number;
  deadlineRectification: number;
  listedSupervision: number;
  closure: number;
  inProgress: number;
  /** 整治完成率, 0..1; null when there is no 超标企业. */
  rate: number | null;
}

/** 附件3 rows: per district and industry, the 超标企业 and where their clean-up stands at the period's end. */
export async function exceedanceSummary(db: DbOrTrx, regionPrefix: string, period: ReportPeriod) {
  const end = endOfShanghaiDay(period.end);
  const problems = (await problemsAsOf(db, regionPrefix, period.end)).filter((p) =>
    (EXCEEDANCE_TYPES as readonly string[]).includes(p.problem_type),
  );
  const names = await districtNames(db);
  const byEnterprise = new Map<number, ProblemRow[]>();
  for (const p of problems)
    byEnterprise.set(p.enterprise_id, [...(byEnterprise.get(p.enterprise_id) ?? []), p]);
  const groups = new Map<string, SummaryRow>();
  for (const list of byEnterprise.values()) {
    const first = list[0]!;
    const key = `${first.district_code}|${first.programme_industry ?? ''}`;
    const row = groups.get(key) ?? {
      districtCode: first.district_code,
      district: names.get(first.district_code) ?? first.district_code,
      industry: industryZh(first.programme_industry),
      enterprises: 0,
      done: 0,
      deadlineRectification: 0,
      listedSupervision: 0,
      closure: 0,
      inProgress: 0,
      rate: null,
    };
    row.enterprises++;
    const done = list.every((p) => closedBy(p, end));
    if (done) row.done++;
    else row.inProgress++;
    const handlings = new Set(list.map((p) => p.handling));
    if (handlings.has('closure')) row.closure++;
    else if (handlings.has('listed_supervision')) row.listedSupervision++;
    else if (handlings.has('deadline_rectification')) row.deadlineRectification++;
    groups.set(key, row);
  }
  const rows = [...groups.values()].sort(
    (a, b) => a.districtCode.localeCompare(b.districtCode) || a.industry.localeCompare(b.industry, 'zh'),
  );
  for (const r of rows) r.rate = r.enterprises ? r.done / r.enterprises : null;
  const total = rows.reduce(
    (t, r) => {
      t.enterprises += r.enterprises;
      t.done += r.done;
      t.deadlineRectification += r.deadlineRectification;
      t.listedSupervision += r.listedSupervision;
      t.closure += r.closure;
      t.inProgress += r.inProgress;
      return t;
    },
    { enterprises: 0, done: 0, deadlineRectification: 0, listedSupervision: 0, closure: 0, inProgress: 0 },
  );
  return { rows, total: { ...total, rate: total.enterprises ? total.done / total.enterprises : null } };
}

export interface DetailRow {
  problemId: number;
  district: string;
  enterpriseName: string;
  industry: string;
  problemType: string;
  description: string;
  measures: string;
  deadline: string;
  progress: string;
  rectified: boolean;
}

/** 附件4 rows: every problem of each 超标企业, one row each, as of the period's end. */
export async function exceedanceDetail(db: DbOrTrx, regionPrefix: string, period: ReportPeriod) {
  const end = endOfShanghaiDay(period.end);
  const problems = await problemsAsOf(db, regionPrefix, period.end);
  const exceeding = new Set(
    problems
      .filter((p) => (EXCEEDANCE_TYPES as readonly string[]).includes(p.problem_type))
      .map((p) => p.enterprise_id),
  );
  const names = await districtNames(db);
  return problems
    .filter((p) => exceeding.has(p.enterprise_id))
    .map(
      (p): DetailRow => ({
        problemId: p.id,
        district: names.get(p.district_code) ?? p.district_code,
        enterpriseName: p.enterprise_name,
        industry: industryZh(p.programme_industry),
        problemType: labelOf(PROBLEM_TYPES, p.problem_type),
        description: p.description,
        measures: [labelOf(PROBLEM_HANDLINGS, p.handling), p.measures ?? ''].filter(Boolean).join('：'),
        deadline: p.deadline_on ? chineseDate(p.deadline_on) : '',
        progress: closedBy(p, end)
          ? '已销号'
          : [labelOf(PROBLEM_STATUSES, p.status), p.plan_status].filter(Boolean).join('，'),
        rectified: closedBy(p, end),
      }),
    );
}

/** Counts of the 004 ledgers for one district and period: screening entries, problems by type and handling, cases. */
export async function ledgerFigures(db: DbOrTrx, districtCode: string, period: ReportPeriod) {
  const start = startOfShanghaiDay(period.start);
  const end = endOfShanghaiDay(period.end);
  const problems = await problemsAsOf(db, districtCode, period.end);
  const inPeriod = (p: ProblemRow) => p.found_on >= period.start;
  const closedInPeriod = (p: ProblemRow) => closedBy(p, end) && (p.closed_at as Date) >= start;
  const screening = await db
    .selectFrom('screening_entry')
    .innerJoin('enterprise', 'enterprise.id', 'screening_entry.enterprise_id')
    .select(['screening_entry.updated_at', 'screening_entry.exceeded'])
    .where('enterprise.region_code', 'like', `${districtCode}%`)
    .where('screening_entry.updated_at', '<=', end)
    .execute();
  const byType = PROBLEM_TYPES.map((t) => {
    const of = problems.filter((p) => p.problem_type === t.key);
    return {
      type: t.key,
      label: t.zh,
      found: of.filter(inPeriod).length,
      open: of.filter((p) => !closedBy(p, end)).length,
      closed: of.filter(closedInPeriod).length,
    };
  }).filter((r) => r.found + r.open + r.closed > 0);
  const byHandling = PROBLEM_HANDLINGS.map((h) => ({
    handling: h.key,
    label: h.zh,
    open: problems.filter((p) => p.handling === h.key && !closedBy(p, end)).length,
    closed: problems.filter((p) => p.handling === h.key && closedInPeriod(p)).length,
  }));
  const cases = problems.filter((p) => p.case_document_no);
  return {
    screening: {
      entries: screening.length,
      updatedInPeriod: screening.filter((s) => s.updated_at >= start).length,
      exceeded: screening.filter((s) => s.exceeded === true).length,
    },
    problems: {
      foundInPeriod: problems.filter(inPeriod).length,
      open: problems.filter((p) => !closedBy(p, end)).length,
      closedInPeriod: problems.filter(closedInPeriod).length,
      total: problems.length,
    },
    byType,
    byHandling,
    cases: {
      inPeriod: cases.filter(inPeriod).length,
      total: cases.length,
      list: cases.filter(inPeriod).map((p) => ({
        problemId: p.id,
        enterpriseName: p.enterprise_name,
        caseDocumentNo: p.case_document_no,
        problemType: labelOf(PROBLEM_TYPES, p.problem_type),
      })),
    },
  };
}

/** The content a district's report is prefilled with when it does not send its own. */
export async function prefillContent(
  db: DbOrTrx,
  template: ReportTemplate,
  districtCode: string,
  period: ReportPeriod,
): Promise<Record<string, unknown>> {
  const head = {
    template,
    periodKey: period.key,
    periodLabel: period.labelZh,
    asOf: period.end,
    prefilled: true,
  };
  switch (template) {
    case 'ledger':
    case 'yearly_summary': {
      const figures = await ledgerFigures(db, districtCode, period);
      if (template === 'ledger') return { ...head, ...figures };
      const summary = await exceedanceSummary(db, districtCode, period);
      return { ...head, ...figures, exceedance: summary.total };
    }
    case 'enforcement': {
      const f = await ledgerFigures(db, districtCode, period);
      return { ...head, cases: f.cases, problems: f.problems, byType: f.byType, byHandling: f.byHandling };
    }
    case 'exceedance_summary':
      return { ...head, ...(await exceedanceSummary(db, districtCode, period)) };
    case 'exceedance_detail':
      return { ...head, rows: await exceedanceDetail(db, districtCode, period) };
  }
}
