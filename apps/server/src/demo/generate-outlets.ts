import { DEFAULT_CATEGORY_OF_PROFILE, type SourceAge, type SourceCategory } from '@dabiao/domain';
import type { DemoFacility, DemoMonitor, DemoOperator, DemoOutlet } from './demo-city.types';
import { pointWithin } from './demo-geo';
import { dateBetween } from './demo-names';
import { OUTLET_TEMPLATES, type OutletTemplate } from './demo-outlet-templates';
import type { PlannedEnterprise } from './generate-enterprises';
import type { Prng } from './prng';

/** Analyser makers common on Chinese CEMS/water-monitoring sites; models are illustrative. */
const AIR_MAKERS = [
  { name: '聚光科技', code: 'JG', model: 'CEMS-2000 B' },
  { name: '雪迪龙', code: 'XD', model: 'SCS-900' },
  { name: '先河环保', code: 'XH', model: 'XHCEMS-2000' },
];
const WATER_MAKERS = [
  { name: '力合科技', code: 'LH', model: 'LFS-2002(H)' },
  { name: '聚光科技', code: 'JG', model: 'CODG-3000' },
  { name: '哈希', code: 'HC', model: 'CODmax plus sc' },
];

export interface OutletsResult {
  outlets: DemoOutlet[];
  monitors: DemoMonitor[];
  facilities: DemoFacility[];
  /** Outlet templates by outlet key, for the permit totals. */
  templates: Map<string, OutletTemplate>;
}

function between(prng: Prng, range: [number, number] | null, digits: number): number | null {
  if (!range) return null;
  const f = 10 ** digits;
  return Math.round(prng.float(range[0], range[1]) * f) / f;
}

/**
 * The MN of a data-acquisition unit: 24 characters, district (6) + maker (2) + year (4) +
 * enterprise number (5) + W/A + outlet number (3) + '000'; unique because the enterprise
 * number and outlet code are.
 */
function mn(
  district: string,
  maker: string,
  installedOn: string,
  enterpriseNo: number,
  code: string,
): string {
  return `${district}${maker}${installedOn.slice(0, 4)}${String(enterpriseNo).padStart(5, '0')}${code.slice(1)}000`;
}

/**
 * The day from which a unit counts as a new source under its category's standard (the standards'
 * own implementation dates for new units; a plant started before it is an existing source). GB 18918
 * and the categories without a new/existing division in the library are absent: no source age.
 */
const NEW_SOURCE_FROM: Partial<Record<SourceCategory, string>> = {
  'power-coal-boiler': '2012-01-01', // GB 13223-2011
  'power-gas-boiler': '2012-01-01',
  'industrial-coal-boiler': '2014-07-01', // GB 13271-2014
  'industrial-oil-boiler': '2014-07-01',
  'industrial-gas-boiler': '2014-07-01',
  'msw-incinerator': '2014-07-01', // GB 18485-2014
  'cement-kiln': '2014-03-01', // GB 4915-2013
  'dyeing-direct': '2013-01-01', // GB 4287-2012
};

/** The outlet's standard category from its profile and its age from when the plant started. */
export function limitFacts(
  profile: string,
  startedOn: string,
): { standardCategory: SourceCategory | null; sourceAge: SourceAge | null } {
  const standardCategory = DEFAULT_CATEGORY_OF_PROFILE[profile] ?? null;
  const from = standardCategory ? NEW_SOURCE_FROM[standardCategory] : undefined;
  return { standardCategory, sourceAge: from ? (startedOn < from ? 'existing' : 'new') : null };
}

/** Outlets for each enterprise from its industry's slots, their monitors and facilities. */
export function generateOutlets(
  prng: Prng,
  planned: readonly PlannedEnterprise[],
  operators: readonly DemoOperator[],
): OutletsResult {
  const result: OutletsResult = { outlets: [], monitors: [], facilities: [], templates: new Map() };
  planned.forEach(({ enterprise, mix }, index) => {
    const chosen: { template: OutletTemplate; n: number }[] = [];
    for (const slot of mix.outlets) {
      if (!prng.chance(slot.p)) continue;
      const copies = prng.int(1, slot.max);
      for (let n = 1; n <= copies; n++) chosen.push({ template: OUTLET_TEMPLATES[slot.template], n });
    }
    if (chosen.length === 0) chosen.push({ template: OUTLET_TEMPLATES[mix.outlets[0]!.template], n: 1 });

    const counters = { water: 0, air: 0 };
    const operator = prng.pick(operators);
    let facilities = 0;
    const maxFacilities = prng.int(1, 3);
    for (const { template, n } of chosen) {
      counters[template.kind] += 1;
      const code = `D${template.kind === 'water' ? 'W' : 'A'}${String(counters[template.kind]).padStart(3, '0')}`;
      const [lng, lat] = pointWithin(prng, enterprise.lng, enterprise.lat, 0.3);
      const outlet: DemoOutlet = {
        key: `${enterprise.key}-${code}`,
        enterpriseKey: enterprise.key,
        kind: template.kind,
        code,
        name:
          template.kind === 'air'
            ? `${n}#${template.name}`
            : counters.water > 1
              ? `${counters.water}#${template.name}`
              : template.name,
        stackHeightM: between(prng, template.heightM, 0),
        stackDiameterM: between(prng, template.diameterM, 1),
        flueTemperatureC: between(prng, template.temperatureC, 0),
        referenceO2: template.referenceO2,
        lng,
        lat,
        pollutants: [...template.pollutants],
        profile: template.profile,
        ...limitFacts(template.profile, enterprise.startedOn),
      };
      result.outlets.push(outlet);
      result.templates.set(outlet.key, template);

      if (enterprise.status !== 'closed' && prng.chance(template.monitored)) {
        const maker = prng.pick(template.kind === 'air' ? AIR_MAKERS : WATER_MAKERS);
        const installedOn = dateBetween(prng, Math.max(2016, Number(enterprise.startedOn.slice(0, 4))), 2023);
        result.monitors.push({
          outletKey: outlet.key,
          mn: mn(enterprise.regionCode, maker.code, installedOn, index + 1, code),
          password: String(prng.int(0, 999999)).padStart(6, '0'),
          manufacturer: maker.name,
          model: maker.model,
          installedOn,
          operatorKey: prng.chance(0.85) ? operator.key : prng.pick(operators).key,
        });
      }
      for (const ft of template.facilities) {
        if (facilities >= maxFacilities) break;
        facilities += 1;
        const [lo, hi] = ft.range;
        const value = hi >= 20 ? String(Math.round(prng.float(lo, hi))) : prng.float(lo, hi).toFixed(1);
        result.facilities.push({
          enterpriseKey: enterprise.key,
          outletKey: outlet.key,
          name: ft.name,
          process: ft.process,
          capacity: ft.capacity.replace('{n}', value),
          feasibleTechnology: prng.chance(0.9),
        });
      }
    }
  });
  return result;
}
