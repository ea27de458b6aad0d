// Wastewater outlet profiles: COD, NH3-N, TP, TN (mg/L), pH and flow (L/s). Limits are plausible
// national direct-discharge limits for the sector; the alarm rules resolve the real limit per permit.
import type { Profile } from './air-profiles.js';
import { CONTINUOUS, DAY_SHIFT, SEWAGE_INFLOW, TWO_SHIFTS } from './load-cycles.js';
import { model, type PollutantModel } from './pollutant-models.js';

/** [typical, limit] mg/L for COD, NH3-N, TP, TN (TN limit undefined where the standard sets none); flow L/s. */
function water(
  cod: [number, number],
  nh3n: [number, number],
  tp: [number, number],
  tn: [number, number | undefined],
  flowLs: number,
): PollutantModel[] {
  return [
    model('w01018', { level: cod[0], limit: cod[1] }),
    model('w21003', { level: nh3n[0], limit: nh3n[1] }),
    model('w21011', { level: tp[0], limit: tp[1] }),
    model('w21001', { level: tn[0], ...(tn[1] === undefined ? {} : { limit: tn[1] }) }),
    model('w01001'),
    model('w00000', { level: flowLs }),
  ];
}

// GB 18918-2002 《城镇污水处理厂污染物排放标准》 一级A: COD 50, NH3-N 5 (8 below 12 °C), TN 15,
// TP 0.5 mg/L, pH 6-9. A 50,000 m³/d plant: ≈ 580 L/s.
export const WASTEWATER_PLANT: Profile = {
  name: 'wastewater-plant',
  zh: '城镇污水处理厂',
  medium: 'water',
  standard: 'GB 18918-2002 一级A',
  cycle: SEWAGE_INFLOW,
  pollutants: water([22, 50], [1.2, 5], [0.25, 0.5], [9, 15], 580),
};

// GB 3544-2008 《制浆造纸工业水污染物排放标准》 表2 (制浆和造纸联合企业): COD 90, NH3-N 8, TN 12,
// TP 0.8 mg/L, pH 6-9.
export const PAPER_MILL: Profile = {
  name: 'paper-mill',
  zh: '制浆造纸',
  medium: 'water',
  standard: 'GB 3544-2008 表2',
  cycle: CONTINUOUS,
  pollutants: water([55, 90], [2.5, 8], [0.35, 0.8], [7, 12], 120),
};

// GB 4287-2012 《纺织染整工业水污染物排放标准》 表2 直接排放: COD 80, NH3-N 10, TN 15, TP 0.5 mg/L,
// pH 6-9.
export const DYEING_PLANT: Profile = {
  name: 'dyeing-plant',
  zh: '印染',
  medium: 'water',
  standard: 'GB 4287-2012 表2 (直接排放)',
  cycle: TWO_SHIFTS,
  pollutants: water([50, 80], [3, 10], [0.25, 0.5], [9, 15], 35),
};

// GB 31571-2015 《石油化学工业污染物排放标准》 表1 直接排放: COD 60, NH3-N 8, TN 40, TP 1.0 mg/L,
// pH 6-9. Chemical plants are modelled by their wastewater outlet.
export const CHEMICAL: Profile = {
  name: 'chemical',
  zh: '化工',
  medium: 'water',
  standard: 'GB 31571-2015 表1 (直接排放)',
  cycle: CONTINUOUS,
  pollutants: water([35, 60], [2, 8], [0.4, 1], [15, 40], 25),
};

// Any other wastewater outlet: GB 8978-1996 《污水综合排放标准》 一级 (COD 100, NH3-N 15,
// phosphate as P 0.5 mg/L, pH 6-9; no TN limit).
export const WATER: Profile = {
  name: 'water',
  zh: '一般废水排放口',
  medium: 'water',
  standard: 'GB 8978-1996 一级',
  cycle: DAY_SHIFT,
  pollutants: water([40, 100], [3, 15], [0.3, 0.5], [10, undefined], 10),
};
