/**
 * Working-day calendars. The national one reads the State Council holiday arrangements (放假安排,
 * with their adjusted working days 调休上班) from the data file the `chinese-days` package ships;
 * a city or a test layers its own days on top with `overrideCalendar`. See README.md.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { type DateText, parseDateText, weekdayOf } from './date-text';

/**
 * `known`: the year's official arrangement is in the calendar. `assumed-weekends`: it is not
 * (not yet published, or before the data starts), so Monday-Friday is assumed to be working and
 * Saturday/Sunday not — the result may be wrong around holidays and callers must say so.
 */
export type CalendarCoverage = 'known' | 'assumed-weekends';

export interface WorkCalendar {
  /** Is `date` (YYYY-MM-DD) a working day? Throws RangeError on a malformed date. */
  isWorkingDay(date: DateText): boolean;
  /** The name of the holiday or local day off on `date` (e.g. 春节), undefined on other days. */
  holidayName?(date: DateText): string | undefined;
  /** For a Saturday/Sunday that is a working day (调休上班): the holiday it makes up for. */
  adjustedFor?(date: DateText): string | undefined;
  coverage(year: number): CalendarCoverage;
}

const isWeekend = (date: DateText) => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/** `Spring Festival,春节,4` (English, Chinese, statutory days) → 春节. */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

const HOLIDAYS: Readonly<Record<DateText, string>> = data.holidays;
const ADJUSTED_WORKING_DAYS: Readonly<Record<DateText, string>> = data.workdays;

/**
 * A year counts as known when the data has both its Spring Festival and its National Day: a year
 * with only a stray cross-year entry (e.g. an adjusted Sunday in early January filed under the
 * previous arrangement) is not a published arrangement.
 */
const KNOWN_YEARS: ReadonlySet<number> = (() => {
  const festival = new Set<number>();
  const national = new Set<number>();
  for (const [date, entry] of Object.entries(HOLIDAYS)) {
    const year = Number(date.slice(0, 4));
    const name = chineseName(entry);
    if (name === '春节') festival.add(year);
    if (name === '国庆节') national.add(year);
  }
  return new Set([...festival].filter((y) => national.has(y)));
})();

function own(table: Readonly<Record<DateText, string>>, date: DateText): string | undefined {
  return Object.hasOwn(table, date) ? table[date] : undefined;
}

/** The years the national calendar knows, ascending. */
export const CHINA_CALENDAR_YEARS: readonly number[] = [...KNOWN_YEARS].sort((a, b) => a - b);

/**
 * Mainland China's national working days: Monday-Friday, minus statutory holidays (with the
 * weekdays given off in lieu), plus the weekend days worked instead (调休上班).
 */
export const chinaWorkCalendar: WorkCalendar = {
  isWorkingDay(date) {
    parseDateText(date);
    if (own(ADJUSTED_WORKING_DAYS, date) !== undefined) return true;
    if (own(HOLIDAYS, date) !== undefined) return false;
    return !isWeekend(date);
  },
  holidayName(date) {
    parseDateText(date);
    const entry = own(HOLIDAYS, date);
    return entry === undefined ? undefined : chineseName(entry);
  },
  adjustedFor(date) {
    parseDateText(date);
    const entry = own(ADJUSTED_WORKING_DAYS, date);
    return entry === undefined ? undefined : chineseName(entry);
  },
  coverage(year) {
    return KNOWN_YEARS.has(year) ? 'known' : 'assumed-weekends';
  },
};

export interface CalendarOverrides {
  /** Extra days off, date → name: a city's local day off, or a holiday not yet in the package. */
  daysOff?: Readonly<Record<DateText, string>>;
  /** Days that are working days whatever the base says, date → reason (e.g. a 调休 Saturday). */
  workingDays?: Readonly<Record<DateText, string>>;
  /**
   * Years whose whole arrangement these overrides supply (typed in from the State Council notice
   * before the package has it): `coverage` reports them as known.
   */
  knownYears?: readonly number[];
}

/** `base` with some days changed. Throws RangeError on a malformed date or a day listed both ways. */
export function overrideCalendar(base: WorkCalendar, overrides: CalendarOverrides): WorkCalendar {
  const daysOff: Readonly<Record<DateText, string>> = { ...overrides.daysOff };
  const workingDays: Readonly<Record<DateText, string>> = { ...overrides.workingDays };
  for (const date of Object.keys(daysOff)) {
    parseDateText(date);
    if (Object.hasOwn(workingDays, date)) throw new RangeError(`${date} is both a day off and a working day`);
  }
  for (const date of Object.keys(workingDays)) parseDateText(date);
  const knownYears = new Set(overrides.knownYears ?? []);
  return {
    isWorkingDay(date) {
      if (own(workingDays, date) !== undefined) return true;
      if (own(daysOff, date) !== undefined) return false;
      return base.isWorkingDay(date);
    },
    holidayName(date) {
      if (own(workingDays, date) !== undefined) return undefined;
      return own(daysOff, date) ?? base.holidayName?.(date);
    },
    adjustedFor(date) {
      if (own(daysOff, date) !== undefined) return undefined;
      const reason = own(workingDays, date);
      if (reason !== undefined) return isWeekend(date) ? reason : undefined;
      return base.adjustedFor?.(date);
    },
    coverage(year) {
      return knownYears.has(year) ? 'known' : base.coverage(year);
    },
  };
}
