import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  daysInMonth,
  endOfShanghaiDay,
  isDateText,
  parseDateText,
  shanghaiDateText,
  startOfShanghaiDay,
  weekdayOf,
} from '../../src/deadlines/date-text';

describe('date-text', () => {
  it('Shanghai date of an instant (UTC+8)', () => {
    expect(shanghaiDateText(new Date('2018-12-31T15:59:59.999Z'))).toBe('2018-12-31');
    expect(shanghaiDateText(new Date('2018-12-31T16:00:00.000Z'))).toBe('2019-01-01');
  });

  it('start and end of a Shanghai day', () => {
    expect(startOfShanghaiDay('2019-01-01').toISOString()).toBe('2018-12-31T16:00:00.000Z');
    expect(endOfShanghaiDay('2019-01-01').toISOString()).toBe('2019-01-01T15:59:59.999Z');
  });

  it('calendar arithmetic across month, leap and year ends', () => {
    expect(addCalendarDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addCalendarDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addCalendarDays('2019-01-01', -1)).toBe('2018-12-31');
    expect(calendarDaysBetween('2017-01-01', '2018-01-01')).toBe(365);
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(2020, 2)).toBe(29);
  });

  it('weekdays: 1 Jan 2017 was a Sunday, 1 Oct 2019 a Tuesday, 23 Nov 2026 a Monday', () => {
    expect(weekdayOf('2017-01-01')).toBe(0);
    expect(weekdayOf('2019-10-01')).toBe(2);
    expect(weekdayOf('2026-11-23')).toBe(1);
  });

  it('validates', () => {
    expect(isDateText('2020-02-29')).toBe(true);
    expect(isDateText('2019-02-29')).toBe(false);
    expect(isDateText('2019-02-3')).toBe(false);
    expect(() => parseDateText('2019-00-10')).toThrow(RangeError);
    expect(parseDateText('2019-10-01')).toEqual({ year: 2019, month: 10, day: 1 });
  });
});
