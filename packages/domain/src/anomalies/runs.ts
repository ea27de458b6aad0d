/** Maximal runs of consecutive hours — the one loop every hourly rule shares. */
export const HOUR_MS = 3_600_000;

/**
 * Calls `emit(first, last)` (inclusive indices into `times`) for every maximal run of hours that
 * - each satisfy `holds(i)`,
 * - each start exactly one hour after the previous one (`times` are hour starts in ms, ascending;
 *   a missing hour ends the run),
 * - from the second hour on satisfy `continues(first, i)` when given (e.g. "same value as the
 *   run's first hour"; a hour that fails it starts a new run),
 * and last at least `minHours` hours (a value below 1 is taken as 1).
 * No allocation: the callbacks see indices only.
 */
export function forEachRun(
  times: ArrayLike<number>,
  holds: (i: number) => boolean,
  minHours: number,
  emit: (first: number, last: number) => void,
  continues?: (first: number, i: number) => boolean,
): void {
  const need = Math.max(1, minHours);
  const n = times.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (!holds(i)) {
      if (first >= 0 && i - first >= need) emit(first, i - 1);
      first = -1;
      continue;
    }
    if (first < 0) {
      first = i;
    } else if (
      (times[i] as number) - (times[i - 1] as number) !== HOUR_MS ||
      (continues && !continues(first, i))
    ) {
      if (i - first >= need) emit(first, i - 1);
      first = i;
    }
  }
  if (first >= 0 && n - first >= need) emit(first, n - 1);
}

/** The same runs as `[first, last]` pairs (for tests and callers that want a list). */
export function consecutiveRuns(
  times: ArrayLike<number>,
  holds: (i: number) => boolean,
  minHours = 1,
  continues?: (first: number, i: number) => boolean,
): [first: number, last: number][] {
  const out: [number, number][] = [];
  forEachRun(times, holds, minHours, (a, b) => out.push([a, b]), continues);
  return out;
}
