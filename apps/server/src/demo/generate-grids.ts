import type { DemoGrid } from './demo-city.types';
import { DEMO_TOWNSHIPS, type DemoTownship, districtOf } from './demo-districts';
import { offsetKm } from './demo-geo';
import { mobilePhone, personName } from './demo-names';
import { createPrng, hashSeed, type Prng } from './prng';

export interface TownshipPlace extends DemoTownship {
  lng: number;
  lat: number;
  grids: DemoGrid[];
  /** How likely industry sits here: parks high, wetland centres almost never. */
  industryWeight: number;
}

function industryWeight(t: DemoTownship): number {
  if (/湿地|管理处/.test(t.name)) return 0.1;
  if (/开发区|产业园/.test(t.name)) return 5;
  if (t.name.endsWith('街道')) return 1.5;
  if (t.name.endsWith('乡')) return 0.6;
  return 1;
}

/**
 * Where each township "is": a point inside its district, drawn from a stream seeded by the
 * township code alone so the map stays the same whatever the city seed.
 */
function townshipCentre(t: DemoTownship): [number, number] {
  const d = districtOf(t.districtCode);
  const local = createPrng(hashSeed(t.code));
  const r = d.radiusKm * 0.7 * Math.sqrt(local.next());
  const theta = local.next() * 2 * Math.PI;
  return offsetKm(d.lng, d.lat, r * Math.cos(theta), r * Math.sin(theta));
}

/** Two to four grids per township, each with its grid officer. */
export function generateGrids(prng: Prng): TownshipPlace[] {
  return DEMO_TOWNSHIPS.map((t) => {
    const [lng, lat] = townshipCentre(t);
    const n = prng.int(2, 4);
    const grids: DemoGrid[] = [];
    for (let i = 1; i <= n; i++) {
      grids.push({
        key: `grid-${t.code}-${i}`,
        code: `${t.code}${String(i).padStart(3, '0')}`,
        name: `${t.name}第${i}网格`,
        townshipCode: t.code,
        officer: { username: `grid-${t.code}-${i}`, displayName: personName(prng), phone: mobilePhone(prng) },
      });
    }
    return { ...t, lng, lat, grids, industryWeight: industryWeight(t) };
  });
}
