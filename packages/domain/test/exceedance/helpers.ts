import type { PeriodValue } from '../../src/exceedance/types';
import type { LimitContext, ResolvedLimit } from '../../src/limits/resolution';
import { resolveLimit } from '../../src/limits/resolve-limit';
import { STANDARD_LIMITS } from '../../src/limits/standards-data';
import type { LimitCandidate } from '../../src/limits/types';
import { at, boilerCtx } from '../limits/fixtures';

/** The limit in force, resolved from the data (fails the test when there is none). */
export function limitFor(over: Partial<LimitContext>, extra: LimitCandidate[] = []): ResolvedLimit {
  const { limit } = resolveLimit(boilerCtx(over), [...STANDARD_LIMITS, ...extra]);
  if (!limit) throw new Error('no limit resolved');
  return limit;
}

/** GB 13223-2011 coal-fired power boiler, new source: SO2 ≤ 100 mg/m³ at 6 % O2, hourly. */
export const SO2_POWER = () =>
  limitFor({
    pollutant: 'a21026',
    category: 'power-coal-boiler',
    industry: 'thermal_power',
    sourceAge: 'new',
  });

/** GB 18918-2002 grade 1A (daily): COD ≤ 50 mg/L, pH 6–9. */
export const WWTP_1A = (pollutant: 'w01018' | 'w01001') =>
  limitFor({
    pollutant,
    averaging: 'day',
    outletKind: 'water',
    outletCode: 'DW001',
    category: 'wwtp-grade-1a',
    industry: 'wastewater_plant',
  });

/** 2024-03-01 from `h` o'clock, Shanghai. */
export const hour = (h: number, value: number, o2: number | null = 9): PeriodValue => ({
  start: at(2024, 3, 1, h),
  averaging: 'hour',
  value,
  o2,
});

export const day = (d: number, value: number): PeriodValue => ({
  start: at(2024, 5, d),
  averaging: 'day',
  value,
});
