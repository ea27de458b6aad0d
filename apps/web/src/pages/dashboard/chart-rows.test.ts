import { describe, expect, it } from 'vitest';
import { topRows } from './chart-rows';

const rows = [
  { key: 'a', name: 'A', count: 1 },
  { key: 'b', name: 'B', count: 5 },
  { key: 'c', name: 'C', count: 3 },
  { key: 'd', name: 'D', count: 2 },
];

describe('topRows', () => {
  it('sorts largest first and keeps short lists whole', () => {
    expect(topRows(rows, 4, '其余').map((r) => r.key)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('sums the tail into one row without a key', () => {
    expect(topRows(rows, 3, '其余')).toEqual([
      { key: 'b', name: 'B', count: 5 },
      { key: 'c', name: 'C', count: 3 },
      { key: '', name: '其余', count: 3 },
    ]);
  });
});
