import type { ResolvedLimit } from '../limits/resolution';
import type { ExceedanceEpisode, Judged, Judgement } from './types';

/**
 * Consecutive exceeding periods (hour after hour, day after day, the next starting where the
 * previous ended) become one episode. A period that does not exceed, is missing (gap) or could not
 * be judged ends the episode, and so does a change of the limit in force. Input order is free;
 * a repeated period start is counted once.
 */
export function mergeEpisodes(periods: readonly Judgement[]): ExceedanceEpisode[] {
  const exceeding = periods
    .filter((p): p is Judged => p.ok && p.exceeds)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const runs: Judged[][] = [];
  let run: Judged[] = [];
  for (const p of exceeding) {
    const last = run[run.length - 1];
    if (last && last.start.getTime() === p.start.getTime()) continue;
    const continues =
      last &&
      last.end.getTime() === p.start.getTime() &&
      last.averaging === p.averaging &&
      episodeLimitKey(last.limit) === episodeLimitKey(p.limit);
    if (!continues && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length > 0) runs.push(run);
  return runs.map(episode);
}

/**
 * What makes two limits "the same limit in force" (not how it was chosen). Independent of key
 * order: a limit read back from storage (PostgreSQL jsonb reorders keys) keys the same.
 */
export function episodeLimitKey(l: ResolvedLimit): string {
  const v = l.value;
  return JSON.stringify([
    l.candidateId,
    l.revision,
    v.kind === 'max' ? [v.kind, v.max] : [v.kind, v.lo, v.hi],
    l.unit,
    l.averaging,
    l.referenceO2,
    l.designation?.id,
  ]);
}

function episode(run: Judged[]): ExceedanceEpisode {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const beyond = (p: Judged) => p.multiple ?? p.outside?.distance ?? 0;
  const worst = run.reduce((w, p) => (beyond(p) > beyond(w) ? p : w), first);
  const ceiling = first.limit.value.kind === 'max';
  return {
    start: first.start,
    end: last.end,
    averaging: first.averaging,
    periods: run,
    peak: worst.compared,
    mean: run.reduce((s, p) => s + p.compared, 0) / run.length,
    maxMultiple: ceiling ? Math.max(...run.map((p) => p.multiple ?? 0)) : null,
    maxDistanceOutside: ceiling ? null : Math.max(...run.map((p) => p.outside?.distance ?? 0)),
    limit: first.limit,
  };
}
