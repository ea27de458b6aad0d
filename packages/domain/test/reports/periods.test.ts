import { describe, expect, it } from 'vitest';
import {
  bimonthlyStartMonths,
  chinaWorkCalendar as cal,
  chineseDate,
  type DeadlineRule,
  districtDocPrefix,
  isRectificationPeriod,
  lastDuePeriod,
  lateness,
  matrixCell,
  nextDuePeriod,
  parsePeriodKey,
  periodContaining,
  periodsBetween,
  type ReportSchedule,
  rectificationDue,
  rectificationNoticeNumber,
  reportDue,
} from '../../src/index';

const monthly = (day: number): ReportSchedule => ({
  cadence: 'monthly',
  rule: { kind: 'dayOfMonth', day, offsetMonths: 1, rollToWorkingDay: false },
});
const bimonthly: ReportSchedule = {
  cadence: 'bimonthly',
  rule: {
    kind: 'dayOfMonth',
    day: 5,
    offsetMonths: 1,
    rollToWorkingDay: false,
    inMonths: [2, 4, 6, 8, 10, 12],
  },
};
const yearly: ReportSchedule = {
  cadence: 'yearly',
  rule: { kind: 'yearly', month: 12, day: 7, rollToWorkingDay: false } satisfies DeadlineRule,
};
const sh = (local: string) => new Date(`${local}+08:00`);

