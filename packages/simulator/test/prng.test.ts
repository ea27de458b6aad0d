import { describe, expect, it } from 'vitest';
import { createRandom, hashInts, mulberry32, normalAt, smoothNoise, uniformAt } from '../src/index.js';

describe('seeded randomness', () => {
  it('mulberry32 repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('hash-based draws are pure functions of their integers', () => {
    expect(hashInts(1, 2, 3)).toBe(hashInts(1, 2, 3));
    expect(hashInts(1, 2, 3)).not.toBe(hashInts(1, 2, 4));
    expect(uniformAt(7, 8)).toBe(uniformAt(7, 8));
  });

  it('normalAt has mean ≈ 0 and sd ≈ 1; uniformAt is spread over [0, 1)', () => {
    const n = 20_000;
    const xs = Array.from({ length: n }, (_, i) => normalAt(9, i));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(0.95);
    expect(sd).toBeLessThan(1.05);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < n; i++) buckets[Math.floor(uniformAt(3, i) * 10)]++;
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan(n / 50);
  });

  it('smoothNoise is continuous and within [-1, 1]', () => {
    let prev = smoothNoise(5, 0, 1000);
    for (let t = 1; t < 5000; t++) {
      const v = smoothNoise(5, t, 1000);
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(Math.abs(v - prev)).toBeLessThan(0.01);
      prev = v;
    }
  });

  it('createRandom picks and draws integers in range', () => {
    const r = createRandom(1);
    for (let i = 0; i < 100; i++) {
      const k = r.int(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
    }
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
  });
});
