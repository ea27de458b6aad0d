// The 数据记录 table: one column per pollutant present in the page of records.
import type { FieldValue, MonitoringRecord } from '../../api/monitoring';
import { readFields } from './live-values';

/** The pollutant codes of a page of records: the outlet's order first, then the rest as they come. */
export function recordCodes(items: readonly MonitoringRecord[], preferred: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of items) for (const code of Object.keys(r.values ?? {})) seen.add(code);
  return [...preferred.filter((c) => seen.has(c)), ...[...seen].filter((c) => !preferred.includes(c))];
}

export interface RecordCell {
  value: FieldValue | null;
  zs: FieldValue | null;
  flag: string | null;
}

/** One pollutant of one record: Rtd or Avg, the corrected value, and the flag (from `flags` when the values lack it). */
export function recordCell(record: MonitoringRecord, code: string): RecordCell | null {
  const fields = record.values?.[code];
  if (!fields) return null;
  const cell = readFields(record.kind, fields);
  return { ...cell, flag: cell.flag ?? record.flags?.[code] ?? null };
}
