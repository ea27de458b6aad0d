import type { OutletKind } from '../registry/enums';

/**
 * Emission-limit rows (R5): national and local standards, the special-limit designations that
 * switch special limits on, and a permit's own limits. Plain data, so the city can correct a value
 * by adding a new row (a new version) without touching past verdicts, which keep a copy.
 *
 * Dates are `YYYY-MM-DD`, read as 00:00 Asia/Shanghai. `effectiveTo` is exclusive: the first
 * day the row no longer applies (for a permit valid "至 2025-12-31", enter 2026-01-01).
 */

/** Averaging period a limit is stated for: hourly mean, daily mean, or any single value. */
export type Averaging = 'hour' | 'day' | 'instant';

/** A ceiling (`max`) or, for pH, an allowed range `lo..hi` (both bounds allowed). */
export type LimitValue = { kind: 'max'; max: number } | { kind: 'range'; lo: number; hi: number };

/** 特别排放限值 (`special`) or the coal-power ultra-low emission policy values (`ultra-low`). */
export type SpecialKind = 'special' | 'ultra-low';

/** New or existing source (新建/现有), as the standard divides them. */
export type SourceAge = 'new' | 'existing';

/**
 * Kind of plant or unit a standard row is written for. The registry assigns one to each outlet.
 * `power-*` are GB 13223 power-plant boilers; `industrial-*` are GB 13271 boilers (any industry).
 */
export type SourceCategory =
  | 'power-coal-boiler'
  | 'power-gas-boiler'
  | 'industrial-coal-boiler'
  | 'industrial-oil-boiler'
  | 'industrial-gas-boiler'
  | 'msw-incinerator'
  | 'cement-kiln'
  | 'wwtp-grade-1a'
  | 'wwtp-grade-1b'
  | 'wwtp-grade-2'
  | 'dyeing-direct';

/** A water-temperature condition (GB 18918 NH3-N: the bracketed value applies at ≤ 12 °C). */
export type WaterTemperatureCondition = { above: number } | { atMost: number };

export interface StandardRef {
  /** Code with its edition year, e.g. `GB 13223-2011`, `DB12/ 151-2020`. */
  code: string;
  /** The code without the year: editions of one series are versions of each other. */
  series: string;
  title: string;
  level: 'national' | 'local';
  /** GB/T 2260 codes a local standard covers (`120000` = all of Tianjin); null for national. */
  regionCodes: readonly string[] | null;
}

/** Fields every candidate limit has, whatever its origin. */
interface LimitFields {
  /** Stable id, quoted in resolver chains and verdicts. */
  id: string;
  /** HJ 212-2017 pollutant code, e.g. `a21026` SO2. */
  pollutant: string;
  value: LimitValue;
  unit: string;
  averaging: Averaging;
  /** Reference O2 (%) the limit is stated at; null when the limit has none (water, most others). */
  referenceO2: number | null;
  /** Table / clause of the standard or permit; null when not yet recorded (see the README gaps). */
  clause: string | null;
  /** null: the source does not give the date; the resolver then treats the row as in force. */
  effectiveFrom: string | null;
  effectiveTo?: string;
  /** Record revision: a corrected row with the same dates supersedes a lower revision. */
  revision: number;
  /** False until the value has been checked against the standard's own table. */
  confirmed: boolean;
  /** Where the number comes from (file and row). */
  source: string;
  /** How an ambiguous cell of the source was read, when it had to be. */
  reading?: string;
}

export interface StandardLimit extends LimitFields {
  kind: 'standard';
  standard: StandardRef;
  outletKind: OutletKind;
  /** Programme industry keys (registry/programme-industries); null: any industry (e.g. boilers). */
  industries: readonly string[] | null;
  category: SourceCategory;
  /** Only for new or only for existing sources; absent: both. */
  sourceAge?: SourceAge;
  waterTemperature?: WaterTemperatureCondition;
  /** Special or ultra-low row: applies only under a designation in force for the area. */
  special: SpecialKind | null;
}

/** A limit written in a discharge permit (排污许可证) for one outlet and pollutant. */
export interface PermitLimit extends LimitFields {
  kind: 'permit';
  permitNumber: string;
  /** Permit outlet code, e.g. DA001. */
  outletCode: string;
}

export type LimitCandidate = StandardLimit | PermitLimit;

/**
 * An authority's decision that special (or ultra-low) limits apply in some areas from a date
 * (e.g. an MEE announcement or a city notice). Without one in force, special rows do not apply.
 */
export interface SpecialLimitDesignation {
  id: string;
  kind: SpecialKind;
  /** Standard codes whose special rows it switches on, e.g. `GB 13271-2014`. */
  standards: readonly string[];
  /** GB/T 2260 codes of the designated areas; `120000` covers every district of Tianjin. */
  regionCodes: readonly string[];
  /** Restrict to some categories / to new or existing sources; absent: all. */
  categories?: readonly SourceCategory[];
  sourceAge?: SourceAge;
  effectiveFrom: string;
  effectiveTo?: string;
  /** The designating document, quoted in verdicts. */
  document: string;
}
