import { formatShanghai } from '../monitoring/shanghai-time';
import { pollutantName } from './pollutant-names';
import type { ExceedanceEpisode } from './types';
import { EN_PHRASES } from './verdict-en';
import type { VerdictContext, VerdictFacts } from './verdict-facts';
import { ZH_PHRASES } from './verdict-zh';

/**
 * A1: the text of an exceedance verdict, for the alarm sheet and for a lawyer: who and which
 * data, the standard (or permit) with its clause and why that limit, the averaging, each
 * period's numbers with the O2 correction written out, the multiple, and a conclusion. It reads
 * only the episode (which carries its own copy of the limit), so it never changes afterwards.
 */
export function verdictText(episode: ExceedanceEpisode, context: VerdictContext): string {
  const lang = context.lang ?? 'zh';
  const P = lang === 'zh' ? ZH_PHRASES : EN_PHRASES;
  const limit = episode.limit;
  const daily = episode.averaging === 'day';
  // hourly: up to the end instant; daily: the last calendar day itself
  const lastShown = new Date(episode.end.getTime() - (daily ? 86_400_000 : 0));
  const stamp = (d: Date) => (daily ? formatShanghai(d).slice(0, 10) : formatShanghai(d));
  const f: VerdictFacts = {
    ctx: context,
    episode,
    limit,
    pollutant: context.pollutantName ?? pollutantName(limit.pollutant, lang),
    first: stamp(episode.start),
    last: stamp(lastShown),
    corrected: limit.referenceO2 !== null,
  };
  const lines = [P.heading(f), P.period(f), P.limit(f), P.selection(f)];
  for (const p of episode.periods) lines.push(P.line(p, f));
  lines.push(P.summary(f));
  if (!limit.confirmed) lines.push(P.unconfirmed);
  return lines.filter((l) => l !== '').join('\n');
}
