import { registryPollutant } from '../registry/pollutants';

/** Names verdicts use for the pollutants of the standards data (HJ 212-2017 codes). */
const NAMES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  a34013: ['颗粒物', 'particulate matter'],
  a21026: ['二氧化硫', 'SO2'],
  a21002: ['氮氧化物', 'NOx'],
  a20057: ['汞及其化合物', 'mercury and its compounds'],
  a21024: ['氯化氢', 'HCl'],
  a21005: ['一氧化碳', 'CO'],
  w01018: ['化学需氧量', 'COD'],
  w21003: ['氨氮', 'NH3-N'],
  w21001: ['总氮', 'total nitrogen'],
  w21011: ['总磷', 'total phosphorus'],
  w01001: ['pH值', 'pH'],
};

export function pollutantName(code: string, lang: 'zh' | 'en'): string {
  const n = NAMES[code];
  if (n) return lang === 'zh' ? n[0] : n[1];
  return (lang === 'zh' ? registryPollutant(code)?.zh : undefined) ?? code;
}
