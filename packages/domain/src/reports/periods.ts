/**
 * Periodic reports (L5): the period a report covers, its key, when it falls due (the deadline engine's
 * rule stored on the definition), the periods in a range, lateness in working days and the state of one
 * cell of the districts × periods matrix. Pure: `now` is always a parameter.
 *
 * Period keys: monthly '2026-10'; bimonthly '2026-10~11' (start year and months; across a year end
 * '2026-12~01'); yearly '2026'. A bimonthly period is the two months before a due month: 每双月5日前 with
 * due months 2, 4, …, 12 reports on 12~01, 02~03, …, 10~11 (the report due 5 Dec covers Oct and Nov).
 */
import type { WorkCalendar } from '../deadlines/calendar';
import {
  addCalendarDays,
  type DateText,
  dateText,
  daysInMonth,
  endOfShanghaiDay,
  parseDateText,
  shanghaiDateText,
  startOfShanghaiDay,
} from '../deadlines/date-text';
import { computeDue, type DeadlineRule, type Due } from '../deadlines/rules';
import { deadlineStatus, workingDaysBetween } from '../deadlines/status';

export type ReportCadence = 'monthly' | 'bimonthly' | 'yearly';

/** What the period arithmetic needs of a report definition. */
export interface ReportSchedule {
  cadence: ReportCadence;
  rule: DeadlineRule;
}

