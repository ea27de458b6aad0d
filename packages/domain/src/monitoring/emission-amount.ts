/**
 * Emission amounts (排放量) in kg. Concentrations must be on the same basis as the flow: for flue
 * gas the measured (not O2-corrected) dry concentration at standard state times the dry standard
 * flow (标干流量) — the O2-corrected value is for judging limits, not for mass. HJ 212-2017 code
 * tables give pollutant `Cou` in kg and flow `Cou` in m³ (see registry/pollutants `totalUnit`).
 */
export type ConcentrationUnit = 'mg/m3' | 'mg/L';
export type FlowRateUnit = 'm3/h' | 'm3/s' | 'L/s';

export interface ConcentrationAmountInput {
  concentration: number;
  concentrationUnit: ConcentrationUnit;
  /** Either a flow rate with a duration… */
  flowRate?: number;
  flowRateUnit?: FlowRateUnit;
  durationHours?: number;
  /** …or the volume (m³) discharged in the period (e.g. the flow `Cou`). */
  volumeM3?: number;
}

const M3_PER_HOUR: Readonly<Record<FlowRateUnit, number>> = { 'm3/h': 1, 'm3/s': 3600, 'L/s': 3.6 };
/** mg/m³ × m³ = mg; mg/L × m³ = mg/L × 1000 L = 1000 mg. */
const MG_PER_UNIT_M3: Readonly<Record<ConcentrationUnit, number>> = { 'mg/m3': 1, 'mg/L': 1000 };
const MG_PER_KG = 1e6;

export type AmountResult =
  | { ok: true; kg: number; source: 'COU' | 'COMPUTED' }
  | { ok: false; reason: 'NO_INPUT' | 'INVALID_INPUT' };

/** Volume (m³) from the input: the given volume, or rate × duration. */
function volumeOf(i: ConcentrationAmountInput): number | undefined {
  if (i.volumeM3 !== undefined) return i.volumeM3;
  if (i.flowRate === undefined || i.durationHours === undefined) return undefined;
  return i.flowRate * M3_PER_HOUR[i.flowRateUnit ?? 'm3/h'] * i.durationHours;
}

/** kg = concentration × volume, with unit conversion. */
export function amountFromConcentration(i: ConcentrationAmountInput): AmountResult {
  const volume = volumeOf(i);
  if (volume === undefined) return { ok: false, reason: 'NO_INPUT' };
  if (![i.concentration, volume].every(Number.isFinite) || i.concentration < 0 || volume < 0) {
    return { ok: false, reason: 'INVALID_INPUT' };
  }
  return {
    ok: true,
    kg: (i.concentration * volume * MG_PER_UNIT_M3[i.concentrationUnit]) / MG_PER_KG,
    source: 'COMPUTED',
  };
}

export type AmountUnit = 'kg' | 'g' | 't';
const KG_PER: Readonly<Record<AmountUnit, number>> = { kg: 1, g: 0.001, t: 1000 };

/**
 * The period amount: the unit's own `Cou` (kg by HJ 212-2017) when present and finite, otherwise
 * computed from concentration and flow. Which source was used is part of the result.
 */
export function emissionAmount(
  cou: number | null | undefined,
  computedFrom?: ConcentrationAmountInput,
  couUnit: AmountUnit = 'kg',
): AmountResult {
  if (cou !== null && cou !== undefined) {
    if (!Number.isFinite(cou) || cou < 0) return { ok: false, reason: 'INVALID_INPUT' };
    return { ok: true, kg: cou * KG_PER[couUnit], source: 'COU' };
  }
  return computedFrom ? amountFromConcentration(computedFrom) : { ok: false, reason: 'NO_INPUT' };
}

export interface AnnualShare {
  /** amount / permitted (1 = the whole permitted annual amount is used). */
  share: number;
  remainingT: number;
  exceeded: boolean;
}

/** Share of the permit's annual amount (许可排放量, tonnes) used so far; null without a usable permit amount. */
export function annualShareUsed(amountSoFarT: number, permittedAnnualT: number): AnnualShare | null {
  if (!Number.isFinite(amountSoFarT) || !Number.isFinite(permittedAnnualT) || permittedAnnualT <= 0)
    return null;
  return {
    share: amountSoFarT / permittedAnnualT,
    remainingT: permittedAnnualT - amountSoFarT,
    exceeded: amountSoFarT > permittedAnnualT,
  };
}
