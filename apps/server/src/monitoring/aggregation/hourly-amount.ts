import { emissionAmount, type Medium } from '@dabiao/domain';
import type { DataRecord, HourlyResult } from './hourly-values';
import { concentrationUnit, couFactor, FLOW_CODES, hourlyVolumeFromRate } from './pollutant-kinds';
import { num } from './record-fields';

/**
 * The unit's own amount for the hour, converted (kg for pollutants, m³ for flow): its CN 2061
 * `Cou`, else the sum of its minutes' `Cou`. Undefined when it sent none.
 */
function sentAmount(
  code: string,
  minutes: readonly DataRecord[],
  unit: DataRecord | undefined,
): number | undefined {
  const factor = couFactor(code);
  if (factor === undefined) return undefined;
  const hourly = num(unit?.values[code]?.Cou);
  if (hourly !== null) return hourly * factor;
  const parts = minutes.map((r) => num(r.values[code]?.Cou)).filter((x): x is number => x !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) * factor : undefined;
}

/**
 * Emission amounts per pollutant for one hour (`emissionAmount`): the unit's `Cou` when sent,
 * otherwise the measured (not O2-corrected) hourly concentration × the hour's flow volume, when
 * the outlet's flow code (a00000 m³/s, w00000 L/s) is present. Flow itself gets its volume (m³).
 */
export function hourlyAmounts(
  rows: readonly HourlyResult[],
  minutes: readonly DataRecord[],
  unit: DataRecord | undefined,
  medium: Medium,
): Map<string, number> {
  const out = new Map<string, number>();
  const flowCode = FLOW_CODES[medium];
  const flowRow = rows.find((r) => r.pollutant === flowCode);
  const volume =
    sentAmount(flowCode, minutes, unit) ??
    (flowRow?.avg !== null && flowRow?.avg !== undefined
      ? hourlyVolumeFromRate(flowCode, flowRow.avg)
      : undefined);
  if (flowRow && volume !== undefined) out.set(flowCode, volume);
  for (const row of rows) {
    if (row.pollutant === flowCode) continue;
    const sent = sentAmount(row.pollutant, minutes, unit);
    const unitOfC = concentrationUnit(row.pollutant);
    const computed =
      unitOfC && row.avg !== null && volume !== undefined
        ? { concentration: row.avg, concentrationUnit: unitOfC, volumeM3: volume }
        : undefined;
    const amount = emissionAmount(sent, computed);
    if (amount.ok) out.set(row.pollutant, amount.kg);
  }
  return out;
}
