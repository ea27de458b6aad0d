import { describe, expect, it } from 'vitest';
import {
  CHINA_CALENDAR_YEARS,
  chinaWorkCalendar as cn,
  overrideCalendar,
} from '../../src/deadlines/calendar';
import { addCalendarDays, dateText, weekdayOf } from '../../src/deadlines/date-text';

// Every date below was checked by hand against the State Council's yearly 放假安排 notice
// (国务院办公厅关于 20XX 年部分节假日安排的通知), not read back from the package.

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

describe('chinaWorkCalendar — national holidays and 调休', () => {
  it.each([
    // [first day off, last day off, name, adjusted working days]
    ['2017-01-27', '2017-02-02', '春节', ['2017-01-22', '2017-02-04']], // Sun 22 Jan, Sat 4 Feb
    ['2018-02-15', '2018-02-21', '春节', ['2018-02-11', '2018-02-24']], // Sun 11 Feb, Sat 24 Feb
    ['2019-02-04', '2019-02-10', '春节', ['2019-02-02', '2019-02-03']], // Sat 2, Sun 3 Feb
    ['2025-01-28', '2025-02-04', '春节', ['2025-01-26', '2025-02-08']], // Sun 26 Jan, Sat 8 Feb
    ['2026-02-15', '2026-02-23', '春节', ['2026-02-14', '2026-02-28']], // Sat 14, Sat 28 Feb
    ['2018-10-01', '2018-10-07', '国庆节', ['2018-09-29', '2018-09-30']], // Sat 29, Sun 30 Sep
    ['2019-10-01', '2019-10-07', '国庆节', ['2019-09-29', '2019-10-12']], // Sun 29 Sep, Sat 12 Oct
    ['2026-10-01', '2026-10-07', '国庆节', ['2026-09-20', '2026-10-10']], // Sun 20 Sep, Sat 10 Oct
  ])('%s … %s %s off; %j worked', (first, last, name, worked) => {
    for (const d of range(first, last)) {
      expect(cn.isWorkingDay(d), d).toBe(false);
      expect(cn.holidayName?.(d), d).toBe(name);
    }
    expect(cn.isWorkingDay(addCalendarDays(last, 1))).toBe(true); // back to work the next day (a weekday in all these)
    for (const d of worked) {
      expect([0, 6]).toContain(weekdayOf(d)); // a weekend day …
      expect(cn.isWorkingDay(d), d).toBe(true); // … that is worked
      expect(cn.adjustedFor?.(d), d).toBe(name);
      expect(cn.holidayName?.(d)).toBeUndefined();
    }
  });

  it('National Day and Mid-Autumn merged: 2017-10-01 … 08 and 2025-10-01 … 08, 中秋 on 4 Oct / 6 Oct', () => {
    for (const d of [...range('2017-10-01', '2017-10-08'), ...range('2025-10-01', '2025-10-08')]) {
      expect(cn.isWorkingDay(d), d).toBe(false);
    }
    expect(cn.holidayName?.('2017-10-04')).toBe('中秋');
    expect(cn.holidayName?.('2025-10-06')).toBe('中秋');
    expect(cn.isWorkingDay('2017-09-30')).toBe(true); // Saturday worked
    expect(cn.isWorkingDay('2025-09-28')).toBe(true); // Sunday worked
    expect(cn.isWorkingDay('2025-10-11')).toBe(true); // Saturday worked
    expect(cn.isWorkingDay('2025-10-12')).toBe(false); // plain Sunday
  });

  it('plain weekends and weekdays', () => {
    expect(cn.isWorkingDay('2019-03-15')).toBe(true); // Friday
    expect(cn.isWorkingDay('2019-03-16')).toBe(false); // Saturday
    expect(cn.holidayName?.('2019-03-16')).toBeUndefined();
    expect(cn.adjustedFor?.('2019-03-15')).toBeUndefined();
    expect(cn.isWorkingDay('2017-02-05')).toBe(false); // Sunday right after the 2017 adjusted Saturday
  });

  it.each([
    // 365 days − weekend days − statutory holidays (11 days until 2024, 13 from 2025): the
    // 调休 swaps cancel out within each of these years.
    [2017, 365 - 105 - 11],
    [2018, 365 - 104 - 11],
    [2019, 365 - 104 - 11],
    [2025, 365 - 104 - 13],
    [2026, 365 - 104 - 13],
  ])('%i has %i working days', (year, expected) => {
    const days = range(dateText(year, 1, 1), dateText(year, 12, 31));
    expect(days.filter((d) => cn.isWorkingDay(d))).toHaveLength(expected);
  });

  it('covers the programme years and today, and reports the years it does not know', () => {
    for (const y of [2017, 2018, 2019, 2020, 2024, 2025, 2026]) expect(cn.coverage(y)).toBe('known');
    expect(CHINA_CALENDAR_YEARS).toContain(2017);
    expect(CHINA_CALENDAR_YEARS.at(-1)).toBeGreaterThanOrEqual(2026);
    // 2027's arrangement is not published as of 2026-11: assumed plain weekends, and said so.
    expect(cn.coverage(2027)).toBe('assumed-weekends');
    expect(cn.coverage(1999)).toBe('assumed-weekends');
    expect(cn.isWorkingDay('2027-01-01')).toBe(true); // a Friday: what "assumed" means
  });

  it('rejects malformed dates', () => {
    for (const bad of ['2019-02-29', '2019-2-3', '2019-13-01', '20190203', '']) {
      expect(() => cn.isWorkingDay(bad), bad).toThrow(RangeError);
    }
  });
});

describe('overrideCalendar — a city or a test changes days', () => {
  it('adds a local day off and a working day, leaving the rest to the national calendar', () => {
    const city = overrideCalendar(cn, {
      daysOff: { '2018-06-15': '市庆' }, // a Friday
      workingDays: { '2018-06-16': '市庆补班' }, // the Saturday after
    });
    expect(city.isWorkingDay('2018-06-15')).toBe(false);
    expect(city.holidayName?.('2018-06-15')).toBe('市庆');
    expect(city.isWorkingDay('2018-06-16')).toBe(true);
    expect(city.adjustedFor?.('2018-06-16')).toBe('市庆补班');
    expect(city.holidayName?.('2018-06-16')).toBeUndefined();
    expect(city.isWorkingDay('2018-02-16')).toBe(false); // national 春节 still there
    expect(city.holidayName?.('2018-02-16')).toBe('春节');
    expect(city.adjustedFor?.('2018-02-24')).toBe('春节');
    expect(city.coverage(2018)).toBe('known');
    expect(cn.isWorkingDay('2018-06-15')).toBe(true); // the base is untouched
  });

  it('a year typed in from the State Council notice becomes known', () => {
    const withNext = overrideCalendar(cn, { daysOff: { '2027-01-01': '元旦' }, knownYears: [2027] });
    expect(withNext.coverage(2027)).toBe('known');
    expect(withNext.isWorkingDay('2027-01-01')).toBe(false);
    expect(withNext.coverage(2028)).toBe('assumed-weekends');
  });

  it('refuses a day listed both ways, and malformed dates', () => {
    expect(() =>
      overrideCalendar(cn, { daysOff: { '2018-06-15': 'a' }, workingDays: { '2018-06-15': 'b' } }),
    ).toThrow(RangeError);
    expect(() => overrideCalendar(cn, { daysOff: { '2018-6-15': 'a' } })).toThrow(RangeError);
  });
});
