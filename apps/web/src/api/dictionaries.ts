import { api } from './client';

/** One enum value with its labels; `batch` for programme industries, `unit` for pollutants. */
export interface DictEntry {
  key: string;
  zh: string;
  en: string;
  batch?: number;
  unit?: string;
}

export type DictName =
  | 'roles'
  | 'controlLevels'
  | 'statuses'
  | 'keyKinds'
  | 'permitClasses'
  | 'outletKinds'
  | 'programmeIndustries'
  | 'industries'
  | 'pollutants';

export type Dictionaries = Partial<Record<DictName, DictEntry[]>>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/**
 * The contract says "enums with zh/en labels" without fixing the entry keys, so accept the usual
 * spellings: {key|code|value, zh|nameZh|labelZh|name|label, en|nameEn|labelEn} or label: {zh, en}.
 */
export function normalizeEntry(raw: unknown): DictEntry | null {
  if (typeof raw === 'string') return { key: raw, zh: raw, en: raw };
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const key = str(r.key) ?? str(r.code) ?? str(r.value) ?? str(r.id);
  if (key === undefined) return null;
  const nested = (r.label && typeof r.label === 'object' ? r.label : r.name) as
    | Record<string, unknown>
    | undefined;
  const nestedObj = nested && typeof nested === 'object' ? nested : undefined;
  const zh =
    str(r.zh) ?? str(r.nameZh) ?? str(r.labelZh) ?? str(nestedObj?.zh) ?? str(r.name) ?? str(r.label) ?? key;
  const en = str(r.en) ?? str(r.nameEn) ?? str(r.labelEn) ?? str(nestedObj?.en) ?? zh;
  const entry: DictEntry = { key, zh, en };
  if (typeof r.batch === 'number') entry.batch = r.batch;
  if (typeof r.unit === 'string' && r.unit !== '') entry.unit = r.unit;
  return entry;
}

export function normalizeDictionaries(raw: unknown): Dictionaries {
  const out: Dictionaries = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const list = Array.isArray(value)
      ? value
      : value && typeof value === 'object'
        ? Object.entries(value).map(([key, v]) => (typeof v === 'object' ? { key, ...v } : { key, zh: v }))
        : [];
    out[name as DictName] = list.map(normalizeEntry).filter((e): e is DictEntry => e !== null);
  }
  return out;
}

export const fetchDictionaries = async (): Promise<Dictionaries> =>
  normalizeDictionaries(await api<unknown>('/dictionaries'));
