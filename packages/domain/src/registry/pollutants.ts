import type { OutletKind } from './enums';

/**
 * The HJ 212-2017 codes the registry offers for outlets: a small, registry-facing catalogue
 * (the codec's full dictionary lives in packages/hj212). Units follow HJ 212-2017 附录B.
 */
export interface RegistryPollutant {
  code: string;
  zh: string;
  kind: OutletKind;
  /** 'pollutant' has a concentration and a mass total; 'parameter' is a flue/water condition. */
  role: 'pollutant' | 'parameter' | 'flow';
  unit: string;
  /** Unit of the cumulative amount (Cou), when there is one. */
  totalUnit: string | null;
}

export const REGISTRY_POLLUTANTS: readonly RegistryPollutant[] = [
  { code: 'a34013', zh: '颗粒物（烟尘）', kind: 'air', role: 'pollutant', unit: 'mg/m³', totalUnit: 'kg' },
  { code: 'a21026', zh: '二氧化硫', kind: 'air', role: 'pollutant', unit: 'mg/m³', totalUnit: 'kg' },
  { code: 'a21002', zh: '氮氧化物', kind: 'air', role: 'pollutant', unit: 'mg/m³', totalUnit: 'kg' },
  { code: 'a24088', zh: '非甲烷总烃', kind: 'air', role: 'pollutant', unit: 'mg/m³', totalUnit: 'kg' },
  { code: 'a21024', zh: '氯化氢', kind: 'air', role: 'pollutant', unit: 'mg/m³', totalUnit: 'kg' },
  { code: 'a21005', zh: '一氧化碳', kind: 'air', role: 'pollutant', unit: 'mg/m³', totalUnit: 'kg' },
  { code: 'a19001', zh: '氧气含量', kind: 'air', role: 'parameter', unit: '%', totalUnit: null },
  { code: 'a01011', zh: '烟气流速', kind: 'air', role: 'parameter', unit: 'm/s', totalUnit: null },
  { code: 'a01012', zh: '烟气温度', kind: 'air', role: 'parameter', unit: '℃', totalUnit: null },
  { code: 'a01013', zh: '烟气压力', kind: 'air', role: 'parameter', unit: 'kPa', totalUnit: null },
  { code: 'a01014', zh: '烟气湿度', kind: 'air', role: 'parameter', unit: '%', totalUnit: null },
  { code: 'a00000', zh: '废气流量', kind: 'air', role: 'flow', unit: 'm³/s', totalUnit: 'm³' },
  { code: 'w01018', zh: '化学需氧量', kind: 'water', role: 'pollutant', unit: 'mg/L', totalUnit: 'kg' },
  { code: 'w21003', zh: '氨氮', kind: 'water', role: 'pollutant', unit: 'mg/L', totalUnit: 'kg' },
  { code: 'w21011', zh: '总磷', kind: 'water', role: 'pollutant', unit: 'mg/L', totalUnit: 'kg' },
  { code: 'w21001', zh: '总氮', kind: 'water', role: 'pollutant', unit: 'mg/L', totalUnit: 'kg' },
  { code: 'w01001', zh: 'pH值', kind: 'water', role: 'parameter', unit: '无量纲', totalUnit: null },
  { code: 'w00000', zh: '废水流量', kind: 'water', role: 'flow', unit: 'L/s', totalUnit: 'm³' },
];

const BY_CODE = new Map(REGISTRY_POLLUTANTS.map((p) => [p.code, p]));

export function registryPollutant(code: string): RegistryPollutant | undefined {
  return BY_CODE.get(code);
}

/** Pollutants that carry a permitted annual total (the permit's 许可排放量). */
export function isTotalControlled(code: string): boolean {
  return BY_CODE.get(code)?.role === 'pollutant';
}
