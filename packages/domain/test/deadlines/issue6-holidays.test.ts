import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cn } from '../../src/deadlines/calendar';
import { computeDue, type DeadlineRule } from '../../src/deadlines/rules';
import { deadlineStatus, workingDaysBetween } from '../../src/deadlines/status';
import { shanghaiInstant as sh } from '../../src/monitoring/shanghai-time';

// Issue 6 must show: deadlines across the Spring Festival and National Day 2026, and a 调休 Saturday
// counted as a working day (2026 arrangement: 春节 15 … 23 Feb, Sat 14 and Sat 28 Feb worked;
// 国庆 1 … 7 Oct, Sun 20 Sep and Sat 10 Oct worked).

describe('2026 holidays in the periodic reports and to-dos', () => {
  const monthly5: DeadlineRule = { kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: true };

  it('a report due during the National Day week rolls to the next working day (Mon 5 Oct → Thu 8 Oct)', () => {
    const r = computeDue(monthly5, sh(2026, 9, 15), cn);
    expect(r.rolledFrom).toBe('2026-10-05');
    expect(r.date).toBe('2026-10-08');
    expect(r.at.toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(r.assumedYears).toEqual([]);
    // Without rolling it stays on the holiday.
    expect(computeDue({ ...monthly5, rollToWorkingDay: false }, sh(2026, 9, 15), cn).date).toBe('2026-10-05');
  });

  it('3 working days across the Spring Festival 2026: Thu 12 Feb → Fri 13, Sat 14 (调休), Tue 24 Feb', () => {
    const r = computeDue({ kind: 'workingDays', n: 3 }, sh(2026, 2, 12, 10, 0), cn);
    expect(r.date).toBe('2026-02-24');
    expect(workingDaysBetween('2026-02-12', '2026-02-24', cn)).toBe(3);
  });

  it('the adjusted Saturday 10 Oct 2026 counts as a day of lateness; the holiday days do not', () => {
    // Due Wed 30 Sep; still open on Mon 12 Oct: Thu 8, Fri 9, Sat 10 (worked), Mon 12 = 4 working days late.
    const dueAt = computeDue({ kind: 'date', date: '2026-09-30' }, sh(2026, 9, 1), cn).at;
    const now = sh(2026, 10, 12, 9, 0);
    expect(deadlineStatus(dueAt, now).state).toBe('overdue');
    expect(workingDaysBetween(dueAt, now, cn)).toBe(4);
    expect(cn.isWorkingDay('2026-10-10')).toBe(true);
    expect(cn.isWorkingDay('2026-10-07')).toBe(false);
  });

  it('a due date in 2027 (arrangement not yet published) is provisional', () => {
    const r = computeDue(
      { kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: true },
      sh(2027, 1, 10),
      cn,
    );
    expect(r.assumedYears).toEqual([2027]);
  });
});
