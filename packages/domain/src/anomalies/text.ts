import { pollutantName } from '../exceedance/pollutant-names';
import { formatNumber, unitSuffix } from '../limits/describe';
import { formatShanghai } from '../monitoring/shanghai-time';
import { registryPollutant } from '../registry/pollutants';
import { HOUR_MS } from './runs';

/** Numbers as the verdicts print them: at most 3 decimals, no trailing zeros. */
export const num = formatNumber;

/** `二氧化硫（a21026）`; a code without a name is printed as is. */
export function pollutantZh(code: string): string {
  const name = pollutantName(code, 'zh');
  return name === code ? code : `${name}（${code}）`;
}

/** ` mg/m³` after a number of this pollutant; nothing when the unit is unknown or dimensionless. */
export function unitOf(code: string): string {
  const u = registryPollutant(code)?.unit;
  return u ? unitSuffix(u) : '';
}

/** `value unit` of a pollutant: `35.2 mg/m³`. */
export const withUnit = (v: number, code: string): string => `${num(v)}${unitOf(code)}`;

/** `2025-03-01 08:00 至 2025-03-01 14:00（北京时间，共 6 小时）` for [start, end). */
export function periodZh(start: number, end: number): string {
  const hours = num((end - start) / HOUR_MS);
  return `${formatShanghai(new Date(start))} 至 ${formatShanghai(new Date(end))}（北京时间，共 ${hours} 小时）`;
}

/** `（判定阈值：连续 ≥ 6 小时）`. */
export const thresholdZh = (minHours: number, what = '连续'): string =>
  `（判定阈值：${what} ≥ ${num(Math.max(1, minHours))} 小时）`;

/** Appended to a finding inside an approved filing. */
export const filingNote = (filingId: number | null): string =>
  filingId === null ? '' : `该时段有已批准的报备（报备编号 ${filingId}），请结合报备内容核实。`;

/** Percent with at most 2 decimals: 0.0123 → `1.23%`. */
export const pct = (share: number): string => `${String(Number((share * 100).toFixed(2)))}%`;
