/**
 * O2 correction (折算) of a flue-gas concentration to the standard's reference oxygen content:
 *   C_ref = C_measured × (21 − O2_ref) / (21 − O2_measured)
 * The formula and 21 % (O2 in dry air) are those of the emission standards (the "基准氧含量排放
 * 浓度折算" formula of e.g. GB 13223-2011 and GB 13271-2014). As O2_measured approaches 21 the
 * denominator goes to 0: such a value is ambient air, not flue gas — an anomaly (A2), never a
 * corrected concentration.
 */
export interface O2CorrectionOptions {
  /**
   * Measured O2 at or above this (%) is treated as ambient air and refused. 19.5 is a platform
   * policy, not a value from HJ 75 / the emission standards; cities configure it.
   */
  ambientThreshold?: number;
  /** O2 content of dry air used by the formula (%). */
  airO2?: number;
}

export type O2CorrectionResult =
  | { ok: true; value: number; formula: string }
  | { ok: false; reason: 'O2_NEAR_AMBIENT' | 'O2_INVALID'; formula: string };

export const DEFAULT_AMBIENT_O2 = 19.5;
const AIR_O2 = 21;

const fmt = (n: number) => String(Number(n.toFixed(3)));

export function correctForO2(
  measured: number,
  o2Measured: number,
  o2Reference: number,
  opts: O2CorrectionOptions = {},
): O2CorrectionResult {
  const air = opts.airO2 ?? AIR_O2;
  const ambient = opts.ambientThreshold ?? DEFAULT_AMBIENT_O2;
  const expr = `${fmt(measured)} × (${fmt(air)} − ${fmt(o2Reference)}) / (${fmt(air)} − ${fmt(o2Measured)})`;
  const finite = [measured, o2Measured, o2Reference].every(Number.isFinite);
  if (!finite || o2Measured < 0 || o2Measured > air || o2Reference < 0 || o2Reference >= air) {
    return { ok: false, reason: 'O2_INVALID', formula: `${expr}：氧含量无效` };
  }
  if (o2Measured >= ambient) {
    return {
      ok: false,
      reason: 'O2_NEAR_AMBIENT',
      formula: `${expr}：实测氧含量 ${fmt(o2Measured)}% ≥ ${fmt(ambient)}%，接近空气，不予折算`,
    };
  }
  const value = (measured * (air - o2Reference)) / (air - o2Measured);
  return { ok: true, value, formula: `${expr} = ${fmt(value)}` };
}

export interface Tolerance {
  /** Allowed difference as a share of the reference value (0.05 = 5 %). */
  relative: number;
  /** Allowed absolute difference (same unit), so near-zero values do not trip on rounding. */
  absolute: number;
}

/**
 * Default agreement tolerance between a unit's reported value and ours: units round to 1-3
 * decimals and average over slightly different minute sets. Platform policy, not a standard value.
 */
export const DEFAULT_TOLERANCE: Tolerance = Object.freeze({ relative: 0.05, absolute: 0.5 });

/** True when the two values differ by more than the tolerance (the larger of its two parts). */
export function differsBeyond(a: number, reference: number, tol: Tolerance = DEFAULT_TOLERANCE): boolean {
  return Math.abs(a - reference) > Math.max(tol.absolute, tol.relative * Math.abs(reference));
}

/**
 * Does the unit's reported O2-corrected value (ZsAvg/ZsRtd) disagree with the one computed here
 * from its own concentration and O2? A disagreement is an anomaly ("corrected values
 * inconsistent with O2"). Non-finite inputs count as disagreement.
 */
export function zsAvgDisagrees(
  unitZs: number,
  computedZs: number,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): boolean {
  if (!Number.isFinite(unitZs) || !Number.isFinite(computedZs)) return true;
  return differsBeyond(unitZs, computedZs, tolerance);
}
