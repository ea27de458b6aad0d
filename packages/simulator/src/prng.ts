// Seeded randomness, never Math.random: the same seed gives the same data on every run.
//
// Two kinds: a sequential generator (mulberry32) for drawing a day's episode schedule, and a
// stateless hash of integers for per-sample noise, so the value at any instant can be computed
// without generating everything before it (history re-send requests, backfills of any period).

import { mulberry32 } from '@dabiao/domain';

export { hashString, mulberry32 } from '@dabiao/domain';

/** Mixes 32-bit integers into one well-scrambled 32-bit hash (murmur3's finaliser per step). */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    let k = Math.imul(p | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1) for the given integers. */
export function uniformAt(...parts: number[]): number {
  return hashInts(...parts) / 4294967296;
}

/** Approximately standard normal for the given integers (Irwin-Hall of four uniforms, rescaled). */
export function normalAt(...parts: number[]): number {
  const h = hashInts(...parts);
  const a = (h & 0xff) + ((h >>> 8) & 0xff) + ((h >>> 16) & 0xff) + (h >>> 24);
  // Four uniforms on 0..255: mean 510, variance 4 × (256² − 1) / 12.
  return (a - 510) / 147.8;
}

/**
 * Smooth value noise in [-1, 1]: random knots every `periodMs`, cosine-interpolated between
 * them. Gives slow wander (hours) that is continuous in time and computable at any instant.
 */
export function smoothNoise(stream: number, t: number, periodMs: number): number {
  const x = t / periodMs;
  const i = Math.floor(x);
  const f = x - i;
  const a = uniformAt(stream, i) * 2 - 1;
  const b = uniformAt(stream, i + 1) * 2 - 1;
  const w = (1 - Math.cos(f * Math.PI)) / 2;
  return a + (b - a) * w;
}

/** Sequential helpers over a seeded mulberry32 stream. */
export interface Random {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
