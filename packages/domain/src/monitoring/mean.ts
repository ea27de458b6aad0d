/** Small numeric helpers shared by the averaging rules. */
export interface Stats {
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** Mean, min and max of the finite numbers in `xs` (nulls for an empty set). */
export function stats(xs: readonly (number | null | undefined)[]): Stats {
  let sum = 0;
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const x of xs) {
    if (x === null || x === undefined || !Number.isFinite(x)) continue;
    sum += x;
    n += 1;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return n === 0 ? { mean: null, min: null, max: null } : { mean: sum / n, min, max };
}
