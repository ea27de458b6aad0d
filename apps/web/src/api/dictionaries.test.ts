import { describe, expect, it } from 'vitest';
import { normalizeDictionaries, normalizeEntry } from './dictionaries';

describe('normalizeEntry', () => {
  it.each([
    [
      { key: 'national', zh: '国控', en: 'National' },
      { key: 'national', zh: '国控', en: 'National' },
    ],
    [
      { code: 'C2511', name: '原油加工' },
      { key: 'C2511', zh: '原油加工', en: '原油加工' },
    ],
    [
      { value: 'a21026', label: { zh: '二氧化硫', en: 'SO2' } },
      { key: 'a21026', zh: '二氧化硫', en: 'SO2' },
    ],
    [
      { key: 'steel', zh: '钢铁', en: 'Steel', batch: 1 },
      { key: 'steel', zh: '钢铁', en: 'Steel', batch: 1 },
    ],
    ['water', { key: 'water', zh: 'water', en: 'water' }],
    [
      { code: 'a21026', zh: '二氧化硫', kind: 'air', unit: 'mg/m³' },
      { key: 'a21026', zh: '二氧化硫', en: '二氧化硫', unit: 'mg/m³' },
    ],
  ])('%j', (raw, entry) => {
    expect(normalizeEntry(raw)).toEqual(entry);
  });

  it('drops entries without a key', () => {
    expect(normalizeEntry({ zh: '无' })).toBeNull();
    expect(normalizeEntry(null)).toBeNull();
  });
});

describe('normalizeDictionaries', () => {
  it('accepts arrays and key → label maps', () => {
    const dict = normalizeDictionaries({
      statuses: [{ key: 'operating', zh: '生产', en: 'Operating' }],
      keyKinds: { water: { zh: '水', en: 'Water' }, air: '气' },
    });
    expect(dict.statuses).toEqual([{ key: 'operating', zh: '生产', en: 'Operating' }]);
    expect(dict.keyKinds).toEqual([
      { key: 'water', zh: '水', en: 'Water' },
      { key: 'air', zh: '气', en: '气' },
    ]);
  });
});
