import {
  addCalendarDays,
  chinaWorkCalendar,
  type DeadlineRule,
  type Due,
  lastDuePeriod,
  lateness,
  matrixCell,
  nextDuePeriod,
  parsePeriodKey,
  periodNotStarted,
  periodsBetween,
  type ReportCadence,
  type ReportPeriod,
  type ReportSchedule,
  reportDue,
  shanghaiDateText,
} from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import { type Principal, regionContains, regionPrefix } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import {
  AppError,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../platform/errors/app-error';
import { actorOf } from '../registry/enterprise.service';
import { prefillContent } from './report.content';
import type {
  DefinitionView,
  MatrixView,
  SubmissionCreate,
  SubmissionDecision,
  SubmissionView,
} from './report.schemas';
import type { ReportTemplate } from './report-definitions.seed';

const calendar = chinaWorkCalendar;
const READERS = new Set(['admin', 'city', 'district', 'department']);
const CITY = new Set(['admin', 'city']);

export function requireReportReader(p: Principal): void {
  if (!READERS.has(p.role)) throw forbidden('只有生态环境部门可以查看定期报告');
}

export interface DefinitionRecord {
  id: number;
  key: string;
  name: string;
  template: ReportTemplate;
  cadence: ReportCadence;
  schedule: ReportSchedule;
  rule: Record<string, unknown>;
  source: string | null;
  campaignId: number | null;
}

function toRecord(row: {
  id: number;
  key: string;
  name: string;
  template: string;
  cadence: ReportCadence;
  due_rule: Record<string, unknown>;
  source: string | null;
  campaign_id: number | null;
}): DefinitionRecord {
  const rule = typeof row.due_rule === 'string' ? JSON.parse(row.due_rule) : row.due_rule;
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    template: row.template as ReportTemplate,
    cadence: row.cadence,
    schedule: { cadence: row.cadence, rule: rule as DeadlineRule },
    rule,
    source: row.source,
    campaignId: row.campaign_id,
  };
}

export async function listDefinitionRecords(db: DbOrTrx): Promise<DefinitionRecord[]> {
  const rows = await db
    .selectFrom('report_definition')
    .selectAll()
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

export async function findDefinition(db: DbOrTrx, id: number): Promise<DefinitionRecord> {
  const row = await db.selectFrom('report_definition').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('报告');
  return toRecord(row);
}

export async function findDefinitionByKey(db: DbOrTrx, key: string): Promise<DefinitionRecord> {
  const row = await db.selectFrom('report_definition').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) throw notFound('报告');
  return toRecord(row);
}

const dueView = (period: ReportPeriod, due: Due) => ({
  periodKey: period.key,
  periodLabel: period.labelZh,
  dueAt: due.at.toISOString(),
  dueDate: due.date,
  rolledFrom: due.rolledFrom ?? null,
  provisional: due.assumedYears.length > 0,
});

export function presentDefinition(d: DefinitionRecord, now: Date): DefinitionView {
  const next = nextDuePeriod(d.schedule, now, calendar);
  const last = lastDuePeriod(d.schedule, now, calendar);
  return {
    id: d.id,
    key: d.key,
    name: d.name,
    template: d.template,
    cadence: d.cadence,
    rule: d.rule,
    source: d.source,
    campaignId: d.campaignId,
    nextDue: dueView(next.period, next.due),
    lastDue: dueView(last, reportDue(d.schedule, last, calendar)),
  };
}

/** The period a key names for this definition, or 422 on `path`. */
export function periodOf(d: DefinitionRecord, key: string, path: string): ReportPeriod {
  const period = parsePeriodKey(d.schedule, key);
  if (!period) {
    const example = d.cadence === 'monthly' ? '2026-10' : d.cadence === 'bimonthly' ? '2026-10~11' : '2026';
    throw invalid([{ path, message: `报告期格式应如 ${example}`, code: 'PERIOD' }]);
  }
  return period;
}

/** The districts `p` sees (its own district for a district bureau). */
async function districtsOf(db: DbOrTrx, p: Principal) {
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', 'district')
    .where('code', 'like', `${regionPrefix(p.regionCode)}%`)
    .orderBy('code')
    .execute();
  return rows;
}

