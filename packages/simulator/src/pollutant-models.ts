// How each monitored quantity behaves, by HJ 212-2017 code (packages/hj212/src/dictionary: the
// concentration units are mg/m³ for air pollutants, mg/L for water, a00000 flue-gas flow m³/s,
// w00000 wastewater flow L/s). Profiles override levels and limits per outlet type; a code a profile
// does not list falls back to the defaults here.

/** What a value is, which decides how it moves with load and whether it has an amount (Cou). */
export type Role = 'pollutant' | 'o2' | 'temperature' | 'velocity' | 'pressure' | 'humidity' | 'flow' | 'ph';

export interface PollutantModel {
  code: string;
  role: Role;
  /** Typical value at full load (air pollutants: on the O2-corrected basis when the profile has one). */
  level: number;
  /** Relative amplitude of the slow wander over hours (0.2 = ±20 %). */
  wander: number;
  /** Relative standard deviation of minute-to-minute noise. */
  jitter: number;
  /** 0…1: how much the value follows the plant's load cycle (flow 1, temperature a little). */
  loadFollow: number;
  /** Decimals written on the wire. */
  decimals: number;
  /** Emission limit (upper bound). Air: on the O2-corrected basis when the profile sets a reference O2. */
  limit?: number;
  /** Lower bound of the permitted range (pH 6-9). */
  lowerLimit?: number;
}

type Defaults = Omit<PollutantModel, 'code'>;

const pollutant = (level: number, decimals: number, limit?: number): Defaults => ({
  role: 'pollutant',
  level,
  wander: 0.18,
  jitter: 0.05,
  loadFollow: 0.4,
  decimals,
  ...(limit === undefined ? {} : { limit }),
});

// Fallback limits (used only when a profile does not set one): GB 16297-1996 表2 (new sources) for
// air — particulate 120, SO2 550, NOx 240, HCl 100, NMHC 120 mg/m³ — and GB 8978-1996 一级 for
// water — COD 100, NH3-N 15, phosphate (as P) 0.5 mg/L, pH 6-9. CO and TN have no limit there.
const DEFAULTS: Readonly<Record<string, Defaults>> = {
  a34013: pollutant(25, 2, 120),
  a21026: pollutant(80, 2, 550),
  a21002: pollutant(90, 1, 240),
  a21024: pollutant(10, 2, 100),
  a21005: pollutant(20, 2),
  a24088: pollutant(25, 2, 120),
  a19001: { role: 'o2', level: 12, wander: 0.05, jitter: 0.01, loadFollow: 0, decimals: 1 },
  a01012: { role: 'temperature', level: 60, wander: 0.04, jitter: 0.005, loadFollow: 0.15, decimals: 1 },
  a01011: { role: 'velocity', level: 10, wander: 0.05, jitter: 0.02, loadFollow: 0.9, decimals: 2 },
  a01013: { role: 'pressure', level: 0.35, wander: 0.1, jitter: 0.03, loadFollow: 0.5, decimals: 2 },
  a01014: { role: 'humidity', level: 9, wander: 0.06, jitter: 0.01, loadFollow: 0.1, decimals: 1 },
  a00000: { role: 'flow', level: 20, wander: 0.05, jitter: 0.02, loadFollow: 1, decimals: 1 },
  w01018: pollutant(40, 1, 100),
  w21003: pollutant(3, 2, 15),
  w21011: pollutant(0.3, 3, 0.5),
  w21001: pollutant(10, 2),
  w01001: {
    role: 'ph',
    level: 7.2,
    wander: 0.03,
    jitter: 0.004,
    loadFollow: 0,
    decimals: 2,
    limit: 9,
    lowerLimit: 6,
  },
  w00000: { role: 'flow', level: 10, wander: 0.08, jitter: 0.03, loadFollow: 1, decimals: 2 },
};

/** A code nobody described: a generic concentration without a limit. */
const UNKNOWN: Defaults = pollutant(10, 2);

/** The default model of a code (its own defaults, or a generic concentration). */
export function defaultModel(code: string): PollutantModel {
  return { code, ...(DEFAULTS[code] ?? UNKNOWN) };
}

/** A code's model with a profile's overrides. */
export function model(code: string, overrides: Partial<Defaults> = {}): PollutantModel {
  return { ...defaultModel(code), ...overrides };
}

/** Codes with a limit: the ones scenarios act on. */
export const isRegulated = (m: PollutantModel): boolean => m.limit !== undefined;

/** Pollutants whose amount (Cou, kg) is reported from concentration × flow. */
export const hasAmount = (m: PollutantModel): boolean => m.role === 'pollutant' || m.role === 'flow';
