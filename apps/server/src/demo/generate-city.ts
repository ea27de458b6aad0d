import type { KeyKind } from '@dabiao/domain';
import type { DemoCity, DemoEnterprise, DemoMonitor, DemoOutlet } from './demo-city.types';
import { buildRegions } from './demo-districts';
import { generateEnterprises } from './generate-enterprises';
import { generateGrids } from './generate-grids';
import { generateOutlets } from './generate-outlets';
import { generatePermits } from './generate-permits';
import { DEMO_OPERATORS, generateUsers } from './generate-users';
import { createPrng } from './prng';

export type * from './demo-city.types';

/** Industries whose sites go on the soil key-discharger list (heavy metals, pesticides). */
const SOIL_INDUSTRIES = new Set([
  'nonferrous',
  'battery',
  'electroplating',
  'leather',
  'rare_earth',
  'pesticide',
]);

/** Key-discharger kinds follow from the control level and what is monitored online. */
function keyKinds(e: DemoEnterprise, outlets: readonly DemoOutlet[], monitored: Set<string>): KeyKind[] {
  if (e.controlLevel === 'none') return [];
  const kinds = new Set<KeyKind>();
  for (const o of outlets) if (monitored.has(o.key)) kinds.add(o.kind);
  if (SOIL_INDUSTRIES.has(e.programmeIndustry)) kinds.add('soil');
  if (e.programmeIndustry === 'thermal_power' || e.programmeIndustry === 'cement') kinds.add('noise');
  if (kinds.size === 0) kinds.add('other');
  return (['water', 'air', 'soil', 'noise', 'other'] as const).filter((k) => kinds.has(k));
}

/**
 * The demo city: 益阳市 with its real districts and townships and a few hundred fictional
 * enterprises of the programme industries, their permits, outlets, monitors and facilities,
 * grids and one login per role. Pure: the same seed gives the same city.
 */
export function generateDemoCity(seed = 20171): DemoCity {
  const prng = createPrng(seed);
  const regions = buildRegions();
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  const townships = generateGrids(prng);
  const grids = townships.flatMap((t) => t.grids);
  const planned = generateEnterprises(prng, townships, regionNames);
  const { outlets, monitors, facilities } = generateOutlets(prng, planned, DEMO_OPERATORS);
  const monitored = new Set(monitors.map((m: DemoMonitor) => m.outletKey));
  const outletsOf = new Map<string, DemoOutlet[]>();
  for (const o of outlets) outletsOf.set(o.enterpriseKey, [...(outletsOf.get(o.enterpriseKey) ?? []), o]);
  const enterprises = planned.map(({ enterprise }) => ({
    ...enterprise,
    keyKinds: keyKinds(enterprise, outletsOf.get(enterprise.key) ?? [], monitored),
  }));
  const permits = generatePermits(prng, planned, outlets);
  return {
    seed,
    regions,
    grids,
    enterprises,
    permits,
    outlets,
    monitors,
    facilities,
    operators: [...DEMO_OPERATORS],
    users: generateUsers(grids, enterprises),
  };
}
