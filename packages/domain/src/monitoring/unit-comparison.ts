import type { HourlyAverage } from './hourly-average';
import { DEFAULT_TOLERANCE, differsBeyond, type Tolerance } from './o2-correction';

/**
 * Agreement between the hourly value a data-acquisition unit reports (HJ 212 CN 2061 `Avg`) and
 * the one this platform computes from the unit's own minute data (CN 2051). A unit that reports
 * an hourly value for an hour without enough valid minutes, or one far from the minutes' mean,
 * is an anomaly to look at (A2), not a verdict by itself.
 */
export type UnitHourlyVerdict =
  | 'AGREES'
  | 'DISAGREES'
  /** The unit reports a value for an hour we find invalid (too few valid minutes, stop, no data). */
  | 'UNIT_VALUE_FOR_INVALID_HOUR'
  /** We have a valid hour but the unit reported nothing. */
  | 'UNIT_VALUE_MISSING'
  | 'BOTH_ABSENT';

export interface UnitHourlyComparison {
  verdict: UnitHourlyVerdict;
  computed: number | null;
  unit: number | null;
  /** unit − computed, when both exist. */
  difference: number | null;
}

export function compareWithUnitHourly(
  computed: HourlyAverage,
  unitHourlyValue: number | null | undefined,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): UnitHourlyComparison {
  const unit =
    unitHourlyValue !== null && unitHourlyValue !== undefined && Number.isFinite(unitHourlyValue)
      ? unitHourlyValue
      : null;
  const mine = computed.valid ? computed.value : null;
  const difference = unit !== null && computed.value !== null ? unit - computed.value : null;
  const base = { computed: computed.value, unit, difference };
  if (mine === null)
    return { ...base, verdict: unit === null ? 'BOTH_ABSENT' : 'UNIT_VALUE_FOR_INVALID_HOUR' };
  if (unit === null) return { ...base, verdict: 'UNIT_VALUE_MISSING' };
  return { ...base, verdict: differsBeyond(unit, mine, tolerance) ? 'DISAGREES' : 'AGREES' };
}
