/**
 * Deadline rules as data, and when a rule falls due. Conventions (README.md): the day of the
 * starting instant is not counted (民法典 第二百零一条); a day-based deadline ends at 23:59:59.999
 * Shanghai time on its last day; `hours` are exact calendar hours, holidays included.
 */
import type { WorkCalendar } from './calendar';
import {
  addCalendarDays,
  type DateText,
  dateText,
  daysInMonth,
  endOfShanghaiDay,
  parseDateText,
  shanghaiDateText,
} from './date-text';

export type DeadlineRule =
  /** `n` calendar hours after the starting instant, exactly (the 24-hour alarm response). */
  | { kind: 'hours'; n: number }
  /** End of the `n`-th calendar day after the starting day. */
  | { kind: 'calendarDays'; n: number; rollToWorkingDay?: boolean }
  /** End of the `n`-th working day after the starting day (counting starts on the next working day). */
  | { kind: 'workingDays'; n: number }
  /** End of the same day-of-month `n` months later, clamped to the month's last day (rectification periods). */
  | { kind: 'months'; n: number; rollToWorkingDay?: boolean }
  /**
   * End of day `day` of the month `offsetMonths` after the starting day's month (e.g. 每月5日前 for
   * the previous month: day 5, offsetMonths 1); `day` 31 means the month's last day. With `inMonths`
   * (1-12), the first such month at or after that one (双月 = [2, 4, 6, 8, 10, 12]).
   * `rollToWorkingDay` must be said: does a due day that is not a working day move to the next one?
   */
  | {
      kind: 'dayOfMonth';
      day: number;
      offsetMonths: number;
      rollToWorkingDay: boolean;
      inMonths?: readonly number[];
    }
  /** End of `month`/`day` in the starting day's year + `offsetYears` (default 0); day clamped to the month. */
  | { kind: 'yearly'; month: number; day: number; offsetYears?: number; rollToWorkingDay?: boolean }
  /** A fixed date (a campaign phase: 2017年9月底前 → 2017-09-30). */
  | { kind: 'date'; date: DateText; rollToWorkingDay?: boolean };

export interface Due {
  /** The last instant that is still on time. */
  at: Date;
  /** The due date in Shanghai (for `hours`, the date of `at`). */
  date: DateText;
  /** The date the rule named before it was moved to a working day, when it was. */
  rolledFrom?: DateText;
  /**
   * Years the calendar was asked about but does not know (coverage `assumed-weekends`), ascending:
   * when non-empty the due date assumes plain weekends there and must be shown as provisional.
   */
  assumedYears: readonly number[];
}

function requireInt(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${value}`);
  }
}

/** A calendar that remembers which years it was asked about. */
function tracking(calendar: WorkCalendar): { calendar: WorkCalendar; years: Set<number> } {
  const years = new Set<number>();
  return {
    years,
    calendar: {
      isWorkingDay(date) {
        years.add(parseDateText(date).year);
        return calendar.isWorkingDay(date);
      },
      coverage: (year) => calendar.coverage(year),
    },
  };
}

/** Month `month` (1-12) of `year` moved by `n` months. */
function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function clampedDate(year: number, month: number, day: number): DateText {
  return dateText(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The first working day at or after `date` (a year of non-working days is treated as an error). */
export function nextWorkingDayOnOrAfter(date: DateText, calendar: WorkCalendar): DateText {
  let d = date;
  for (let i = 0; i < 366; i++) {
    if (calendar.isWorkingDay(d)) return d;
    d = addCalendarDays(d, 1);
  }
  throw new RangeError(`no working day within a year of ${date}`);
}

/** The `n`-th working day strictly after `date` (`date` itself when n = 0). */
export function addWorkingDays(date: DateText, n: number, calendar: WorkCalendar): DateText {
  requireInt(n, 0, 10_000, 'working days');
  let d = date;
  let idle = 0;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (calendar.isWorkingDay(d)) {
      left--;
      idle = 0;
    } else if (++idle > 366) throw new RangeError(`no working day within a year after ${date}`);
  }
  return d;
}

/** The date a day-based rule names, before any rolling. */
function namedDate(rule: Exclude<DeadlineRule, { kind: 'hours' }>, start: DateText, calendar: WorkCalendar) {
  const { year, month, day } = parseDateText(start);
  switch (rule.kind) {
    case 'calendarDays':
      requireInt(rule.n, 0, 100_000, 'calendar days');
      return addCalendarDays(start, rule.n);
    case 'workingDays':
      return addWorkingDays(start, rule.n, calendar);
    case 'months': {
      requireInt(rule.n, 0, 1200, 'months');
      const m = addMonths(year, month, rule.n);
      return clampedDate(m.year, m.month, day);
    }
    case 'dayOfMonth': {
      requireInt(rule.day, 1, 31, 'day');
      requireInt(rule.offsetMonths, -1200, 1200, 'offsetMonths');
      let m = addMonths(year, month, rule.offsetMonths);
      if (rule.inMonths !== undefined) {
        const allowed = rule.inMonths;
        if (allowed.length === 0) throw new RangeError('inMonths is empty');
        for (const x of allowed) requireInt(x, 1, 12, 'inMonths');
        while (!allowed.includes(m.month)) m = addMonths(m.year, m.month, 1);
      }
      return clampedDate(m.year, m.month, rule.day);
    }
    case 'yearly':
      requireInt(rule.month, 1, 12, 'month');
      requireInt(rule.day, 1, 31, 'day');
      requireInt(rule.offsetYears ?? 0, -100, 100, 'offsetYears');
      return clampedDate(year + (rule.offsetYears ?? 0), rule.month, rule.day);
    case 'date':
      parseDateText(rule.date);
      return rule.date;
  }
}

/** When `rule`, started at `from`, falls due on `calendar`, with what the calendar had to assume. */
export function computeDue(rule: DeadlineRule, from: Date, calendar: WorkCalendar): Due {
  if (!Number.isFinite(from.getTime())) throw new RangeError('invalid Date');
  if (rule.kind === 'hours') {
    requireInt(rule.n, 0, 1_000_000, 'hours');
    const at = new Date(from.getTime() + rule.n * 3_600_000);
    return { at, date: shanghaiDateText(at), assumedYears: [] };
  }
  const t = tracking(calendar);
  const named = namedDate(rule, shanghaiDateText(from), t.calendar);
  const roll = rule.kind !== 'workingDays' && rule.rollToWorkingDay === true;
  const date = roll ? nextWorkingDayOnOrAfter(named, t.calendar) : named;
  const assumedYears = [...t.years].filter((y) => calendar.coverage(y) !== 'known').sort((a, b) => a - b);
  return {
    at: endOfShanghaiDay(date),
    date,
    ...(date !== named ? { rolledFrom: named } : {}),
    assumedYears,
  };
}

/** The instant `rule`, started at `from`, falls due: exact for `hours`, else 23:59:59.999 Shanghai. */
export function dueAt(rule: DeadlineRule, from: Date, calendar: WorkCalendar): Date {
  return computeDue(rule, from, calendar).at;
}
