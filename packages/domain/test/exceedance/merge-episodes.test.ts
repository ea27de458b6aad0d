import { describe, expect, it } from 'vitest';
import { judge } from '../../src/exceedance/judge';
import { mergeEpisodes } from '../../src/exceedance/merge-episodes';
import type { PeriodValue } from '../../src/exceedance/types';
import type { ResolvedLimit } from '../../src/limits/resolution';
import { at } from '../limits/fixtures';
import { day, hour, SO2_POWER, WWTP_1A } from './helpers';

// At 9 % O2 against a 6 % reference the factor is 15 / 12 = 1.25: 96 → 120, 104 → 130, 88 → 110,
// 72 → 90 (meets the 100 limit).
const so2 = SO2_POWER();
const judgeAll = (values: PeriodValue[], limit: ResolvedLimit = so2) => values.map((v) => judge(v, limit));
const spans = (eps: ReturnType<typeof mergeEpisodes>) => eps.map((e) => [e.start, e.end, e.periods.length]);

describe('mergeEpisodes', () => {
  it('a period read back from storage (keys reordered, dates as text) continues its episode', () => {
    const [stored] = judgeAll([hour(8, 96)]);
    // PostgreSQL jsonb returns object keys in its own order: {"max":100,"kind":"max"}.
    const reordered = JSON.parse(JSON.stringify(stored), (_k, v) =>
      v && typeof v === 'object' && 'kind' in v && 'max' in v ? { max: v.max, kind: v.kind } : v,
    );
    const revived = { ...reordered, start: new Date(reordered.start), end: new Date(reordered.end) };
    const eps = mergeEpisodes([revived, ...judgeAll([hour(9, 104)])]);
    expect(spans(eps)).toEqual([[at(2024, 3, 1, 8), at(2024, 3, 1, 10), 2]]);
  });

  it('three exceeding hours in a row → one episode with peak, mean and largest multiple', () => {
    const [e, ...rest] = mergeEpisodes(judgeAll([hour(8, 96), hour(9, 104), hour(10, 88)]));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      start: at(2024, 3, 1, 8),
      end: at(2024, 3, 1, 11),
      averaging: 'hour',
      peak: 130,
    });
    expect(e?.mean).toBeCloseTo(120, 9); // (120 + 130 + 110) / 3
    expect(e?.maxMultiple).toBeCloseTo(1.3, 9);
    expect(e?.maxDistanceOutside).toBeNull();
    expect(e?.limit).toBe(so2);
  });

  it('an hour that meets the limit ends the episode', () => {
    const eps = mergeEpisodes(judgeAll([hour(8, 96), hour(9, 72), hour(10, 104)]));
    expect(spans(eps)).toEqual([
      [at(2024, 3, 1, 8), at(2024, 3, 1, 9), 1],
      [at(2024, 3, 1, 10), at(2024, 3, 1, 11), 1],
    ]);
  });

  it('a missing hour (invalid, not delivered) is a gap', () => {
    const eps = mergeEpisodes(judgeAll([hour(8, 96), hour(9, 104), hour(11, 88)]));
    expect(spans(eps)).toEqual([
      [at(2024, 3, 1, 8), at(2024, 3, 1, 10), 2],
      [at(2024, 3, 1, 11), at(2024, 3, 1, 12), 1],
    ]);
  });

  it('an hour that cannot be judged (no O2) is a gap too', () => {
    const eps = mergeEpisodes(judgeAll([hour(8, 96), hour(9, 200, null), hour(10, 88)]));
    expect(eps).toHaveLength(2);
  });

  it('a change of the limit in force starts a new episode', () => {
    const v2: ResolvedLimit = { ...so2, candidateId: 'another', value: { kind: 'max', max: 50 } };
    const periods = [...judgeAll([hour(8, 96), hour(9, 104)]), ...judgeAll([hour(10, 88)], v2)];
    const eps = mergeEpisodes(periods);
    expect(spans(eps)).toEqual([
      [at(2024, 3, 1, 8), at(2024, 3, 1, 10), 2],
      [at(2024, 3, 1, 10), at(2024, 3, 1, 11), 1],
    ]);
    expect(eps[1]?.limit).toBe(v2);
    expect(eps[1]?.maxMultiple).toBeCloseTo(2.2, 9); // 110 / 50
  });

  it('input order does not matter and a repeated hour counts once', () => {
    const eps = mergeEpisodes(judgeAll([hour(10, 88), hour(8, 96), hour(9, 104), hour(9, 104)]));
    expect(spans(eps)).toEqual([[at(2024, 3, 1, 8), at(2024, 3, 1, 11), 3]]);
  });

  it('an episode runs across midnight', () => {
    const late = { ...hour(23, 96), start: at(2024, 3, 1, 23) };
    const early = { ...hour(0, 104), start: at(2024, 3, 2, 0) };
    expect(spans(mergeEpisodes(judgeAll([late, early])))).toEqual([
      [at(2024, 3, 1, 23), at(2024, 3, 2, 1), 2],
    ]);
  });

  it('daily values: day after day merges, a compliant day splits (COD ≤ 50 mg/L)', () => {
    const cod = WWTP_1A('w01018');
    const eps = mergeEpisodes(judgeAll([day(1, 60), day(2, 75), day(3, 40), day(4, 55)], cod));
    expect(spans(eps)).toEqual([
      [at(2024, 5, 1), at(2024, 5, 3), 2],
      [at(2024, 5, 4), at(2024, 5, 5), 1],
    ]);
    expect(eps[0]).toMatchObject({ peak: 75, mean: 67.5, maxMultiple: 1.5 });
  });

  it('pH episodes: the peak is the value farthest outside, the distance replaces the multiple', () => {
    const ph = WWTP_1A('w01001');
    const [e] = mergeEpisodes(judgeAll([day(1, 5.5), day(2, 5), day(3, 6.5)], ph));
    expect(e).toMatchObject({ peak: 5, mean: 5.25, maxMultiple: null, maxDistanceOutside: 1 });
    expect(e?.periods).toHaveLength(2);
  });

  it('no exceedance → no episode', () => {
    expect(mergeEpisodes(judgeAll([hour(8, 72), hour(9, 80)]))).toEqual([]);
  });
});
