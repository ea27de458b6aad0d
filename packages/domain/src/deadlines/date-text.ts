/**
 * Civil dates as `YYYY-MM-DD` text, and the Asia/Shanghai instants around them. A working-day
 * calendar is a property of the date, not of an instant, so the deadline engine reasons in these
 * strings and only turns them into instants at the edges (UTC+8 all year, see monitoring/shanghai-time).
 */
import { SHANGHAI_OFFSET_MS } from '../monitoring/shanghai-time';

/** A civil date `YYYY-MM-DD` (Gregorian, no time, no zone). */
export type DateText = string;

const DAY_MS = 86_400_000;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

/** Days in `month` (1-12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse and validate a `YYYY-MM-DD` date; throws RangeError on anything else (including 2019-02-29). */
export function parseDateText(text: DateText): CivilDate {
  const m = DATE_TEXT.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
}

export function isDateText(text: string): boolean {
  const m = DATE_TEXT.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a civil date; `month` 1-12. */
export function dateText(year: number, month: number, day: number): DateText {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 of a civil date. */
function epochDay(text: DateText): number {
  const { year, month, day } = parseDateText(text);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(n: number): DateText {
  const d = new Date(n * DAY_MS);
  return dateText(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDateText(at: Date): DateText {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  return fromEpochDay(Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** `text` moved by `n` calendar days (n may be negative). */
export function addCalendarDays(text: DateText, n: number): DateText {
  return fromEpochDay(epochDay(text) + n);
}

/** Signed number of calendar days from `a` to `b`. */
export function calendarDaysBetween(a: DateText, b: DateText): number {
  return epochDay(b) - epochDay(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(text: DateText): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay(text) + 4) % 7) + 7) % 7;
}

/** 00:00:00.000 Shanghai time on `text`. */
export function startOfShanghaiDay(text: DateText): Date {
  return new Date(epochDay(text) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Shanghai time on `text`: the last instant that is still "on" that day. */
export function endOfShanghaiDay(text: DateText): Date {
  return new Date((epochDay(text) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}
