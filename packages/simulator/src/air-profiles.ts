// Flue-gas outlet profiles. Limits are plausible national limits for the outlet type, on the
// O2-corrected basis of the standard (折算浓度); the alarm rules resolve the real limit per permit.
// Typical levels are those of plants that comply most of the time.
import { CONTINUOUS, DAY_SHIFT, type LoadCycle, POWER_DEMAND } from './load-cycles.js';
import { model, type PollutantModel } from './pollutant-models.js';

export interface Profile {
  name: string;
  zh: string;
  medium: 'air' | 'water';
  /** Where the limits come from. */
  standard: string;
  /** Reference O2 (%) of the standard: concentrations are judged as ZsAvg = C × (21 − ref) / (21 − O2). */
  referenceO2?: number;
  cycle: LoadCycle;
  /** Everything the outlet's analysers measure, in the order a unit reports them. */
  pollutants: readonly PollutantModel[];
}

/** Flue conditions: O2 %, temperature °C, velocity m/s, static pressure kPa, humidity %, flow m³/s. */
function flue(o2: number, temperature: number, velocity: number, flow: number): PollutantModel[] {
  return [
    model('a19001', { level: o2 }),
    model('a01011', { level: velocity }),
    model('a01012', { level: temperature }),
    model('a01013'),
    model('a01014'),
    model('a00000', { level: flow }),
  ];
}

/** Particulate, SO2, NOx: [typical, limit] each, mg/m³ on the reference-O2 basis. */
function combustion(pm: [number, number], so2: [number, number], nox: [number, number]): PollutantModel[] {
  return [
    model('a34013', { level: pm[0], limit: pm[1] }),
    model('a21026', { level: so2[0], limit: so2[1] }),
    model('a21002', { level: nox[0], limit: nox[1] }),
  ];
}

// GB 13271-2014 《锅炉大气污染物排放标准》 表3 大气污染物特别排放限值, coal-fired boilers:
// particulate 30, SO2 200, NOx 200 mg/m³ at 9 % O2.
export const COAL_BOILER: Profile = {
  name: 'coal-boiler',
  zh: '燃煤锅炉',
  medium: 'air',
  standard: 'GB 13271-2014 表3 (特别排放限值), 基准含氧量 9%',
  referenceO2: 9,
  cycle: DAY_SHIFT,
  pollutants: [...combustion([12, 30], [85, 200], [120, 200]), ...flue(10.5, 125, 9, 15)],
};

// GB 13223-2011 《火电厂大气污染物排放标准》 表1, new coal-fired units: particulate 30, SO2 100,
// NOx 100 mg/m³ at 6 % O2. Typical levels are those of ultra-low-emission units (10/35/50).
export const THERMAL_POWER: Profile = {
  name: 'thermal-power',
  zh: '火电机组',
  medium: 'air',
  standard: 'GB 13223-2011 表1 (新建燃煤机组), 基准含氧量 6%',
  referenceO2: 6,
  cycle: POWER_DEMAND,
  pollutants: [...combustion([4, 30], [22, 100], [38, 100]), ...flue(6.5, 50, 16, 300)],
};

// GB 4915-2013 《水泥工业大气污染物排放标准》 表1, cement kiln: particulate 30, SO2 200, NOx (as
// NO2) 400 mg/m³ at 10 % O2.
export const CEMENT_KILN: Profile = {
  name: 'cement-kiln',
  zh: '水泥窑',
  medium: 'air',
  standard: 'GB 4915-2013 表1 (水泥窑及窑尾余热利用系统), 基准含氧量 10%',
  referenceO2: 10,
  cycle: CONTINUOUS,
  pollutants: [...combustion([10, 30], [40, 200], [260, 400]), ...flue(11, 110, 14, 140)],
};

// GB 28662-2012 《钢铁烧结、球团工业大气污染物排放标准》 表2, sinter machine head: particulate 50,
// SO2 200, NOx 300 mg/m³. Reference O2 16 % as set for sinter heads by 环大气〔2019〕35号 (the
// ultra-low-emission opinions); taken here as plausible, not verified against the 2012 text.
export const STEEL_SINTER: Profile = {
  name: 'steel-sinter',
  zh: '钢铁烧结机头',
  medium: 'air',
  standard: 'GB 28662-2012 表2 (烧结机机头), 基准含氧量 16%',
  referenceO2: 16,
  cycle: CONTINUOUS,
  pollutants: [...combustion([18, 50], [60, 200], [150, 300]), ...flue(15.5, 140, 15, 400)],
};

// GB 26453-2011 《平板玻璃工业大气污染物排放标准》 表2, glass melting furnace: particulate 50, SO2
// 400, NOx 700 mg/m³ at 8 % O2.
export const GLASS_FURNACE: Profile = {
  name: 'glass-furnace',
  zh: '玻璃熔窑',
  medium: 'air',
  standard: 'GB 26453-2011 表2 (玻璃熔窑), 基准含氧量 8%',
  referenceO2: 8,
  cycle: CONTINUOUS,
  pollutants: [...combustion([15, 50], [150, 400], [450, 700]), ...flue(10, 160, 10, 30)],
};

// GB 18485-2014 《生活垃圾焚烧污染控制标准》 表4, 1-hour averages: particulate 30, SO2 100, NOx
// 300, HCl 60, CO 100 mg/m³ at 11 % O2.
export const INCINERATOR: Profile = {
  name: 'incinerator',
  zh: '垃圾焚烧炉',
  medium: 'air',
  standard: 'GB 18485-2014 表4 (1小时均值), 基准含氧量 11%',
  referenceO2: 11,
  cycle: CONTINUOUS,
  pollutants: [
    ...combustion([5, 30], [30, 100], [180, 300]),
    model('a21024', { level: 15, limit: 60 }),
    model('a21005', { level: 15, limit: 100 }),
    ...flue(9, 150, 12, 45),
  ],
};

// Any other stack: GB 16297-1996 《大气污染物综合排放标准》 表2 (particulate 120, SO2 550, NOx 240
// mg/m³), no reference O2, so no ZsAvg.
export const AIR: Profile = {
  name: 'air',
  zh: '一般废气排放口',
  medium: 'air',
  standard: 'GB 16297-1996 表2',
  cycle: DAY_SHIFT,
  pollutants: [
    ...combustion([25, 120], [80, 550], [90, 240]),
    model('a01011', { level: 8 }),
    model('a01012', { level: 45 }),
    model('a00000', { level: 8 }),
  ],
};
