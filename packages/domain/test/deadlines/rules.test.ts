import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar as cn, overrideCalendar, type WorkCalendar } from '../../src/deadlines/calendar';
import { computeDue, type DeadlineRule, dueAt } from '../../src/deadlines/rules';
import { formatShanghai, shanghaiInstant as sh } from '../../src/monitoring/shanghai-time';

// All expected dates are worked out by hand from the State Council 放假安排 of the year
// (see calendar.test.ts); comments name the weekday and why.

const due = (rule: DeadlineRule, from: Date, calendar: WorkCalendar = cn) => computeDue(rule, from, calendar);
/** 23:59:59.999 Shanghai on a date, as the UTC ISO string. */
const endOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 15, 59, 59, 999)).toISOString();
};

describe('hours — exact calendar hours (A3: 24-hour alarm response, 004 三(二)4 "在24小时内")', () => {
  const h24: DeadlineRule = { kind: 'hours', n: 24 };

  it('runs through midnight and through a holiday unchanged', () => {
    // Sunday 30 Sep 2018 20:00 → Monday 1 Oct (National Day) 20:00.
    const r = due(h24, sh(2018, 9, 30, 20, 0));
    expect(r.at.toISOString()).toBe('2018-10-01T12:00:00.000Z');
    expect(formatShanghai(r.at)).toBe('2018-10-01 20:00');
    expect(r.date).toBe('2018-10-01');
    expect(r.assumedYears).toEqual([]);
  });

  it('dates the due instant in Shanghai, not UTC', () => {
    // 2019-02-04T17:30Z is 5 Feb 01:30 in Shanghai: due 6 Feb 01:30 Shanghai, still 5 Feb in UTC.
    const r = due(h24, new Date('2019-02-04T17:30:00Z'));
    expect(r.at.toISOString()).toBe('2019-02-05T17:30:00.000Z');
    expect(r.date).toBe('2019-02-06');
  });

  it('is 24 × 3 600 000 ms on days other zones change their clocks (Shanghai has no DST)', () => {
    // 10 Mar 2019 (US DST start), 31 Mar 2019 (EU), 2 Nov 2025 (US DST end).
    for (const from of [sh(2019, 3, 9, 12), sh(2019, 3, 30, 12), sh(2025, 11, 1, 12)]) {
      const at = dueAt(h24, from, cn);
      expect(at.getTime() - from.getTime()).toBe(86_400_000);
      expect(formatShanghai(at).slice(11)).toBe('12:00');
    }
  });

  it('0 hours is the starting instant; fractions and negatives are refused', () => {
    const from = sh(2019, 3, 9, 12, 34);
    expect(dueAt({ kind: 'hours', n: 0 }, from, cn).getTime()).toBe(from.getTime());
    expect(() => dueAt({ kind: 'hours', n: 1.5 }, from, cn)).toThrow(RangeError);
    expect(() => dueAt({ kind: 'hours', n: -1 }, from, cn)).toThrow(RangeError);
  });
});

