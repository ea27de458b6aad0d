import type { ResolvedLimit } from '../limits/resolution';
import { correctForO2, type O2CorrectionOptions } from '../monitoring/o2-correction';
import type { Judgement, NotJudged, NotJudgedReason, O2Basis, PeriodValue, ValueAveraging } from './types';

const PERIOD_MS: Record<ValueAveraging, number> = { hour: 3_600_000, day: 86_400_000 };
/** Differences within this share of the limit are float noise of the correction, not exceedances. */
const EPS = 1e-9;

/**
 * A3/A1: one valid hourly (flue gas) or daily (water) average against the limit in force.
 * Where the limit has a reference O2 and the value is not yet corrected, it is corrected with
 * `correctForO2` from the measured O2 (a missing or near-ambient O2 gives no judgement). A value
 * equal to a ceiling, or on a range bound, meets the limit; below a range's `lo` exceeds too.
 */
export function judge(v: PeriodValue, limit: ResolvedLimit, o2Options?: O2CorrectionOptions): Judgement {
  const end = new Date(v.start.getTime() + PERIOD_MS[v.averaging]);
  const fail = (reason: NotJudgedReason, detail: string): NotJudged => ({
    ok: false,
    start: v.start,
    end,
    averaging: v.averaging,
    reason,
    detail,
    limit,
  });
  if (limit.averaging !== v.averaging) {
    return fail(
      'AVERAGING_MISMATCH',
      `limit is for ${limit.averaging} values, value is a ${v.averaging} value`,
    );
  }
  if (!Number.isFinite(v.value)) return fail('VALUE_INVALID', `value ${v.value} is not a number`);

  let compared = v.value;
  let o2: O2Basis | null = null;
  const ref = limit.referenceO2;
  if (ref !== null && v.corrected) {
    o2 = { measured: null, o2Measured: v.o2 ?? null, o2Reference: ref, formula: null };
  } else if (ref !== null) {
    if (v.o2 === null || v.o2 === undefined)
      return fail('O2_MISSING', `limit is at ${ref}% O2; no measured O2`);
    const r = correctForO2(v.value, v.o2, ref, o2Options);
    if (!r.ok) return fail(r.reason, r.formula);
    compared = r.value;
    o2 = { measured: v.value, o2Measured: v.o2, o2Reference: ref, formula: r.formula };
  }

  const base = {
    ok: true as const,
    start: v.start,
    end,
    averaging: v.averaging,
    value: v.value,
    compared,
    o2,
    limit,
  };
  const lv = limit.value;
  if (lv.kind === 'max') {
    const exceeds = compared - lv.max > EPS * Math.max(1, lv.max);
    const multiple = lv.max > 0 ? compared / lv.max : null;
    const excess = multiple === null ? null : multiple - 1;
    return { ...base, exceeds, multiple, excess, outside: null };
  }
  const tol = EPS * Math.max(1, lv.hi - lv.lo);
  const outside =
    lv.lo - compared > tol
      ? { side: 'below' as const, distance: lv.lo - compared }
      : compared - lv.hi > tol
        ? { side: 'above' as const, distance: compared - lv.hi }
        : null;
  return { ...base, exceeds: outside !== null, multiple: null, excess: null, outside };
}
