import { describe, expect, it } from 'vitest';
import {
  drawCount,
  drawSpotCheck,
  generateSeed,
  isValidSeed,
  MIN_SPOT_CHECK_SHARE,
  verifySpotCheck,
} from '../../src/campaigns/spot-check';
import { mulberry32 } from '../../src/random';

const population = Array.from({ length: 37 }, (_, i) => 100 + i * 3);

describe('spot-check draw', () => {
  it('the minimum share is 50% (000 四(三) 抽查率不低于50%)', () => {
    expect(MIN_SPOT_CHECK_SHARE).toBe(0.5);
  });

  it('selects ⌈share × n⌉, never fewer, floating error aside', () => {
    expect(drawCount(37, 0.5)).toBe(19);
    expect(drawCount(10, 0.3)).toBe(3);
    expect(drawCount(10, 0.7)).toBe(7);
    expect(drawCount(1, 0.5)).toBe(1);
    expect(drawCount(0, 0.5)).toBe(0);
    expect(drawCount(5, 1)).toBe(5);
    expect(() => drawCount(5, 0)).toThrow(RangeError);
    expect(() => drawCount(5, 1.2)).toThrow(RangeError);
    expect(() => drawCount(-1, 0.5)).toThrow(RangeError);
  });

  it('is reproducible: same seed and population give the same selection, whatever the input order', () => {
    const a = drawSpotCheck(population, '20261123-ABCDEFGHJK', 0.5);
    const b = drawSpotCheck([...population].reverse(), '20261123-ABCDEFGHJK', 0.5);
    expect(a).toEqual(b);
    expect(a).toHaveLength(19);
    expect(new Set(a).size).toBe(19);
    expect(a.every((id) => population.includes(id))).toBe(true);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
  });

  it('pins the selection of a known seed (the algorithm must not drift: stored draws are re-verified)', () => {
    expect(drawSpotCheck([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'seed-0001', 0.5)).toMatchInlineSnapshot(`
      [
        2,
        3,
        6,
        7,
        8,
      ]
    `);
  });

  it('different seeds give different selections', () => {
    const picks = new Set(
      ['s-0001', 's-0002', 's-0003', 's-0004', 's-0005'].map((s) =>
        drawSpotCheck(population, s, 0.5).join(','),
      ),
    );
    expect(picks.size).toBe(5);
  });

  it('every enterprise has a fair chance (each id picked roughly share of the time)', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    const hits = new Map<number, number>(ids.map((i) => [i, 0]));
    for (let s = 0; s < 2000; s++)
      for (const id of drawSpotCheck(ids, `seed-${s}`, 0.5)) hits.set(id, hits.get(id)! + 1);
    for (const n of hits.values()) {
      expect(n).toBeGreaterThan(850);
      expect(n).toBeLessThan(1150);
    }
  });

  it('duplicates in the population count once', () => {
    expect(drawSpotCheck([5, 5, 6, 6], 'abcd', 1)).toEqual([5, 6]);
  });

  it('verify recomputes from seed and population', () => {
    const sel = drawSpotCheck(population, 'verify-me', 0.6);
    expect(verifySpotCheck(population, 'verify-me', 0.6, sel)).toBe(true);
    expect(verifySpotCheck(population, 'verify-me', 0.6, [...sel].reverse())).toBe(true);
    const tampered = [...sel.slice(1), population.find((id) => !sel.includes(id))!];
    expect(verifySpotCheck(population, 'verify-me', 0.6, tampered)).toBe(false);
    expect(verifySpotCheck(population, 'verify-mf', 0.6, sel)).toBe(false);
  });

  it('rejects unusable seeds', () => {
    expect(() => drawSpotCheck(population, 'a b', 0.5)).toThrow(RangeError);
    expect(() => drawSpotCheck(population, '', 0.5)).toThrow(RangeError);
    expect(isValidSeed('20261123-ABCDEFGHJK')).toBe(true);
    expect(isValidSeed('x'.repeat(65))).toBe(false);
  });

  it('generateSeed: Shanghai date + 10 readable characters, deterministic for a given random source', () => {
    const now = new Date('2026-11-23T17:00:00Z'); // 2026-11-24 01:00 in Shanghai
    const a = generateSeed(now, mulberry32(7));
    expect(a).toMatch(/^20261124-[2-9A-HJ-NP-Z]{10}$/);
    expect(generateSeed(now, mulberry32(7))).toBe(a);
    expect(generateSeed(now, mulberry32(8))).not.toBe(a);
    expect(isValidSeed(a)).toBe(true);
  });
});
