import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERIOUS_RULE,
  type QuarterEpisode,
  quarterOf,
  type SeriousExceedanceRule,
  seriousExceeders,
} from '../../src/alarms/index';

const at = (iso: string) => new Date(iso);

describe('quarterOf (Asia/Shanghai)', () => {
  it.each([
    // Shanghai 2026-01-01 00:00 is 2025-12-31T16:00Z
    ['2025-12-31T15:59:59.999Z', 2025, 4, '2025-09-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
    ['2025-12-31T16:00:00.000Z', 2026, 1, '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-03-31T15:59:59.999Z', 2026, 1, '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-03-31T16:00:00.000Z', 2026, 2, '2026-03-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-06-30T16:00:00.000Z', 2026, 3, '2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
    ['2026-09-30T16:00:00.000Z', 2026, 4, '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-11-23T16:30:00.000Z', 2026, 4, '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ] as const)('%s → %s Q%s [%s, %s)', (iso, year, quarter, start, end) => {
    const q = quarterOf(at(iso));
    expect(q).toEqual({ year, quarter, start: at(start), end: at(end) });
  });
});

const Q4 = quarterOf(at('2026-11-01T00:00:00Z'));
const ep = (over: Partial<QuarterEpisode>): QuarterEpisode => ({
  enterpriseId: 1,
  start: at('2026-11-02T02:00:00Z'),
  end: at('2026-11-02T03:00:00Z'),
  maxMultiple: 1.2,
  confirmed: true,
  pollutant: 'a21026',
  ...over,
});
/** `n` one-hour episodes on consecutive Shanghai days from 2026-11-02. */
const daily = (n: number, over: Partial<QuarterEpisode> = {}) =>
  Array.from({ length: n }, (_, i) =>
    ep({
      start: at(`2026-11-${String(2 + i).padStart(2, '0')}T02:00:00Z`),
      end: at(`2026-11-${String(2 + i).padStart(2, '0')}T03:00:00Z`),
      ...over,
    }),
  );
const ONLY_SHEETS: SeriousExceedanceRule = {
  minConfirmedSheets: 3,
  minExceedanceDays: Infinity,
  minMultiple: Infinity,
};

describe('seriousExceeders', () => {
  it('the default is 3 sheets, 5 days or twice the limit (超标1倍)', () => {
    expect(DEFAULT_SERIOUS_RULE).toEqual({ minConfirmedSheets: 3, minExceedanceDays: 5, minMultiple: 2 });
  });

  it('criterion: confirmed sheets alone (3 episodes on one day)', () => {
    const hours = [2, 5, 8].map((h) =>
      ep({ start: at(`2026-11-02T0${h}:00:00Z`), end: at(`2026-11-02T0${h + 1}:00:00Z`) }),
    );
    expect(seriousExceeders(hours.slice(0, 2), Q4)).toEqual([]);
    expect(seriousExceeders(hours, Q4)).toEqual([
      {
        enterpriseId: 1,
        confirmedSheets: 3,
        exceedanceDays: 1,
        maxMultiple: 1.2,
        pollutants: ['a21026'],
        reasons: ['本季度经核实确认超标的报警单 3 份（标准：不少于 3 份）'],
      },
    ]);
  });

  it('criterion: exceedance days alone (one episode over 5 Shanghai days)', () => {
    // 2026-11-02 23:00 Shanghai to 2026-11-06 00:30 Shanghai touches Nov 2, 3, 4, 5 and 6
    const one = ep({ start: at('2026-11-02T15:00:00Z'), end: at('2026-11-05T16:30:00Z') });
    const r = seriousExceeders([one], Q4);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ confirmedSheets: 1, exceedanceDays: 5 });
    expect(r[0]!.reasons).toEqual(['本季度超标天数 5 天（标准：不少于 5 天）']);
    // ending exactly at Shanghai midnight does not touch the next day
    const four = ep({ start: at('2026-11-02T15:00:00Z'), end: at('2026-11-05T16:00:00Z') });
    expect(seriousExceeders([four], Q4)).toEqual([]);
  });

  it('a day with several episodes counts once', () => {
    const r = seriousExceeders([...daily(4), ...daily(4, { pollutant: 'a21002' })], Q4, {
      ...DEFAULT_SERIOUS_RULE,
      minConfirmedSheets: 100,
    });
    expect(r).toEqual([]);
  });

  it('criterion: multiple alone (twice the limit = 超标1倍)', () => {
    expect(seriousExceeders([ep({ maxMultiple: 1.999 })], Q4)).toEqual([]);
    const r = seriousExceeders(
      [ep({ maxMultiple: 2.35 }), ep({ maxMultiple: null, pollutant: 'w01001' })],
      Q4,
    );
    expect(r).toEqual([
      {
        enterpriseId: 1,
        confirmedSheets: 2,
        exceedanceDays: 1,
        maxMultiple: 2.35,
        pollutants: ['a21026', 'w01001'],
        reasons: ['最高浓度为限值的 2.35 倍，超标 1.35 倍（标准：达到限值的 2 倍）'],
      },
    ]);
  });

  it('unconfirmed episodes are ignored', () => {
    const unconfirmed = [...daily(6, { confirmed: false, maxMultiple: 5 })];
    expect(seriousExceeders(unconfirmed, Q4)).toEqual([]);
    const r = seriousExceeders([...unconfirmed, ...daily(1)], Q4, {
      ...DEFAULT_SERIOUS_RULE,
      minConfirmedSheets: 1,
    });
    expect(r).toMatchObject([{ confirmedSheets: 1, exceedanceDays: 1, maxMultiple: 1.2 }]);
  });

  it('counts only the days within the quarter; episodes outside it are ignored', () => {
    // Shanghai 2026-09-28 08:00 → 2026-10-03 08:00: Sep 28-30 are Q3, Oct 1-3 are Q4
    const spanning = ep({ start: at('2026-09-28T00:00:00Z'), end: at('2026-10-03T00:00:00Z') });
    const outside = ep({
      start: at('2027-01-05T00:00:00Z'),
      end: at('2027-01-06T00:00:00Z'),
      maxMultiple: 9,
    });
    const r = seriousExceeders([spanning, outside], Q4, { ...ONLY_SHEETS, minConfirmedSheets: 1 });
    expect(r).toMatchObject([{ confirmedSheets: 1, exceedanceDays: 3, maxMultiple: 1.2 }]);
  });

  it('reasons list every criterion met; sorted by days desc then enterprise id', () => {
    const list = seriousExceeders(
      [
        ...daily(6, { enterpriseId: 9, maxMultiple: 3 }),
        ...daily(2, { enterpriseId: 4 }),
        ...daily(3, { enterpriseId: 2 }),
      ],
      Q4,
      ONLY_SHEETS,
    );
    expect(list.map((e) => [e.enterpriseId, e.exceedanceDays])).toEqual([
      [9, 6],
      [2, 3],
    ]);
    const all = seriousExceeders(daily(6, { maxMultiple: 3 }), Q4);
    expect(all[0]!.reasons).toHaveLength(3);
    const tie = seriousExceeders([...daily(3, { enterpriseId: 5 }), ...daily(3, { enterpriseId: 3 })], Q4);
    expect(tie.map((e) => e.enterpriseId)).toEqual([3, 5]);
  });
});
