import type { SourceAge, SourceCategory } from './types';

/** Every `SourceCategory`, in the order the UI lists them (GB 13223, GB 13271, GB 18485, GB 4915, GB 18918, GB 4287). */
export const SOURCE_CATEGORIES = [
  'power-coal-boiler',
  'power-gas-boiler',
  'industrial-coal-boiler',
  'industrial-oil-boiler',
  'industrial-gas-boiler',
  'msw-incinerator',
  'cement-kiln',
  'wwtp-grade-1a',
  'wwtp-grade-1b',
  'wwtp-grade-2',
  'dyeing-direct',
] as const satisfies readonly SourceCategory[];

export const SOURCE_AGES = ['new', 'existing'] as const satisfies readonly SourceAge[];

// Both lists must name every member of their union: a new category added to types.ts fails here.
type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;
const _allCategories: [Missing<SourceCategory, typeof SOURCE_CATEGORIES>] extends [never] ? true : never =
  true;
const _allAges: [Missing<SourceAge, typeof SOURCE_AGES>] extends [never] ? true : never = true;
void _allCategories;
void _allAges;

export const isSourceCategory = (v: unknown): v is SourceCategory =>
  (SOURCE_CATEGORIES as readonly unknown[]).includes(v);

/**
 * Outlet profiles (the demo's and device simulator's outlet kinds) whose standard category is
 * unambiguous. The limit resolver falls back to these when an outlet has no category entered.
 */
export const CATEGORY_OF_PROFILE: Readonly<Record<string, SourceCategory>> = {
  thermal_power: 'power-coal-boiler',
  coal_boiler: 'industrial-coal-boiler',
  cement_kiln: 'cement-kiln',
  incinerator: 'msw-incinerator',
};

/**
 * The category a registry record starts with (migration 0007 backfill, demo city): the unambiguous
 * ones plus the common case of the water profiles — a municipal plant at GB 18918 grade 1A, a
 * dyeing plant discharging directly (GB 4287). Entered once on the outlet, corrected there when the
 * plant is otherwise; never guessed at resolve time.
 */
export const DEFAULT_CATEGORY_OF_PROFILE: Readonly<Record<string, SourceCategory>> = {
  ...CATEGORY_OF_PROFILE,
  wastewater_plant: 'wwtp-grade-1a',
  dyeing: 'dyeing-direct',
};

/** The outlet kind a category's standard is written for: GB 18918 and GB 4287 water, the rest air. */
export const categoryOutletKind = (c: SourceCategory): 'air' | 'water' =>
  c.startsWith('wwtp-') || c === 'dyeing-direct' ? 'water' : 'air';
