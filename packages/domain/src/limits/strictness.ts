import type { LimitCandidate } from './types';

const AIR_O2 = 21;
const EPS = 1e-9;

/**
 * A ceiling restated at another reference O2: the O2 correction is linear in (21 − O2_ref), so
 * `L` at `r1` is the same requirement as `L × (21 − r2) / (21 − r1)` at `r2`.
 */
export function maxAtReference(max: number, from: number, to: number): number {
  return (max * (AIR_O2 - to)) / (AIR_O2 - from);
}

/**
 * Negative when `a` is stricter than `b`, positive when looser, 0 when equal or not comparable.
 * Ceilings at different reference O2 are compared at a common reference (50 mg/m³ at 9 % is
 * 62.5 mg/m³ at 6 %, so looser than 55 at 6 %; raw numbers when only one has a reference). Ranges: one inside the other is stricter; ranges
 * that overlap without nesting are ranked by width (narrower first) — the chain says so.
 */
export function compareStrictness(a: LimitCandidate, b: LimitCandidate): number {
  const va = a.value;
  const vb = b.value;
  if (va.kind === 'max' && vb.kind === 'max') {
    const x =
      a.referenceO2 !== null && b.referenceO2 !== null
        ? maxAtReference(va.max, a.referenceO2, b.referenceO2)
        : va.max;
    return sign(x - vb.max, vb.max);
  }
  if (va.kind === 'range' && vb.kind === 'range') {
    if (va.lo === vb.lo && va.hi === vb.hi) return 0;
    if (va.lo >= vb.lo && va.hi <= vb.hi) return -1;
    if (vb.lo >= va.lo && vb.hi <= va.hi) return 1;
    return sign(va.hi - va.lo - (vb.hi - vb.lo), vb.hi - vb.lo);
  }
  return 0;
}

/** Sign of a difference, with differences within float noise of `scale` counted as 0. */
function sign(diff: number, scale: number): number {
  return Math.abs(diff) <= EPS * Math.max(1, Math.abs(scale)) ? 0 : Math.sign(diff);
}

/** Preference among equally strict candidates: permit, then local, then special rows. */
export function specificity(c: LimitCandidate): number {
  if (c.kind === 'permit') return 3;
  return (c.standard.level === 'local' ? 2 : 1) + (c.special ? 0.5 : 0);
}