describe('workingDays — counted from the next working day, due at its end', () => {
  const wd = (n: number): DeadlineRule => ({ kind: 'workingDays', n });

  it('Friday 17:00 + 3 working days → end of Wednesday', () => {
    const r = due(wd(3), sh(2019, 3, 15, 17, 0)); // Friday 15 Mar 2019
    expect(r.date).toBe('2019-03-20'); // Mon 18, Tue 19, Wed 20
    expect(r.at.toISOString()).toBe('2019-03-20T15:59:59.999Z');
    expect(formatShanghai(r.at)).toBe('2019-03-20 23:59');
  });

  it('the starting day is the Shanghai day: Friday 00:30 Shanghai (Thursday in UTC) counts as Friday', () => {
    expect(due(wd(3), new Date('2019-03-14T16:30:00Z')).date).toBe('2019-03-20');
    // Friday 23:59:59.999 and Saturday 00:00 both start counting on Monday.
    expect(due(wd(3), new Date(sh(2019, 3, 16).getTime() - 1)).date).toBe('2019-03-20');
    expect(due(wd(3), sh(2019, 3, 16)).date).toBe('2019-03-20');
  });

  it('the day of issue is not counted, even a working one: Monday + 3 → Thursday', () => {
    expect(due(wd(3), sh(2019, 3, 18, 9, 0)).date).toBe('2019-03-21');
  });

  it('Spring Festival 2017 shifts it, and the adjusted Saturday counts', () => {
    // Thu 26 Jan 2017; 27 Jan … 2 Feb off; Fri 3 Feb (1), Sat 4 Feb worked (2), Sun 5 off, Mon 6 Feb (3).
    expect(due(wd(3), sh(2017, 1, 26, 10, 0)).date).toBe('2017-02-06');
  });

  it('an adjusted Saturday can be the due day (2019: Sat 2 and Sun 3 Feb worked before 春节)', () => {
    expect(due(wd(1), sh(2019, 2, 1, 15, 0)).date).toBe('2019-02-02');
    // Sat 2 (1), Sun 3 (2), 4 … 10 Feb off, Mon 11 Feb (3).
    expect(due(wd(3), sh(2019, 2, 1, 15, 0)).date).toBe('2019-02-11');
  });

  it('Spring Festival 2026: Fri 13 Feb + 3 → Sat 14 (worked), Tue 24, Wed 25 Feb', () => {
    expect(due(wd(3), sh(2026, 2, 13, 17, 0)).date).toBe('2026-02-25');
  });

  it('National Day 2025 (1 … 8 Oct, Sat 11 Oct worked): Tue 30 Sep + 5 → Tue 14 Oct', () => {
    // Thu 9 (1), Fri 10 (2), Sat 11 worked (3), Sun 12 off, Mon 13 (4), Tue 14 (5).
    expect(due(wd(5), sh(2025, 9, 30, 16, 0)).date).toBe('2025-10-14');
  });

  it('issued during a holiday: Sat 17 Feb 2018 (春节) + 1 → Thu 22 Feb', () => {
    expect(due(wd(1), sh(2018, 2, 17, 11, 0)).date).toBe('2018-02-22');
  });

  it('0 working days is the end of the day of issue', () => {
    expect(due(wd(0), sh(2019, 3, 15, 17, 0)).date).toBe('2019-03-15');
  });

  it('into a year the calendar does not know: plain weekends assumed, and reported', () => {
    // Wed 30 Dec 2026 + 5: Thu 31 (1), Fri 1 Jan 2027 assumed worked (2), Mon 4 (3), Tue 5 (4), Wed 6 (5).
    const r = due(wd(5), sh(2026, 12, 30, 10, 0));
    expect(r.date).toBe('2027-01-06');
    expect(r.assumedYears).toEqual([2027]);
    // Once the 2027 notice is typed in, the answer is firm.
    const typedIn = overrideCalendar(cn, { daysOff: { '2027-01-01': '元旦' }, knownYears: [2027] });
    const firm = due(wd(5), sh(2026, 12, 30, 10, 0), typedIn);
    expect(firm.date).toBe('2027-01-07');
    expect(firm.assumedYears).toEqual([]);
    // Inside known years nothing is reported.
    expect(due(wd(5), sh(2026, 12, 1)).assumedYears).toEqual([]);
  });

  it('a city day off moves it', () => {
    const city = overrideCalendar(cn, { daysOff: { '2019-03-19': '地方假日' } });
    expect(due(wd(3), sh(2019, 3, 15, 17, 0), city).date).toBe('2019-03-21');
  });
});

describe('calendarDays', () => {
  it('counts every day; the due day stays put unless rolling is asked for', () => {
    // Fri 20 Jan 2017 + 10 → Mon 30 Jan, inside 春节 (27 Jan … 2 Feb).
    const plain = due({ kind: 'calendarDays', n: 10 }, sh(2017, 1, 20, 9, 0));
    expect(plain.date).toBe('2017-01-30');
    expect(plain.rolledFrom).toBeUndefined();
    const rolled = due({ kind: 'calendarDays', n: 10, rollToWorkingDay: true }, sh(2017, 1, 20, 9, 0));
    expect(rolled.date).toBe('2017-02-03'); // Friday, first working day after
    expect(rolled.rolledFrom).toBe('2017-01-30');
    expect(rolled.at.toISOString()).toBe(endOf('2017-02-03'));
  });

  it('across a year end, and 0 days', () => {
    expect(due({ kind: 'calendarDays', n: 15 }, sh(2018, 12, 25)).date).toBe('2019-01-09');
    expect(due({ kind: 'calendarDays', n: 0 }, sh(2018, 12, 25, 23, 59)).date).toBe('2018-12-25');
  });
});

