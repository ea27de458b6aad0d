import {
  compareWithUnitHourly,
  correctForO2,
  hourlyAverage,
  isValidForAverage,
  type Medium,
  type MinuteRecord,
  zsAvgDisagrees,
} from '@dabiao/domain';
import type { PollutantFields, RecordKind } from '../../platform/db/schema';
import { hourlyAmounts } from './hourly-amount';
import { isDataEntry, isO2Correctable, O2_CODE } from './pollutant-kinds';
import { num, text } from './record-fields';

const HOUR_MS = 3_600_000;

/** A `monitoring_record` row as the aggregator reads it. */
export interface DataRecord {
  kind: RecordKind;
  dataTime: Date;
  values: Readonly<Record<string, PollutantFields>>;
}

/** What the rules need to know about the outlet a monitor measures. */
export interface OutletRules {
  kind: Medium;
  referenceO2: number | null;
  /** Registered HJ 212 codes; an hour is valid for the rates when all of them are. */
  pollutants: readonly string[];
}

/** One `hourly_value` row before it is written. */
export interface HourlyResult {
  pollutant: string;
  hour: Date;
  avg: number | null;
  min: number | null;
  max: number | null;
  /** kg for pollutants, m³ for flow (see hourly-amount.ts). */
  cou: number | null;
  /** Our O2-corrected value (reference O2 of the outlet). */
  zsAvg: number | null;
  /** The unit's own CN 2061 Avg, when it sent one. */
  unitAvg: number | null;
  /** The unit's ZsAvg: its CN 2061 ZsAvg, else the mean of its valid minutes' ZsAvg. */
  unitZsAvg: number | null;
  valid: boolean;
  invalidReason: string | null;
  receivedCount: number;
  validCount: number;
  expectedCount: number;
  flag: string | null;
  source: 'minutes' | 'unit';
  disagrees: boolean;
}

/**
 * The valid hourly values of one monitor-hour, per pollutant: from the unit's minute records
 * (CN 2051) by HJ 75-2017 (`hourlyAverage`), or from its own hourly record (CN 2061) when it sent
 * no minutes for that pollutant.
 */
export function computeHourlyValues(
  hour: Date,
  records: readonly DataRecord[],
  rules: OutletRules,
  intervalMinutes: number,
): HourlyResult[] {
  const start = hour.getTime();
  const inHour = (r: DataRecord) => r.dataTime.getTime() >= start && r.dataTime.getTime() < start + HOUR_MS;
  const minutes = records
    .filter((r) => r.kind === 'min' && inHour(r))
    .sort((a, b) => a.dataTime.getTime() - b.dataTime.getTime());
  const unit = records.find((r) => r.kind === 'hour' && inHour(r));
  const codes = new Set<string>();
  for (const r of [...minutes, ...(unit ? [unit] : [])])
    for (const [code, fields] of Object.entries(r.values)) if (isDataEntry(fields)) codes.add(code);

  const rows = [...codes]
    .sort()
    .map((code) =>
      minutes.some((r) => r.values[code])
        ? fromMinutes(code, hour, minutes, unit, rules, intervalMinutes)
        : fromUnit(code, hour, unit!, rules),
    );
  const cou = hourlyAmounts(rows, minutes, unit, rules.kind);
  return rows.map((row) => ({ ...row, cou: cou.get(row.pollutant) ?? null }));
}

