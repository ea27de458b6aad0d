/**
 * Spot-check draws (E3): a reproducible random selection of a district's enterprises for on-site
 * checks. Seed 000 四(三): "组织专家对…自评报告进行审核并现场抽查，抽查率不低于50%". Anyone with the
 * seed and the population can recompute the selection (verify).
 */
import { hashString, mulberry32 } from '../random';

/** The lowest share a draw may select (000 四(三) 抽查率不低于50%). */
export const MIN_SPOT_CHECK_SHARE = 0.5;

const SEED = /^[A-Za-z0-9_-]{4,64}$/;

export function isValidSeed(seed: string): boolean {
  return SEED.test(seed);
}

/** How many of `n` enterprises a draw of `share` selects: ⌈share × n⌉ (floating error ignored). */
export function drawCount(n: number, share: number): number {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`population size must be an integer >= 0, got ${n}`);
  if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  return Math.min(n, Math.ceil(Math.round(share * n * 1e9) / 1e9));
}

/** 128 bits of stream state from the seed: four FNV-1a hashes of salted copies. */
function streamOf(seed: string): () => number {
  const parts = [0, 1, 2, 3].map((i) => mulberry32(hashString(`${i}:${seed}`)));
  let k = 0;
  return () => {
    const r = parts[k % 4]!();
    k++;
    return r;
  };
}

/**
 * Selects ⌈share × n⌉ of `population` (enterprise ids) reproducibly: the population is sorted
 * and de-duplicated first, then a partial Fisher–Yates shuffle driven by the seed picks the
 * sample. Same seed and same population → same selection, whatever order the ids came in.
 * Returns the selected ids in ascending order.
 */
export function drawSpotCheck(population: readonly number[], seed: string, share: number): number[] {
  if (!isValidSeed(seed)) throw new RangeError(`invalid seed ${JSON.stringify(seed)}`);
  const ids = [...new Set(population)].sort((a, b) => a - b);
  const count = drawCount(ids.length, share);
  const rand = streamOf(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rand() * (ids.length - i));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  return ids.slice(0, count).sort((a, b) => a - b);
}

/** Whether `selected` is exactly what `drawSpotCheck` gives for the stored seed and population. */
export function verifySpotCheck(
  population: readonly number[],
  seed: string,
  share: number,
  selected: readonly number[],
): boolean {
  const again = drawSpotCheck(population, seed, share);
  const mine = [...selected].sort((a, b) => a - b);
  return again.length === mine.length && again.every((id, i) => id === mine[i]);
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A new seed: the Shanghai date of `now` and 10 characters from `random` (uniform in [0, 1);
 * the server passes a cryptographic source), e.g. `20261123-7K3QX9M2PD`. Readable aloud, no 0/O/1/I.
 */
export function generateSeed(now: Date, random: () => number): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  let tail = '';
  for (let i = 0; i < 10; i++) tail += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return `${day}-${tail}`;
}