describe('period keys', () => {
  it('names monthly, bimonthly and yearly periods', () => {
    expect(periodContaining(monthly(1), '2026-10-17')).toEqual({
      key: '2026-10',
      start: '2026-10-01',
      end: '2026-10-31',
      labelZh: '2026年10月',
    });
    expect(periodContaining(bimonthly, '2026-11-30')).toMatchObject({
      key: '2026-10~11',
      start: '2026-10-01',
      end: '2026-11-30',
    });
    expect(periodContaining(bimonthly, '2027-01-15')).toMatchObject({
      key: '2026-12~01',
      start: '2026-12-01',
      end: '2027-01-31',
      labelZh: '2026年12月—2027年1月',
    });
    expect(periodContaining(yearly, '2026-03-01')).toMatchObject({ key: '2026', end: '2026-12-31' });
  });

  it('parses only the keys of its own cadence', () => {
    expect(parsePeriodKey(monthly(1), '2026-02')?.end).toBe('2026-02-28');
    expect(parsePeriodKey(monthly(1), '2026-13')).toBeNull();
    expect(parsePeriodKey(monthly(1), '2026')).toBeNull();
    expect(parsePeriodKey(bimonthly, '2026-10~11')?.labelZh).toBe('2026年10—11月');
    expect(parsePeriodKey(bimonthly, '2026-09~10')).toBeNull();
    expect(parsePeriodKey(bimonthly, '2026-10~12')).toBeNull();
    expect(parsePeriodKey(yearly, '2026')?.start).toBe('2026-01-01');
    expect(parsePeriodKey(yearly, '2026-01')).toBeNull();
  });

  it('derives the bimonthly periods from the due months', () => {
    expect(bimonthlyStartMonths(bimonthly.rule)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('lists the periods overlapping a range', () => {
    expect(periodsBetween(monthly(1), '2026-05-15', '2026-10-01').map((p) => p.key)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(periodsBetween(bimonthly, '2026-09-01', '2027-01-01').map((p) => p.key)).toEqual([
      '2026-08~09',
      '2026-10~11',
      '2026-12~01',
    ]);
    expect(periodsBetween(yearly, '2025-06-01', '2026-01-01').map((p) => p.key)).toEqual(['2025', '2026']);
    expect(periodsBetween(monthly(1), '2026-05-01', '2026-04-01')).toEqual([]);
  });
});

describe('due dates', () => {
  it('每月1日前 for the previous month: due at the end of the 1st, not rolled off the National Day holiday', () => {
    const due = reportDue(monthly(1), parsePeriodKey(monthly(1), '2026-09')!, cal);
    expect(due.date).toBe('2026-10-01');
    expect(due.at.toISOString()).toBe('2026-10-01T15:59:59.999Z');
    expect(due.rolledFrom).toBeUndefined();
  });

  it('每双月5日前: the October–November table is due on 5 December', () => {
    expect(reportDue(bimonthly, parsePeriodKey(bimonthly, '2026-10~11')!, cal).date).toBe('2026-12-05');
    expect(reportDue(bimonthly, parsePeriodKey(bimonthly, '2026-12~01')!, cal).date).toBe('2027-02-05');
  });

  it('the yearly summary is due on 7 December of its year', () => {
    expect(reportDue(yearly, parsePeriodKey(yearly, '2026')!, cal).date).toBe('2026-12-07');
  });

  it('finds the next and the last due period', () => {
    const now = sh('2026-11-23T10:00:00');
    expect(nextDuePeriod(monthly(3), now, cal)).toMatchObject({
      period: { key: '2026-11' },
      due: { date: '2026-12-03' },
    });
    expect(lastDuePeriod(monthly(3), now, cal).key).toBe('2026-10');
    expect(nextDuePeriod(bimonthly, now, cal).period.key).toBe('2026-10~11');
    expect(lastDuePeriod(bimonthly, now, cal).key).toBe('2026-08~09');
    expect(nextDuePeriod(yearly, now, cal).due.date).toBe('2026-12-07');
    // On the due day itself the report is still the next one due.
    expect(nextDuePeriod(monthly(1), sh('2026-11-01T23:00:00'), cal).period.key).toBe('2026-10');
  });
});

describe('lateness and matrix cells', () => {
  const due = reportDue(monthly(1), parsePeriodKey(monthly(1), '2026-09')!, cal).at; // 2026-10-01

  it('counts working days after the due day: 9 Oct is 2 working days late across the holiday', () => {
    expect(lateness(due, sh('2026-10-09T10:00:00'), cal)).toEqual({ late: true, lateDays: 2 });
    expect(lateness(due, sh('2026-10-01T23:59:59.999'), cal)).toEqual({ late: false, lateDays: 0 });
    expect(lateness(due, sh('2026-09-30T09:00:00'), cal)).toEqual({ late: false, lateDays: 0 });
    // Late, but still inside the holiday: no working day has passed.
    expect(lateness(due, sh('2026-10-05T09:00:00'), cal)).toEqual({ late: true, lateDays: 0 });
    // The make-up Saturday 10 Oct counts.
    expect(lateness(due, sh('2026-10-10T09:00:00'), cal)).toEqual({ late: true, lateDays: 3 });
  });

  it('gives each cell its state', () => {
    const now = sh('2026-10-12T09:00:00');
    expect(matrixCell({ due, now, submission: { late: false, lateDays: 0 } }, cal)).toEqual({
      state: 'on_time',
    });
    expect(matrixCell({ due, now, submission: { late: true, lateDays: 2 } }, cal)).toEqual({
      state: 'late',
      lateDays: 2,
    });
    // 8, 9, 10 (make-up) and 12 October.
    expect(matrixCell({ due, now }, cal)).toEqual({ state: 'missing_overdue', overdueDays: 4 });
    expect(matrixCell({ due, now: sh('2026-09-29T09:00:00') }, cal).state).toBe('due_soon');
    expect(matrixCell({ due, now: sh('2026-10-01T23:59:59.999') }, cal).state).toBe('due_soon');
    expect(matrixCell({ due, now: sh('2026-09-20T09:00:00') }, cal)).toEqual({ state: 'not_due' });
  });
});

describe('rectification notices', () => {
  it('allows 3 to 12 whole months (003 二(一)2)', () => {
    expect([2, 3, 12, 13, 6.5].map(isRectificationPeriod)).toEqual([false, true, true, false, false]);
    expect(() => rectificationDue('2026-06-01', 2, cal)).toThrow(RangeError);
  });

  it('rolls a due date that falls in a holiday to the next working day', () => {
    expect(rectificationDue('2026-06-01', 4, cal)).toMatchObject({
      date: '2026-10-08',
      rolledFrom: '2026-10-01',
    });
    expect(rectificationDue('2026-08-31', 6, cal).date).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
    expect(rectificationDue('2026-07-15', 3, cal)).toMatchObject({ date: '2026-10-15' });
  });

  it('numbers and dates the notice in Chinese', () => {
    expect(rectificationNoticeNumber(districtDocPrefix('430903', '赫山区'), 2026, 3)).toBe(
      '益赫环限改〔2026〕3号',
    );
    expect(districtDocPrefix('439999', '益阳市新区')).toBe('新区');
    expect(chineseDate('2027-02-03')).toBe('2027年2月3日');
  });
});
