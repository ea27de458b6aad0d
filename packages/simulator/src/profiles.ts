// The profile table and how a unit's profile name resolves to one.
import {
  AIR,
  CEMENT_KILN,
  COAL_BOILER,
  GLASS_FURNACE,
  INCINERATOR,
  type Profile,
  STEEL_SINTER,
  THERMAL_POWER,
} from './air-profiles.js';
import { defaultModel, type PollutantModel } from './pollutant-models.js';
import type { SimUnit } from './types.js';
import { CHEMICAL, DYEING_PLANT, PAPER_MILL, WASTEWATER_PLANT, WATER } from './water-profiles.js';

export type { Profile } from './air-profiles.js';

export const PROFILES = {
  'coal-boiler': COAL_BOILER,
  'thermal-power': THERMAL_POWER,
  'cement-kiln': CEMENT_KILN,
  'steel-sinter': STEEL_SINTER,
  'glass-furnace': GLASS_FURNACE,
  incinerator: INCINERATOR,
  'wastewater-plant': WASTEWATER_PLANT,
  'paper-mill': PAPER_MILL,
  'dyeing-plant': DYEING_PLANT,
  chemical: CHEMICAL,
  air: AIR,
  water: WATER,
} as const satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;

/** Other spellings: the demo city's outlet profiles (`coal_boiler`, `dyeing`, `industrial_air`, …). */
const ALIASES: Readonly<Record<string, ProfileName>> = {
  dyeing: 'dyeing-plant',
  'industrial-air': 'air',
  'industrial-water': 'water',
  'wastewater-treatment': 'wastewater-plant',
  sinter: 'steel-sinter',
  glass: 'glass-furnace',
  power: 'thermal-power',
};

const isProfileName = (name: string): name is ProfileName => Object.hasOwn(PROFILES, name);

/**
 * The profile for a name: exact, with `_` for `-` and any case, or an alias; an unknown name falls
 * back to the generic `air` (ST 31) or `water` (ST 32) profile.
 */
export function resolveProfile(name: string, st: '31' | '32' | string = '31'): Profile {
  const key = name.trim().toLowerCase().replaceAll('_', '-');
  if (isProfileName(key)) return PROFILES[key];
  const alias = ALIASES[key];
  if (alias) return PROFILES[alias];
  return st === '32' ? PROFILES.water : PROFILES.air;
}

/** The models a unit reports: its own code list (unknown codes get defaults) or the profile's. */
export function unitModels(unit: SimUnit, profile: Profile): PollutantModel[] {
  if (!unit.pollutants || unit.pollutants.length === 0) return [...profile.pollutants];
  const byCode = new Map(profile.pollutants.map((m) => [m.code, m]));
  return [...new Set(unit.pollutants)].map((code) => byCode.get(code) ?? defaultModel(code));
}
