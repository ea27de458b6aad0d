import { AIR_CODES } from './air-codes.js';
import { WATER_CODES } from './water-codes.js';

export interface PollutantInfo {
  code: string;
  /** Chinese name as in the standard's appendix. */
  name: string;
  /** HJ/T 212-2005 code, when the pollutant had one. */
  code2005?: string;
  /** Unit of concentrations (Rtd/Min/Avg/Max); empty for dimensionless values (pH). */
  unit: string;
  /** Unit of amounts (`Cou`), when the pollutant has one. */
  amountUnit?: string;
  /** Numeric format `Nx.y`: x integer digits, y decimals. */
  format: string;
  medium: 'air' | 'water';
}

function load(table: string, medium: 'air' | 'water'): PollutantInfo[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', name = '', c2005 = '', unit = '', amountUnit = '', format = ''] = line.split('|');
      const info: PollutantInfo = { code, name, unit, format, medium };
      if (c2005) info.code2005 = c2005;
      if (amountUnit) info.amountUnit = amountUnit;
      return info;
    });
}

/** 2017 pollutant and parameter codes, keyed by code (`a21026` → 二氧化硫, mg/m³). */
export const POLLUTANTS: Readonly<Record<string, PollutantInfo>> = Object.freeze(
  Object.fromEntries([...load(AIR_CODES, 'air'), ...load(WATER_CODES, 'water')].map((p) => [p.code, p])),
);

const AIR_2005 = new Map<string, string>();
const WATER_2005 = new Map<string, string>();
for (const p of Object.values(POLLUTANTS)) {
  if (p.code2005) (p.medium === 'air' ? AIR_2005 : WATER_2005).set(p.code2005, p.code);
}

/**
 * The 2017 code for a 2005-edition code, or undefined. Air and water 2005 codes overlap in form
 * (`01` smoke vs `001` pH), so the system code decides which table: ST 2x/31/39 air, 32/33 water;
 * an unknown ST tries air then water.
 */
export function codeFrom2005(code: string, st?: string): string | undefined {
  if (st === '32' || st === '21' || st === '33' || st === '34') return WATER_2005.get(code);
  if (st === '31' || st === '22' || st === '39') return AIR_2005.get(code);
  return AIR_2005.get(code) ?? WATER_2005.get(code);
}

/** The 2005 code of a 2017 code, or undefined. */
export function codeTo2005(code: string): string | undefined {
  return POLLUTANTS[code]?.code2005;
}
