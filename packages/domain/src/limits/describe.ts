import type { LimitCandidate, LimitValue } from './types';

/** A number as verdicts print it: at most 3 decimals, no trailing zeros (as in correctForO2). */
export const formatNumber = (n: number): string => String(Number(n.toFixed(3)));

/** Unit as printed after a number; dimensionless (pH) prints nothing. */
export const unitSuffix = (unit: string): string => (unit === '无量纲' || unit === '' ? '' : ` ${unit}`);

/** `≤ 100 mg/m³` or `6–9` (a range's bounds are both allowed). */
export function formatLimitValue(value: LimitValue, unit: string): string {
  return value.kind === 'max'
    ? `≤ ${formatNumber(value.max)}${unitSuffix(unit)}`
    : `${formatNumber(value.lo)}–${formatNumber(value.hi)}${unitSuffix(unit)}`;
}

/** Short English description of a candidate for resolver chains. */
export function candidateLabel(c: LimitCandidate): string {
  const tags: string[] = [c.averaging];
  if (c.referenceO2 !== null) tags.push(`${formatNumber(c.referenceO2)}% O2`);
  if (c.kind === 'permit') {
    return `permit ${c.permitNumber} ${c.outletCode} ${c.pollutant} ${formatLimitValue(c.value, c.unit)} (${tags.join(', ')})`;
  }
  if (c.sourceAge) tags.push(c.sourceAge);
  if (c.waterTemperature) {
    tags.push(
      'above' in c.waterTemperature ? `>${c.waterTemperature.above} °C` : `≤${c.waterTemperature.atMost} °C`,
    );
  }
  if (c.special) tags.push(c.special);
  if (c.revision > 1) tags.push(`rev ${c.revision}`);
  return `${c.standard.code} ${c.category} ${c.pollutant} ${formatLimitValue(c.value, c.unit)} (${tags.join(', ')})`;
}