describe('months — rectification periods (003: 整改期限原则上为三个月至一年; 001 第四阶段)', () => {
  it.each([
    ['2018-03-15', 3, '2018-06-15'],
    ['2018-03-15', 12, '2019-03-15'],
    ['2017-01-31', 1, '2017-02-28'], // clamped: no 31 Feb
    ['2019-01-31', 1, '2019-02-28'],
    ['2019-11-30', 3, '2020-02-29'], // leap year
    ['2017-05-31', 1, '2017-06-30'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2026-11-23', 12, '2027-11-23'],
  ])('%s + %i months → %s', (from, n, expected) => {
    const [y, m, d] = from.split('-').map(Number) as [number, number, number];
    const r = due({ kind: 'months', n }, sh(y, m, d, 10, 0));
    expect(r.date).toBe(expected);
    expect(r.at.toISOString()).toBe(endOf(expected));
    expect(r.assumedYears).toEqual([]); // no rolling: the calendar was not consulted
  });

  it('counts from the Shanghai date: 15 Mar 00:30 Shanghai is 14 Mar in UTC', () => {
    expect(due({ kind: 'months', n: 3 }, new Date('2018-03-14T16:30:00Z')).date).toBe('2018-06-15');
  });

  it('rolls off a holiday when asked: 1 Jul 2025 + 3 months → 1 Oct (国庆) → Thu 9 Oct', () => {
    const r = due({ kind: 'months', n: 3, rollToWorkingDay: true }, sh(2025, 7, 1, 10, 0));
    expect(r.date).toBe('2025-10-09');
    expect(r.rolledFrom).toBe('2025-10-01');
  });
});

describe('dayOfMonth — periodic reports (L5)', () => {
  it('004 四(一)3 每月1日前 (day 1 of the next month)', () => {
    const monthly1 = (roll: boolean): DeadlineRule => ({
      kind: 'dayOfMonth',
      day: 1,
      offsetMonths: 1,
      rollToWorkingDay: roll,
    });
    expect(due(monthly1(false), sh(2017, 7, 1)).date).toBe('2017-08-01'); // July's ledger, Tuesday
    expect(due(monthly1(false), sh(2017, 9, 30, 18, 0)).date).toBe('2017-10-01'); // stays on National Day
    const rolled = due(monthly1(true), sh(2017, 9, 1));
    expect(rolled.date).toBe('2017-10-09'); // 1 … 8 Oct off, Monday 9 Oct
    expect(rolled.rolledFrom).toBe('2017-10-01');
  });

  it('000 四(四) 每月3日前: an adjusted Sunday is a working day and does not roll', () => {
    const monthly3: DeadlineRule = { kind: 'dayOfMonth', day: 3, offsetMonths: 1, rollToWorkingDay: true };
    const feb = due(monthly3, sh(2019, 1, 15));
    expect(feb.date).toBe('2019-02-03'); // Sunday, worked before 春节 2019
    expect(feb.rolledFrom).toBeUndefined();
    expect(due(monthly3, sh(2018, 9, 15)).date).toBe('2018-10-08'); // 3 Oct 国庆 → Monday 8 Oct
  });

  it('001 第五阶段 每月5日前', () => {
    const monthly5: DeadlineRule = { kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: true };
    expect(due(monthly5, sh(2025, 1, 10)).date).toBe('2025-02-05'); // Wednesday, first day after 春节
    expect(due(monthly5, sh(2026, 1, 10)).date).toBe('2026-02-05'); // Thursday, before 春节 2026
    expect(due(monthly5, sh(2025, 9, 10)).date).toBe('2025-10-09'); // 5 Oct 国庆 → Thursday 9 Oct
    expect(due(monthly5, sh(2018, 12, 10)).date).toBe('2019-01-07'); // Sat 5 Jan → Mon 7 Jan
  });

  it('001 第五阶段 每双月5日前: the 5th of the next even month', () => {
    const bimonthly: DeadlineRule = {
      kind: 'dayOfMonth',
      day: 5,
      offsetMonths: 1,
      rollToWorkingDay: true,
      inMonths: [2, 4, 6, 8, 10, 12],
    };
    const r = due(bimonthly, sh(2017, 7, 1));
    expect([r.date, r.rolledFrom]).toEqual(['2017-08-07', '2017-08-05']); // Sat 5 Aug → Mon 7 Aug
    expect(due(bimonthly, sh(2017, 8, 1)).date).toBe('2017-10-09'); // 5 Oct 国庆 → Mon 9 Oct
    expect(due(bimonthly, sh(2017, 11, 1)).date).toBe('2017-12-05'); // Tuesday
    expect(due(bimonthly, sh(2017, 12, 1)).date).toBe('2018-02-05'); // January is odd → Monday 5 Feb
  });

  it('002 三(二) 每月25日 progress, not rolled: Sunday 25 Nov 2018 stays', () => {
    const r = due({ kind: 'dayOfMonth', day: 25, offsetMonths: 0, rollToWorkingDay: false }, sh(2018, 11, 3));
    expect(r.date).toBe('2018-11-25');
    expect(r.at.toISOString()).toBe('2018-11-25T15:59:59.999Z');
  });

  it('day 31 is the last day of the month (X月底前)', () => {
    const endOfMonth: DeadlineRule = {
      kind: 'dayOfMonth',
      day: 31,
      offsetMonths: 0,
      rollToWorkingDay: false,
    };
    expect(due(endOfMonth, sh(2019, 2, 10)).date).toBe('2019-02-28');
    expect(due(endOfMonth, sh(2017, 9, 1)).date).toBe('2017-09-30');
  });

  it('reports an unknown year it had to look at', () => {
    const r = due({ kind: 'dayOfMonth', day: 1, offsetMonths: 1, rollToWorkingDay: true }, sh(2026, 12, 10));
    expect(r.date).toBe('2027-01-01'); // a Friday, only assumed to be worked
    expect(r.assumedYears).toEqual([2027]);
  });
});

describe('yearly and fixed dates', () => {
  it('004 四(一)3 于12月7日前 … 报送年度达标计划工作总结, and 001 第六阶段 11月15日前', () => {
    expect(due({ kind: 'yearly', month: 12, day: 7 }, sh(2017, 4, 22)).date).toBe('2017-12-07');
    expect(due({ kind: 'yearly', month: 11, day: 15 }, sh(2017, 1, 1)).date).toBe('2017-11-15');
  });

  it('offsetYears, clamping, and the Shanghai year', () => {
    expect(due({ kind: 'yearly', month: 1, day: 15, offsetYears: 1 }, sh(2018, 6, 1)).date).toBe(
      '2019-01-15',
    );
    expect(due({ kind: 'yearly', month: 2, day: 29 }, sh(2019, 6, 1)).date).toBe('2019-02-28');
    expect(due({ kind: 'yearly', month: 2, day: 29 }, sh(2020, 6, 1)).date).toBe('2020-02-29');
    // 00:30 on 1 Jan 2019 in Shanghai is still 2018 in UTC.
    expect(due({ kind: 'yearly', month: 12, day: 7 }, new Date('2018-12-31T16:30:00Z')).date).toBe(
      '2019-12-07',
    );
  });

  it('fixed dates: 001 2017年9月底前 is an adjusted Saturday (worked); 002 2018年12月底前 is a holiday', () => {
    const sep = due({ kind: 'date', date: '2017-09-30', rollToWorkingDay: true }, sh(2017, 1, 1));
    expect([sep.date, sep.rolledFrom]).toEqual(['2017-09-30', undefined]);
    expect(due({ kind: 'date', date: '2018-12-31' }, sh(2018, 9, 1)).date).toBe('2018-12-31');
    expect(due({ kind: 'date', date: '2018-12-31', rollToWorkingDay: true }, sh(2018, 9, 1)).date).toBe(
      '2019-01-02',
    );
  });
});

describe('rule validation', () => {
  it.each<DeadlineRule>([
    { kind: 'months', n: 1.5 },
    { kind: 'months', n: -1 },
    { kind: 'calendarDays', n: Number.NaN },
    { kind: 'workingDays', n: -2 },
    { kind: 'dayOfMonth', day: 0, offsetMonths: 1, rollToWorkingDay: false },
    { kind: 'dayOfMonth', day: 32, offsetMonths: 1, rollToWorkingDay: false },
    { kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: false, inMonths: [] },
    { kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: false, inMonths: [13] },
    { kind: 'yearly', month: 13, day: 1 },
    { kind: 'date', date: '2017-9-30' },
  ])('refuses %j', (rule) => {
    expect(() => computeDue(rule, sh(2019, 1, 1), cn)).toThrow(RangeError);
  });

  it('refuses an invalid starting Date', () => {
    expect(() => dueAt({ kind: 'hours', n: 1 }, new Date(Number.NaN), cn)).toThrow(RangeError);
  });
});

describe('independent of the process time zone', () => {
  it('gives the same instants under TZ=America/New_York as under the current zone', () => {
    const cases: [DeadlineRule, Date][] = [
      [{ kind: 'workingDays', n: 3 }, sh(2019, 3, 15, 17, 0)],
      [{ kind: 'months', n: 1 }, sh(2017, 1, 31, 0, 30)],
      [{ kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: true }, sh(2025, 9, 30, 23, 0)],
      [{ kind: 'hours', n: 24 }, sh(2019, 3, 9, 12)],
    ];
    const run = () => cases.map(([rule, from]) => dueAt(rule, from, cn).toISOString());
    const here = run();
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(new Date(Date.UTC(2019, 0, 1)).getHours()).not.toBe(
        new Date(Date.UTC(2019, 0, 1)).getUTCHours(),
      );
      expect(run()).toEqual(here);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(here).toEqual([
      '2019-03-20T15:59:59.999Z',
      '2017-02-28T15:59:59.999Z',
      '2025-10-09T15:59:59.999Z',
      '2019-03-10T04:00:00.000Z',
    ]);
  });
});
