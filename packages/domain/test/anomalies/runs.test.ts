import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso } from '../../src/anomalies/context';
import { correctedOrNaN } from '../../src/anomalies/rules/zs-mismatch';
import { consecutiveRuns } from '../../src/anomalies/runs';
import { correctForO2 } from '../../src/monitoring/o2-correction';
import { HOUR, T0 } from './helpers';

const times = (...hours: number[]) => hours.map((h) => T0 + h * HOUR);

describe('consecutiveRuns (maximal runs of consecutive hours)', () => {
  it('a missing hour or a failing hour ends a run; runs shorter than minHours are dropped', () => {
    const t = times(0, 1, 2, 4, 5, 6, 7, 8);
    const ok = [true, true, true, true, true, false, true, true];
    expect(consecutiveRuns(t, (i) => ok[i] === true)).toEqual([
      [0, 2],
      [3, 4],
      [6, 7],
    ]);
    expect(consecutiveRuns(t, (i) => ok[i] === true, 3)).toEqual([[0, 2]]);
  });

  it('continues(first, i) splits a run where it fails', () => {
    const vals = [5, 5, 5, 6, 6];
    expect(
      consecutiveRuns(
        times(0, 1, 2, 3, 4),
        () => true,
        2,
        (f, i) => vals[i] === vals[f],
      ),
    ).toEqual([
      [0, 2],
      [3, 4],
    ]);
  });

  it('empty input and minHours below 1', () => {
    expect(consecutiveRuns([], () => true, 3)).toEqual([]);
    expect(consecutiveRuns(times(0), () => true, 0)).toEqual([[0, 0]]);
  });
});

describe('helpers that replace slow built-ins', () => {
  it('iso(ms) equals Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 2.6e14 }), (ms) => {
        expect(iso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
    expect(iso(T0)).toBe('2025-03-01T00:00:00.000Z');
  });

  it('correctedOrNaN gives exactly correctForO2’s value, and NaN where it refuses', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: -1, max: 22, noNaN: true }),
        fc.constantFrom(3, 3.5, 6, 9, 10, 11, 15),
        (c, o2, ref) => {
          const r = correctForO2(c, o2, ref);
          const mine = correctedOrNaN(c, o2, ref, 19.5);
          if (r.ok) expect(mine).toBe(r.value);
          else expect(mine).toBeNaN();
        },
      ),
    );
  });
});
