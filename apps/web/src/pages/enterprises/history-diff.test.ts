import { describe, expect, it } from 'vitest';
import { diffSnapshots, displayValue } from './history-diff';

describe('diffSnapshots', () => {
  it('lists changed fields and skips bookkeeping', () => {
    expect(
      diffSnapshots(
        { envContactPhone: '0737-1', name: 'A', version: 1, updatedAt: 'x', keyKinds: ['water'] },
        { envContactPhone: '13800000000', name: 'A', version: 2, updatedAt: 'y', keyKinds: ['water', 'air'] },
      ),
    ).toEqual([
      { field: 'envContactPhone', before: '0737-1', after: '13800000000' },
      { field: 'keyKinds', before: ['water'], after: ['water', 'air'] },
    ]);
  });

  it('treats a creation as every field going from nothing', () => {
    expect(diffSnapshots(null, { name: 'A', address: null })).toEqual([
      { field: 'name', before: null, after: 'A' },
    ]);
  });
});

describe('displayValue', () => {
  it.each([
    [null, '—'],
    ['', '—'],
    [[], '—'],
    [['water', 'air'], 'water、air'],
    [12.5, '12.5'],
    [false, 'false'],
    [{ a: 1 }, '{"a":1}'],
  ])('%j → %s', (value, text) => {
    expect(displayValue(value)).toBe(text);
  });
});