function fromMinutes(
  code: string,
  hour: Date,
  minutes: readonly DataRecord[],
  unit: DataRecord | undefined,
  rules: OutletRules,
  intervalMinutes: number,
): HourlyResult {
  const records: MinuteRecord[] = [];
  const extremes: { min: number | null; max: number | null }[] = [];
  for (const r of minutes) {
    const f = r.values[code];
    if (!f) continue;
    records.push({
      time: r.dataTime,
      value: num(f.Avg),
      flag: text(f.Flag),
      zsValue: num(f.ZsAvg),
      o2: num(r.values[O2_CODE]?.Avg),
    });
    extremes.push({ min: num(f.Min), max: num(f.Max) });
  }
  const h = hourlyAverage(records, { hourStart: hour, medium: rules.kind, intervalMinutes });
  const validIdx = records
    .map((r, i) => (isValidForAverage(r.flag, rules.kind) && r.value !== null ? i : -1))
    .filter((i) => i >= 0);
  const validMins = validIdx.map((i) => extremes[i]!.min ?? records[i]!.value!);
  const validMaxs = validIdx.map((i) => extremes[i]!.max ?? records[i]!.value!);

  const zsAvg = correctedMean(
    code,
    validIdx.map((i) => records[i]!),
    rules.referenceO2,
  );
  const unitFields = unit?.values[code];
  const unitAvg = num(unitFields?.Avg);
  const unitZsAvg = num(unitFields?.ZsAvg) ?? h.zsValue;
  const verdict = compareWithUnitHourly(h, unitAvg).verdict;
  const zsDiffers = h.valid && zsAvg !== null && unitZsAvg !== null && zsAvgDisagrees(unitZsAvg, zsAvg);
  return {
    pollutant: code,
    hour,
    avg: h.value,
    min: validMins.length ? Math.min(...validMins) : h.min,
    max: validMaxs.length ? Math.max(...validMaxs) : h.max,
    cou: null,
    zsAvg,
    unitAvg,
    unitZsAvg,
    valid: h.valid,
    invalidReason: h.reason ?? null,
    receivedCount: h.receivedCount,
    validCount: h.validCount,
    expectedCount: h.expectedCount,
    flag: dominantFlag(
      records.map((r) => r.flag),
      rules.kind,
    ),
    source: 'minutes',
    disagrees: verdict === 'DISAGREES' || zsDiffers,
  };
}

/** Only the unit's CN 2061 value exists: its flag decides validity (HJ 75 flags, data-flags.ts). */
function fromUnit(code: string, hour: Date, unit: DataRecord, rules: OutletRules): HourlyResult {
  const f = unit.values[code]!;
  const value = num(f.Avg);
  const flag = text(f.Flag);
  const valid = value !== null && isValidForAverage(flag, rules.kind);
  const reason = valid ? null : value === null ? 'NO_DATA' : flag === 'F' ? 'PLANT_STOPPED' : 'INVALID_FLAG';
  const o2 = num(unit.values[O2_CODE]?.Avg);
  const zsAvg = value === null ? null : correctedMean(code, [{ time: hour, value, o2 }], rules.referenceO2);
  const unitZsAvg = num(f.ZsAvg);
  return {
    pollutant: code,
    hour,
    avg: value,
    min: num(f.Min) ?? value,
    max: num(f.Max) ?? value,
    cou: null,
    zsAvg,
    unitAvg: value,
    unitZsAvg,
    valid,
    invalidReason: reason,
    receivedCount: 1,
    validCount: valid ? 1 : 0,
    expectedCount: 1,
    flag: flag ?? 'N',
    source: 'unit',
    disagrees: valid && zsAvg !== null && unitZsAvg !== null && zsAvgDisagrees(unitZsAvg, zsAvg),
  };
}

/**
 * Mean of the records' O2-corrected values, each corrected with its own record's a19001:
 * `C × (21 − O2_ref) / (21 − O2)`. Null unless every record could be corrected (a missing or
 * near-ambient O2 leaves the hour without a corrected value rather than with a partial one).
 */
function correctedMean(
  code: string,
  records: readonly MinuteRecord[],
  referenceO2: number | null,
): number | null {
  if (referenceO2 === null || !isO2Correctable(code) || records.length === 0) return null;
  let sum = 0;
  for (const r of records) {
    if (r.value === null || r.o2 === null || r.o2 === undefined) return null;
    const c = correctForO2(r.value, r.o2, referenceO2);
    if (!c.ok) return null;
    sum += c.value;
  }
  return sum / records.length;
}

/** The most frequent flag (absent = N); on a tie the one that invalidates, so the hour shows why. */
export function dominantFlag(flags: readonly (string | undefined)[], medium: Medium): string | null {
  const counts = new Map<string, number>();
  for (const f of flags) {
    const key = f === undefined || f === '' ? 'N' : f;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [flag, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const better =
      n > bestCount ||
      (n === bestCount &&
        best !== null &&
        isValidForAverage(best, medium) &&
        !isValidForAverage(flag, medium));
    if (better) {
      best = flag;
      bestCount = n;
    }
  }
  return best;
}
