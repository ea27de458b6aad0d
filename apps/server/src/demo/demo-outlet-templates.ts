import type { OutletKind } from '@dabiao/domain';
import type { OutletProfile } from './demo-city.types';
import { FACILITIES as F, type FacilityTemplate } from './demo-facility-templates';

/** One kind of outlet as plants of an industry have it. */
export interface OutletTemplate {
  kind: OutletKind;
  name: string;
  profile: OutletProfile;
  pollutants: readonly string[];
  heightM: [number, number] | null;
  diameterM: [number, number] | null;
  temperatureC: [number, number] | null;
  /** Reference O2 of the applicable standard (GB 13223 6, GB 13271 9, GB 4915 10, GB 18485 11…). */
  referenceO2: number | null;
  /** Probability that the outlet has an online monitor. */
  monitored: number;
  facilities: readonly FacilityTemplate[];
}

const FLUE = ['a01011', 'a01012', 'a01013', 'a01014', 'a00000'];
const COMBUSTION = ['a34013', 'a21026', 'a21002', 'a19001', ...FLUE];
const INCINERATION = [...COMBUSTION, 'a21024', 'a21005'];
const PM = ['a34013', ...FLUE];
const VOC = ['a24088', ...FLUE];
const ACID = ['a21024', ...PM];
const WATER = ['w01018', 'w21003', 'w01001', 'w00000'];
const WATER_NP = ['w01018', 'w21003', 'w21011', 'w21001', 'w01001', 'w00000'];

type Range = [number, number];

/** A stack: name, profile, pollutants, height m, diameter m, flue °C, reference O2, P(monitored). */
function air(
  name: string,
  profile: OutletProfile,
  pollutants: readonly string[],
  [heightM, diameterM, temperatureC]: [Range, Range, Range],
  referenceO2: number | null,
  monitored: number,
  facilities: FacilityTemplate[],
): OutletTemplate {
  return {
    kind: 'air',
    name,
    profile,
    pollutants,
    heightM,
    diameterM,
    temperatureC,
    referenceO2,
    monitored,
    facilities,
  };
}

/** A wastewater outlet: no stack dimensions, no reference O2. */
function water(
  name: string,
  profile: OutletProfile,
  pollutants: readonly string[],
  monitored: number,
  facilities: FacilityTemplate[],
): OutletTemplate {
  const none = { heightM: null, diameterM: null, temperatureC: null, referenceO2: null };
  return { kind: 'water', name, profile, pollutants, ...none, monitored, facilities };
}

// Reference O2 where the standard sets one: GB 13223 power 6, GB 13271 coal boilers 9, GB 4915
// cement kilns 10, GB 18485 incinerators 11, GB 26453 flat glass 8, GB 29620 brick kilns 18.
export const OUTLET_TEMPLATES = {
  powerUnit: air(
    '机组排气筒',
    'thermal_power',
    COMBUSTION,
    [
      [180, 240],
      [6, 8.5],
      [45, 55],
    ],
    6,
    1,
    [F.fgd, F.scr, F.esp],
  ),
  coalBoiler: air(
    '燃煤锅炉排气筒',
    'coal_boiler',
    COMBUSTION,
    [
      [30, 60],
      [0.8, 2],
      [50, 140],
    ],
    9,
    0.95,
    [F.dualAlkali, F.bag],
  ),
  cementKiln: air(
    '窑尾排气筒',
    'cement_kiln',
    COMBUSTION,
    [
      [80, 110],
      [3, 4.5],
      [90, 150],
    ],
    10,
    1,
    [F.sncr, F.bag],
  ),
  kilnHead: air(
    '窑头排气筒',
    'industrial_air',
    PM,
    [
      [30, 45],
      [2, 3],
      [90, 180],
    ],
    null,
    1,
    [F.bag],
  ),
  incinerator: air(
    '焚烧线排气筒',
    'incinerator',
    INCINERATION,
    [
      [60, 80],
      [1.6, 2.4],
      [130, 160],
    ],
    11,
    1,
    [F.incineratorGas],
  ),
  smelter: air(
    '冶炼烟气排气筒',
    'industrial_air',
    COMBUSTION,
    [
      [40, 80],
      [1.5, 3],
      [60, 120],
    ],
    null,
    0.95,
    [F.bag, F.scrubber],
  ),
  glassFurnace: air(
    '熔窑排气筒',
    'industrial_air',
    COMBUSTION,
    [
      [60, 100],
      [2.5, 3.5],
      [120, 180],
    ],
    8,
    1,
    [F.scr, F.bag],
  ),
  brickKiln: air(
    '隧道窑排气筒',
    'industrial_air',
    COMBUSTION,
    [
      [25, 40],
      [1, 2],
      [50, 120],
    ],
    18,
    0.95,
    [F.dualAlkali],
  ),
  bakingFurnace: air(
    '焙烧炉排气筒',
    'industrial_air',
    COMBUSTION,
    [
      [40, 60],
      [1.5, 2.5],
      [60, 120],
    ],
    null,
    0.9,
    [F.bag, F.scrubber],
  ),
  dryer: air(
    '热能中心排气筒',
    'industrial_air',
    COMBUSTION,
    [
      [30, 45],
      [1.2, 2],
      [60, 120],
    ],
    null,
    0.9,
    [F.bag],
  ),
  dust: air(
    '除尘排气筒',
    'industrial_air',
    PM,
    [
      [15, 30],
      [0.6, 1.5],
      [30, 70],
    ],
    null,
    0.9,
    [F.bag],
  ),
  voc: air(
    '有机废气排气筒',
    'industrial_air',
    VOC,
    [
      [15, 30],
      [0.5, 1.2],
      [25, 45],
    ],
    null,
    0.9,
    [F.activatedCarbon, F.rto],
  ),
  acid: air(
    '酸雾排气筒',
    'industrial_air',
    ACID,
    [
      [15, 25],
      [0.5, 1],
      [20, 35],
    ],
    null,
    0.9,
    [F.scrubber],
  ),
  wwtp: water('出水总排口', 'wastewater_plant', WATER_NP, 1, [F.wwtp]),
  paper: water('废水总排口', 'paper_mill', WATER_NP, 1, [F.paperWater]),
  dyeing: water('废水总排口', 'dyeing', WATER_NP, 1, [F.dyeingWater]),
  water: water('废水总排口', 'industrial_water', WATER, 0.95, [F.industrialWater]),
  waterNp: water('废水总排口', 'industrial_water', WATER_NP, 0.95, [F.industrialWater]),
  mine: water('矿井水排放口', 'industrial_water', WATER, 0.9, [F.industrialWater]),
  leachate: water('渗滤液处理站排放口', 'industrial_water', WATER_NP, 1, [F.leachate]),
} satisfies Record<string, OutletTemplate>;

export type OutletTemplateName = keyof typeof OUTLET_TEMPLATES;