async function districtName(db: DbOrTrx, code: string): Promise<string | null> {
  const row = await db
    .selectFrom('region')
    .select('name')
    .where('code', '=', code)
    .where('level', '=', 'district')
    .executeTakeFirst();
  return row?.name ?? null;
}

type SubmissionRow = Awaited<ReturnType<typeof findSubmissionRow>> & object;

async function findSubmissionRow(db: DbOrTrx, id: number) {
  return db
    .selectFrom('report_submission as s')
    .innerJoin('report_definition as d', 'd.id', 's.definition_id')
    .leftJoin('region as r', 'r.code', 's.region_code')
    .selectAll('s')
    .select(['d.name as definition_name', 'r.name as region_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function presentSubmission(row: SubmissionRow): SubmissionView {
  return {
    id: row.id,
    definitionId: row.definition_id,
    definitionName: row.definition_name,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    periodKey: row.period_key,
    dueAt: iso(row.due_at)!,
    submittedAt: iso(row.submitted_at)!,
    submittedBy: row.submitted_by,
    late: row.late,
    lateDays: row.late_days,
    content: row.content,
    note: row.note,
    status: row.status,
    receivedBy: row.received_by,
    receivedAt: iso(row.received_at),
    reviewNote: row.review_note,
    version: row.version,
  };
}

export async function getSubmission(db: DbOrTrx, p: Principal, id: number): Promise<SubmissionView> {
  requireReportReader(p);
  const row = await findSubmissionRow(db, id);
  if (!row) throw notFound('报送记录');
  if (!regionContains(p.regionCode, row.region_code)) throw outOfScope();
  return presentSubmission(row);
}

/** Which district `p` may report for: a district bureau its own, the city and admin any district. */
async function checkSubmitter(db: DbOrTrx, p: Principal, regionCode: string): Promise<string> {
  if (p.role !== 'district' && !CITY.has(p.role)) throw forbidden('只有县（市）区生态环境部门可以报送');
  const name = await districtName(db, regionCode);
  if (!name) throw invalid([{ path: '/regionCode', message: '不是本市的县（市）区', code: 'NOT_DISTRICT' }]);
  if (!regionContains(p.regionCode, regionCode)) throw outOfScope();
  return name;
}

/** The content a submission would be prefilled with (the submit dialog shows it). */
export async function prefillFor(
  db: Db,
  p: Principal,
  definitionId: number,
  regionCode: string,
  periodKey: string,
) {
  const d = await findDefinition(db, definitionId);
  await checkSubmitter(db, p, regionCode);
  const period = periodOf(d, periodKey, '/query/periodKey');
  return { periodLabel: period.labelZh, content: await prefillContent(db, d.template, regionCode, period) };
}

/**
 * A district's report for one period. A late report is accepted and marked late (working days after the due
 * day); a second one for the same period is 409 unless the city returned the first, which it then replaces.
 */
export async function submitReport(
  db: Db,
  p: Principal,
  definitionId: number,
  input: SubmissionCreate,
  now: Date,
  ip?: string,
): Promise<SubmissionView> {
  const d = await findDefinition(db, definitionId);
  await checkSubmitter(db, p, input.regionCode);
  const period = periodOf(d, input.periodKey, '/periodKey');
  if (periodNotStarted(period, now)) {
    throw invalid([{ path: '/periodKey', message: '报告期尚未开始', code: 'FUTURE_PERIOD' }]);
  }
  const due = reportDue(d.schedule, period, calendar);
  const { late, lateDays } = lateness(due.at, now, calendar);
  const content = input.content ?? (await prefillContent(db, d.template, input.regionCode, period));
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('report_submission')
      .select(['id', 'status', 'version'])
      .where('definition_id', '=', d.id)
      .where('region_code', '=', input.regionCode)
      .where('period_key', '=', period.key)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.status !== 'returned') {
      throw new AppError('CONFLICT', `${period.labelZh}的报告已报送`, [
        { path: '/periodKey', message: '本期已报送，退回后方可重新报送', code: 'ALREADY_SUBMITTED' },
      ]);
    }
    const values = {
      due_at: due.at,
      submitted_at: now,
      submitted_by: p.id,
      late,
      late_days: lateDays,
      content: JSON.stringify(content),
      note: input.note?.trim() || null,
      status: 'submitted' as const,
    };
    let id: number;
    let before: SubmissionView | undefined;
    if (existing) {
      before = presentSubmission((await findSubmissionRow(trx, existing.id))!);
      await trx
        .updateTable('report_submission')
        .set({ ...values, received_by: null, received_at: null, version: existing.version + 1 })
        .where('id', '=', existing.id)
        .execute();
      id = existing.id;
    } else {
      const row = await trx
        .insertInto('report_submission')
        .values({ ...values, definition_id: d.id, region_code: input.regionCode, period_key: period.key })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    const after = presentSubmission((await findSubmissionRow(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: existing ? 'resubmit' : 'submit', entity: 'report_submission', entityId: id, before, after },
      now,
    );
    return after;
  });
}

/** The city receives a report or returns it with a note (then the district may submit it again). */
export async function decideSubmission(
  db: Db,
  p: Principal,
  id: number,
  action: 'receive' | 'return',
  input: SubmissionDecision,
  now: Date,
  ip?: string,
): Promise<SubmissionView> {
  if (!CITY.has(p.role)) throw forbidden('只有市局可以签收或退回报告');
  const before = await getSubmission(db, p, id);
  if (action === 'return' && !input.note?.trim()) {
    throw invalid([{ path: '/note', message: '退回须说明理由', code: 'REQUIRED' }]);
  }
  if (input.version !== before.version) throw staleVersion();
  if (before.status !== 'submitted') {
    throw new AppError('CONFLICT', '报告已签收或退回', [
      { path: '/status', message: `当前状态：${before.status}`, code: 'NOT_SUBMITTED' },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('report_submission')
      .set({
        status: action === 'receive' ? 'received' : 'returned',
        received_by: p.id,
        received_at: now,
        review_note: input.note?.trim() || null,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw staleVersion();
    const after = presentSubmission((await findSubmissionRow(trx, id))!);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action, entity: 'report_submission', entityId: id, before, after },
      now,
    );
    return after;
  });
}

/** Districts × periods: who reported, on time or late by how many working days, and who is missing. */
export async function reportMatrix(
  db: Db,
  p: Principal,
  definitionId: number,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<MatrixView> {
  requireReportReader(p);
  const d = await findDefinition(db, definitionId);
  const today = shanghaiDateText(now);
  const to = query.to ?? today;
  const span = d.cadence === 'yearly' ? -3 * 366 : d.cadence === 'bimonthly' ? -330 : -170;
  const from = query.from ?? addCalendarDays(to, span);
  if (from > to) throw invalid([{ path: '/query/from', message: '起始日期晚于结束日期', code: 'RANGE' }]);
  const periods = periodsBetween(d.schedule, from, to, 36);
  const districts = await districtsOf(db, p);
  const subs = periods.length
    ? await db
        .selectFrom('report_submission')
        .select(['id', 'region_code', 'period_key', 'late', 'late_days', 'status', 'submitted_at'])
        .where('definition_id', '=', d.id)
        .where(
          'period_key',
          'in',
          periods.map((x) => x.key),
        )
        .where('region_code', 'like', `${regionPrefix(p.regionCode)}%`)
        .execute()
    : [];
  const byCell = new Map(subs.map((s) => [`${s.region_code}|${s.period_key}`, s]));
  const dues = periods.map((x) => reportDue(d.schedule, x, calendar));
  return {
    definitionId: d.id,
    periods: periods.map((x, i) => ({
      key: x.key,
      label: x.labelZh,
      start: x.start,
      end: x.end,
      dueAt: dues[i]!.at.toISOString(),
      dueDate: dues[i]!.date,
      rolledFrom: dues[i]!.rolledFrom ?? null,
      provisional: dues[i]!.assumedYears.length > 0,
    })),
    rows: districts.map((r) => ({
      regionCode: r.code,
      regionName: r.name,
      cells: periods.map((x, i) => {
        const s = byCell.get(`${r.code}|${x.key}`);
        const cell = matrixCell(
          { due: dues[i]!.at, now, submission: s ? { late: s.late, lateDays: s.late_days } : null },
          calendar,
        );
        return {
          periodKey: x.key,
          ...cell,
          submissionId: s?.id ?? null,
          status: s?.status ?? null,
          submittedAt: iso(s?.submitted_at ?? null),
        };
      }),
    })),
  };
}
