import type { OutletKind } from '../registry/enums';
import type { ChainReason } from './chain-reasons';
import type {
  Averaging,
  LimitValue,
  SourceAge,
  SourceCategory,
  SpecialKind,
  SpecialLimitDesignation,
} from './types';

/**
 * How a permit limit looser than an applicable standard is treated (see the README):
 * - `strictest` (default): the permit is one more obligation; the strictest candidate applies.
 * - `permit-prevails`: once a permit for the outlet and pollutant is in force, its limit replaces
 *   the standards, looser or not.
 */
export type PermitPolicy = 'strictest' | 'permit-prevails';

/** The outlet, pollutant and moment a limit is wanted for. Time is a parameter: no clock. */
export interface LimitContext {
  at: Date;
  /** HJ 212-2017 code. */
  pollutant: string;
  /** Averaging of the value to be judged. */
  averaging: Averaging;
  outletKind: OutletKind;
  /** Permit outlet code, e.g. DA001. */
  outletCode: string;
  category: SourceCategory;
  /** Programme industry key of the enterprise; null when outside the programme list. */
  industry: string | null;
  /** GB/T 2260 code (6 digits) of the enterprise's district. */
  regionCode: string;
  /** Number of the permit issued to the enterprise; null/absent: none issued. */
  permitNumber?: string | null;
  /** New or existing source, where the standard divides them; absent: not known. */
  sourceAge?: SourceAge;
  /** Water temperature (°C) of the period, for temperature-dependent limits. */
  waterTemperatureC?: number;
  designations?: readonly SpecialLimitDesignation[];
  permitPolicy?: PermitPolicy;
}

/** Why the winning candidate won. */
export type SelectionRule = 'only-applicable' | 'strictest' | 'permit-prevails';

/**
 * The limit in force: a self-contained, frozen copy (no reference into the data), so a verdict
 * that stores it keeps it unchanged when the data gain a new version or are corrected.
 */
export interface ResolvedLimit {
  candidateId: string;
  origin: 'national' | 'local' | 'permit';
  /** Standard code (GB 13223-2011) or permit number. */
  sourceCode: string;
  sourceTitle: string;
  clause: string | null;
  pollutant: string;
  value: LimitValue;
  unit: string;
  averaging: Averaging;
  referenceO2: number | null;
  special: SpecialKind | null;
  /** The designation that switched a special / ultra-low row on. */
  designation: { id: string; document: string } | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  revision: number;
  confirmed: boolean;
  source: string;
  rule: SelectionRule;
  /** The applicable candidates it was preferred to (looser, equal, or replaced by the permit). */
  comparedWith: readonly ComparedLimit[];
}

/** An applicable candidate that lost, as a verdict quotes it. */
export interface ComparedLimit {
  candidateId: string;
  origin: 'national' | 'local' | 'permit';
  sourceCode: string;
  value: LimitValue;
  unit: string;
  referenceO2: number | null;
  special: SpecialKind | null;
}

export interface ChainEntry {
  candidateId: string;
  /** Short description of the candidate, e.g. `GB 13223-2011 a21026 ≤ 100 mg/m³ (hour, 6% O2)`. */
  label: string;
  taken: boolean;
  reason: ChainReason;
  /** The numbers or dates behind the reason, in English (the UI labels `reason` itself). */
  detail: string;
  /** Id of the candidate this one lost to or was superseded by. */
  against?: string;
}

export interface LimitResolution {
  limit: ResolvedLimit | null;
  chain: readonly ChainEntry[];
}
