import { describe, expect, it } from 'vitest';
import { judge } from '../../src/exceedance/judge';
import { mergeEpisodes } from '../../src/exceedance/merge-episodes';
import { verdictText } from '../../src/exceedance/verdict-text';
import { resolveLimit } from '../../src/limits/resolve-limit';
import { STANDARD_LIMITS } from '../../src/limits/standards-data';
import type { LimitCandidate, StandardLimit } from '../../src/limits/types';
import { at, boilerCtx, local } from '../limits/fixtures';
import { hour } from './helpers';

/**
 * A standard version changed after the fact leaves an old verdict intact: the verdict (episode
 * + text) carries a frozen copy of the limit it used, so new or corrected rows only affect
 * verdicts built afterwards.
 */
const CTX = { outlet: '1号锅炉排气筒', outletCode: 'DA001' };

function verdictFrom(data: readonly LimitCandidate[], moment = at(2024, 3, 1)) {
  const { limit } = resolveLimit(boilerCtx({ at: moment }), data);
  if (!limit) throw new Error('no limit');
  // measured at 9 % O2, the reference: 44 and 48 mg/m³ exceed both 40 (v1) and 30 (v2)
  const values = [hour(8, 44), hour(9, 48)];
  const [episode] = mergeEpisodes(values.map((v) => judge(v, limit)));
  if (!episode) throw new Error('no episode');
  return { episode, text: verdictText(episode, CTX) };
}

describe('a stored verdict keeps the limit version it was built from', () => {
  const v1 = local({ id: 'local-v1', value: { kind: 'max', max: 40 } });

  it('adding version 2 to the data gives new verdicts version 2; the old one still holds version 1', () => {
    const data: LimitCandidate[] = [...STANDARD_LIMITS, v1];
    const stored = verdictFrom(data);
    const before = structuredClone({ limit: stored.episode.limit, text: stored.text });
    expect(stored.episode.limit).toMatchObject({ candidateId: 'local-v1', value: { kind: 'max', max: 40 } });

    data.push(local({ id: 'local-v2', value: { kind: 'max', max: 30 }, effectiveFrom: '2024-01-01' }));
    const fresh = verdictFrom(data);
    expect(fresh.episode.limit).toMatchObject({ candidateId: 'local-v2', value: { kind: 'max', max: 30 } });
    expect(fresh.text).toContain('颗粒物排放限值 30 mg/m³');

    expect(stored.episode.limit).toEqual(before.limit);
    expect(verdictText(stored.episode, CTX)).toBe(before.text);
    expect(stored.text).toContain('颗粒物排放限值 40 mg/m³');
    expect(stored.episode.maxMultiple).toBeCloseTo(1.2, 9); // 48 / 40
    expect(fresh.episode.maxMultiple).toBeCloseTo(1.6, 9); // 48 / 30
  });

  it('a correction (revision 2, same dates) does not reach back into a stored verdict', () => {
    const data: LimitCandidate[] = [...STANDARD_LIMITS, v1];
    const stored = verdictFrom(data);
    const text = stored.text;
    data.push(local({ id: 'local-v1-r2', value: { kind: 'max', max: 45 }, revision: 2 }));
    expect(verdictFrom(data).episode.limit.candidateId).toBe('local-v1-r2');
    expect(stored.episode.limit.value).toEqual({ kind: 'max', max: 40 });
    expect(verdictText(stored.episode, CTX)).toBe(text);
  });

  it('even editing the data row in place leaves the copy untouched (nothing is shared)', () => {
    const row: StandardLimit = local({ id: 'mutable' });
    const stored = verdictFrom([...STANDARD_LIMITS, row]);
    const text = stored.text;
    (row.value as { max: number }).max = 10;
    row.clause = '表9';
    expect(stored.episode.limit.value).toEqual({ kind: 'max', max: 40 });
    expect(stored.episode.limit.clause).toBe('表1');
    expect(verdictText(stored.episode, CTX)).toBe(text);
  });

  it('the copy is frozen and survives a JSON round trip unchanged', () => {
    const { episode } = verdictFrom([...STANDARD_LIMITS, v1]);
    expect(Object.isFrozen(episode.limit)).toBe(true);
    expect(JSON.parse(JSON.stringify(episode.limit))).toEqual(episode.limit);
  });
});
