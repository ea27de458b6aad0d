import type { ConcentrationUnit, OutletKind } from '@dabiao/domain';
import { POLLUTANTS } from '@dabiao/hj212';

/** Flow codes: their Avg is a flow rate, their Cou a volume (m³). */
export const FLOW_CODES: Readonly<Record<OutletKind, string>> = { air: 'a00000', water: 'w00000' };
/** Flow-rate units of the flow codes (HJ 212-2017 附录B): a00000 m³/s, w00000 L/s. */
const FLOW_M3_PER_HOUR: Readonly<Record<string, number>> = { a00000: 3600, w00000: 3.6 };

/** Flue and water conditions: never O2-corrected, never an emission amount. */
const CONDITION_PREFIXES = ['a00', 'a01', 'a19', 'w00', 'w01001', 'w01010', 'w01014'];

export const O2_CODE = 'a19001';

/** Is this a flue-gas concentration (mg/m³, µg/m³, ng/m³…) that the O2 correction applies to? */
export function isO2Correctable(code: string): boolean {
  if (CONDITION_PREFIXES.some((p) => code.startsWith(p))) return false;
  const info = POLLUTANTS[code];
  return !!info && info.medium === 'air' && /g\/m³$/.test(info.unit);
}

/** The concentration unit emissionAmount understands, when the pollutant has one. */
export function concentrationUnit(code: string): ConcentrationUnit | undefined {
  if (CONDITION_PREFIXES.some((p) => code.startsWith(p))) return undefined;
  const unit = POLLUTANTS[code]?.unit;
  if (unit === 'mg/m³') return 'mg/m3';
  if (unit === 'mg/L') return 'mg/L';
  return undefined;
}

const KG_PER_AMOUNT_UNIT: Readonly<Record<string, number>> = { t: 1000, kg: 1, g: 1e-3, mg: 1e-6 };

/**
 * Factor from the unit's `Cou` to what we store: kg for pollutants (HJ 212-2017 gives kg, g or mg
 * per code), m³ for flow. Undefined when the code has no amount.
 */
export function couFactor(code: string): number | undefined {
  if (FLOW_M3_PER_HOUR[code] !== undefined) return 1;
  const unit = POLLUTANTS[code]?.amountUnit;
  return unit === undefined ? undefined : KG_PER_AMOUNT_UNIT[unit];
}

/** m³ discharged in an hour at the flow code's average rate. */
export function hourlyVolumeFromRate(flowCode: string, rate: number): number | undefined {
  const factor = FLOW_M3_PER_HOUR[flowCode];
  return factor === undefined || !Number.isFinite(rate) || rate < 0 ? undefined : rate * factor;
}

/**
 * A pollutants-object key worth an hourly value: a 2017 code with data fields. Facility states
 * (`SB1-RS`) and information items (`i12001-Info`) have neither Avg nor Flag.
 */
export function isDataEntry(fields: Readonly<Record<string, unknown>>): boolean {
  return 'Avg' in fields || 'Flag' in fields || 'Rtd' in fields;
}
