import type { ScenarioName } from './scenarios.js';
import type { SimUnit } from './types.js';

/**
 * The demo city's mix: most units normal, a few in each trouble scenario so every screen (and the
 * alarm rules) has something to show. Decided by the unit's position, so the same city gets the
 * same mix every start.
 */
const MIX: readonly (ScenarioName | null)[] = [
  null,
  null,
  null,
  'exceedance',
  null,
  null,
  null,
  'constant',
  null,
  null,
  null,
  'zeros',
  null,
  'calibration',
  null,
  null,
  null,
  'clipped',
  null,
  'gaps',
  null,
  null,
  'drift',
  null,
  null,
  null,
  null,
  'exceedance',
  null,
  'disconnect',
];

export function demoScenarioMix(units: readonly Pick<SimUnit, 'mn'>[]): Record<string, ScenarioName> {
  const out: Record<string, ScenarioName> = {};
  units.forEach((u, i) => {
    const s = MIX[i % MIX.length];
    if (s) out[u.mn] = s;
  });
  return out;
}
