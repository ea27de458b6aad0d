import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cn } from '../../src/deadlines/calendar';
import { addCalendarDays, endOfShanghaiDay, shanghaiDateText } from '../../src/deadlines/date-text';
import { dueAt } from '../../src/deadlines/rules';
import { deadlineStatus, workingDaysBetween } from '../../src/deadlines/status';
import { shanghaiInstant as sh } from '../../src/monitoring/shanghai-time';

const HOUR = 3_600_000;

describe('deadlineStatus', () => {
  it('a 24-hour alarm sheet: open, due-soon, on time at the due instant, overdue 1 ms later', () => {
    const issued = sh(2018, 9, 30, 20, 0);
    const due = dueAt({ kind: 'hours', n: 24 }, issued, cn);
    const at = (ms: number) => deadlineStatus(due, new Date(due.getTime() + ms), { remindBefore: 4 * HOUR });
    expect(deadlineStatus(due, issued, { remindBefore: 4 * HOUR })).toEqual({
      state: 'open',
      remainingMs: 24 * HOUR,
    });
    expect(at(-4 * HOUR - 1)).toEqual({ state: 'open', remainingMs: 4 * HOUR + 1 });
    expect(at(-4 * HOUR)).toEqual({ state: 'due-soon', remainingMs: 4 * HOUR });
    expect(at(-1)).toEqual({ state: 'due-soon', remainingMs: 1 });
    expect(at(0)).toEqual({ state: 'due-soon', remainingMs: 0 });
    expect(at(1)).toEqual({ state: 'overdue', overdueMs: 1 });
    expect(at(26 * HOUR)).toEqual({ state: 'overdue', overdueMs: 26 * HOUR });
  });

  it('a day-based deadline is met all through its last day and missed at the next midnight', () => {
    // 3 working days from Friday 15 Mar 2019 → Wednesday 20 Mar, 23:59:59.999 Shanghai.
    const due = dueAt({ kind: 'workingDays', n: 3 }, sh(2019, 3, 15, 17, 0), cn);
    expect(due.toISOString()).toBe('2019-03-20T15:59:59.999Z');
    expect(deadlineStatus(due, sh(2019, 3, 20, 23, 59)).state).toBe('open');
    expect(deadlineStatus(due, new Date(due.getTime())).state).toBe('due-soon');
    expect(deadlineStatus(due, sh(2019, 3, 21, 0, 0))).toEqual({ state: 'overdue', overdueMs: 1 });
  });

  it('remindBefore defaults to 0: open until the due instant itself', () => {
    const due = endOfShanghaiDay('2017-02-06');
    expect(deadlineStatus(due, new Date(due.getTime() - 1))).toEqual({ state: 'open', remainingMs: 1 });
    expect(deadlineStatus(due, due)).toEqual({ state: 'due-soon', remainingMs: 0 });
  });

  it('refuses a negative or non-finite remindBefore, and invalid dates', () => {
    const due = endOfShanghaiDay('2017-02-06');
    expect(() => deadlineStatus(due, due, { remindBefore: -1 })).toThrow(RangeError);
    expect(() => deadlineStatus(due, due, { remindBefore: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => deadlineStatus(due, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first day up to and including the second', () => {
    expect(workingDaysBetween(sh(2019, 3, 15, 17, 0), sh(2019, 3, 20, 9, 0), cn)).toBe(3);
    expect(workingDaysBetween('2019-03-15', '2019-03-20', cn)).toBe(3);
    expect(workingDaysBetween('2019-03-20', '2019-03-15', cn)).toBe(-3);
    expect(workingDaysBetween('2019-03-15', '2019-03-15', cn)).toBe(0);
    expect(workingDaysBetween('2019-03-15', '2019-03-17', cn)).toBe(0); // a weekend
  });

  it('holiday weeks: 春节 2017 and 国庆 2025 (with their adjusted working days)', () => {
    // Fri 3 Feb and Sat 4 Feb (worked) and Mon 6 Feb.
    expect(workingDaysBetween('2017-01-26', '2017-02-06', cn)).toBe(3);
    // Sun 28 Sep (worked), Mon 29, Tue 30 Sep; 1 … 8 Oct off; Thu 9, Fri 10, Sat 11 (worked).
    expect(workingDaysBetween('2025-09-27', '2025-10-12', cn)).toBe(6);
  });

  it('measures lateness: a sheet due Wednesday 20 Mar 2019 still open on Friday is 2 working days late', () => {
    const due = endOfShanghaiDay('2019-03-20');
    expect(workingDaysBetween(due, sh(2019, 3, 22, 10, 0), cn)).toBe(2);
  });

  it('is the inverse of the workingDays rule (2017-2019, 2025-2026)', () => {
    const days = fc.oneof(
      fc.integer({ min: 0, max: 3 * 365 - 1 }).map((i) => addCalendarDays('2017-01-01', i)),
      fc.integer({ min: 0, max: 2 * 365 - 40 }).map((i) => addCalendarDays('2025-01-01', i)),
    );
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 30 }), (day, hour, n) => {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const from = sh(y, m, d, hour, 0);
        const due = dueAt({ kind: 'workingDays', n }, from, cn);
        expect(workingDaysBetween(from, due, cn)).toBe(n);
        if (n > 0) expect(cn.isWorkingDay(shanghaiDateText(due))).toBe(true);
        expect(due.getTime()).toBe(endOfShanghaiDay(shanghaiDateText(due)).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('refuses malformed dates', () => {
    expect(() => workingDaysBetween('2019-02-29', '2019-03-01', cn)).toThrow(RangeError);
  });
});
