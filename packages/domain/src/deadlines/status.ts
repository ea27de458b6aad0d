/**
 * Where a deadline stands at `now` (always a parameter: this module reads no clock), and working
 * days between two dates.
 */
import type { WorkCalendar } from './calendar';
import {
  addCalendarDays,
  calendarDaysBetween,
  type DateText,
  parseDateText,
  shanghaiDateText,
} from './date-text';

export type DeadlineState = 'open' | 'due-soon' | 'overdue';

export type DeadlineStatus =
  /** More than `remindBefore` left. */
  | { state: 'open'; remainingMs: number }
  /** At most `remindBefore` left, the due instant itself included. */
  | { state: 'due-soon'; remainingMs: number }
  /** Past the due instant: from `due` + 1 ms on. */
  | { state: 'overdue'; overdueMs: number };

export interface StatusOptions {
  /** How long before the due instant a deadline becomes `due-soon`, in ms (default 0). */
  remindBefore?: number;
}

/**
 * `overdue` once `now` is later than `due` (the due instant is the last one on time: a day-based
 * deadline due 23:59:59.999 is met at that millisecond and missed one later).
 */
export function deadlineStatus(due: Date, now: Date, options: StatusOptions = {}): DeadlineStatus {
  const remindBefore = options.remindBefore ?? 0;
  if (!(remindBefore >= 0) || !Number.isFinite(remindBefore)) {
    throw new RangeError(`remindBefore must be a finite number of ms >= 0, got ${remindBefore}`);
  }
  const remainingMs = due.getTime() - now.getTime();
  if (!Number.isFinite(remainingMs)) throw new RangeError('invalid Date');
  if (remainingMs < 0) return { state: 'overdue', overdueMs: -remainingMs };
  return { state: remainingMs <= remindBefore ? 'due-soon' : 'open', remainingMs };
}

const dayOf = (x: Date | DateText): DateText => {
  if (typeof x === 'string') {
    parseDateText(x);
    return x;
  }
  return shanghaiDateText(x);
};

/**
 * Working days after `a`'s day up to and including `b`'s day (Shanghai dates; instants or
 * `YYYY-MM-DD`); negative when `b` is before `a`. The counterpart of the `workingDays` rule:
 * `workingDaysBetween(from, dueAt({ kind: 'workingDays', n }, from, c), c) === n`, and a sheet
 * due on Wednesday and still open on Friday is `workingDaysBetween(due, now)` = 2 working days late.
 */
export function workingDaysBetween(a: Date | DateText, b: Date | DateText, calendar: WorkCalendar): number {
  const from = dayOf(a);
  const to = dayOf(b);
  const span = calendarDaysBetween(from, to);
  const [lo, days, sign] = span >= 0 ? [from, span, 1] : [to, -span, -1];
  let count = 0;
  for (let i = 1; i <= days; i++) if (calendar.isWorkingDay(addCalendarDays(lo, i))) count++;
  return sign * count;
}
