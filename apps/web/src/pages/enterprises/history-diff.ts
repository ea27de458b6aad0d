// Turns an audit entry's before/after snapshots into the rows a reader checks: field, old, new.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns change on every save and say nothing to the reader. */
const NOISE = new Set(['version', 'updatedAt', 'createdAt', 'updated_at', 'created_at']);

export function diffSnapshots(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (NOISE.has(field)) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** A snapshot value as text: lists joined, objects as JSON, nothing as a dash. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(displayValue).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