export interface ReportPeriod {
  key: string;
  /** First day of the period. */
  start: DateText;
  /** Last day of the period (inclusive). */
  end: DateText;
  /** 2026年10月, 2026年10—11月, 2026年. */
  labelZh: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The months a bimonthly period starts in: two months before each due month of the rule. */
export function bimonthlyStartMonths(rule: DeadlineRule): number[] {
  const due = rule.kind === 'dayOfMonth' && rule.inMonths?.length ? rule.inMonths : [2, 4, 6, 8, 10, 12];
  const offset = rule.kind === 'dayOfMonth' ? rule.offsetMonths : 1;
  // The report due in month m covers the two months ending offsetMonths before m.
  return [...new Set(due.map((m) => addMonths(2000, m, -offset - 1).month))].sort((a, b) => a - b);
}

function monthsPeriod(year: number, month: number, length: 1 | 2): ReportPeriod {
  const last = addMonths(year, month, length - 1);
  const start = dateText(year, month, 1);
  const end = dateText(last.year, last.month, daysInMonth(last.year, last.month));
  if (length === 1) return { key: `${year}-${pad2(month)}`, start, end, labelZh: `${year}年${month}月` };
  const labelZh =
    last.year === year
      ? `${year}年${month}—${last.month}月`
      : `${year}年${month}月—${last.year}年${last.month}月`;
  return { key: `${year}-${pad2(month)}~${pad2(last.month)}`, start, end, labelZh };
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const BIMONTH_KEY = /^(\d{4})-(\d{2})~(\d{2})$/;
const YEAR_KEY = /^(\d{4})$/;

/** The period named by `key`, or `null` when the key is not one of this schedule's periods. */
export function parsePeriodKey(schedule: ReportSchedule, key: string): ReportPeriod | null {
  if (schedule.cadence === 'monthly') {
    const m = MONTH_KEY.exec(key);
    const month = Number(m?.[2]);
    return m && month >= 1 && month <= 12 ? monthsPeriod(Number(m[1]), month, 1) : null;
  }
  if (schedule.cadence === 'bimonthly') {
    const m = BIMONTH_KEY.exec(key);
    if (!m) return null;
    const month = Number(m[2]);
    if (!bimonthlyStartMonths(schedule.rule).includes(month)) return null;
    const p = monthsPeriod(Number(m[1]), month, 2);
    return p.key === key ? p : null;
  }
  const y = YEAR_KEY.exec(key);
  return y ? { key, start: `${key}-01-01`, end: `${key}-12-31`, labelZh: `${key}年` } : null;
}

/** The period of this schedule that contains `date`. */
export function periodContaining(schedule: ReportSchedule, date: DateText): ReportPeriod {
  const { year, month } = parseDateText(date);
  if (schedule.cadence === 'monthly') return monthsPeriod(year, month, 1);
  if (schedule.cadence === 'yearly') return parsePeriodKey(schedule, String(year)) as ReportPeriod;
  const starts = bimonthlyStartMonths(schedule.rule);
  for (let back = 0; back < 12; back++) {
    const s = addMonths(year, month, -back);
    if (starts.includes(s.month)) {
      const p = monthsPeriod(s.year, s.month, 2);
      if (p.end >= date) return p;
    }
  }
  throw new RangeError(`no bimonthly period contains ${date}`);
}

/** The period right after `period`. */
export function nextPeriod(schedule: ReportSchedule, period: ReportPeriod): ReportPeriod {
  return periodContaining(schedule, addCalendarDays(period.end, 1));
}

/** When the report for `period` falls due: the rule started at the period's first day. */
export function reportDue(schedule: ReportSchedule, period: ReportPeriod, calendar: WorkCalendar): Due {
  return computeDue(schedule.rule, startOfShanghaiDay(period.start), calendar);
}

/** The periods that overlap [from, to] (dates, inclusive), oldest first; at most `limit`. */
export function periodsBetween(
  schedule: ReportSchedule,
  from: DateText,
  to: DateText,
  limit = 60,
): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  if (to < from) return out;
  for (let p = periodContaining(schedule, from); p.start <= to && out.length < limit; ) {
    out.push(p);
    p = nextPeriod(schedule, p);
  }
  return out;
}

/** The first period whose report is due at or after `now`, with its due date. */
export function nextDuePeriod(
  schedule: ReportSchedule,
  now: Date,
  calendar: WorkCalendar,
): { period: ReportPeriod; due: Due } {
  // A report falls due after its period starts, at most a couple of years later.
  let p = periodContaining(schedule, addCalendarDays(shanghaiDateText(now), -800));
  for (let i = 0; i < 1000; i++) {
    const due = reportDue(schedule, p, calendar);
    if (due.at.getTime() >= now.getTime()) return { period: p, due };
    p = nextPeriod(schedule, p);
  }
  throw new RangeError('no report falls due after now');
}

/** The latest period whose report was due before `now` (the one a late report is usually for). */
export function lastDuePeriod(schedule: ReportSchedule, now: Date, calendar: WorkCalendar): ReportPeriod {
  let p = nextDuePeriod(schedule, now, calendar).period;
  for (let i = 0; i < 40; i++) {
    p = periodContaining(schedule, addCalendarDays(p.start, -1));
    if (reportDue(schedule, p, calendar).at.getTime() < now.getTime()) return p;
  }
  throw new RangeError('no report was due before now');
}

export interface Lateness {
  late: boolean;
  /** Working days after the due day up to the day submitted (0 when on time, or late within a holiday). */
  lateDays: number;
}

/** Whether a report submitted at `submittedAt` is late, and by how many working days. */
export function lateness(due: Date, submittedAt: Date, calendar: WorkCalendar): Lateness {
  if (submittedAt.getTime() <= due.getTime()) return { late: false, lateDays: 0 };
  return { late: true, lateDays: Math.max(0, workingDaysBetween(due, submittedAt, calendar)) };
}

export type MatrixCell =
  | { state: 'on_time' }
  | { state: 'late'; lateDays: number }
  | { state: 'missing_overdue'; overdueDays: number }
  | { state: 'due_soon'; dueInMs: number }
  | { state: 'not_due' };

export interface MatrixCellInput {
  due: Date;
  now: Date;
  submission?: { late: boolean; lateDays: number } | null;
  /** How long before the due instant an unsubmitted report is `due_soon` (ms; default 3 days). */
  remindBefore?: number;
}

/** The state of one district × period cell. */
export function matrixCell(input: MatrixCellInput, calendar: WorkCalendar): MatrixCell {
  const s = input.submission;
  if (s) return s.late ? { state: 'late', lateDays: s.lateDays } : { state: 'on_time' };
  const status = deadlineStatus(input.due, input.now, { remindBefore: input.remindBefore ?? 3 * 86_400_000 });
  if (status.state === 'overdue') {
    return {
      state: 'missing_overdue',
      overdueDays: Math.max(0, workingDaysBetween(input.due, input.now, calendar)),
    };
  }
  return status.state === 'due-soon'
    ? { state: 'due_soon', dueInMs: status.remainingMs }
    : { state: 'not_due' };
}

/** `true` when `now` is before the first instant of the period (nothing to report yet). */
export function periodNotStarted(period: ReportPeriod, now: Date): boolean {
  return now.getTime() < startOfShanghaiDay(period.start).getTime();
}

/** The last instant of the period (23:59:59.999 Shanghai on its last day). */
export function periodEndsAt(period: ReportPeriod): Date {
  return endOfShanghaiDay(period.end);
}
