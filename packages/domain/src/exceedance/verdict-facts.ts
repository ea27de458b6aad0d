import type { ResolvedLimit } from '../limits/resolution';
import { formatShanghai } from '../monitoring/shanghai-time';
import type { ExceedanceEpisode, Judged } from './types';

export type VerdictLang = 'zh' | 'en';

/** Who and what the verdict is about; names come from the registry. */
export interface VerdictContext {
  enterprise?: string;
  /** Outlet name, e.g. 1号锅炉排气筒. */
  outlet: string;
  /** Permit outlet code, e.g. DA001. */
  outletCode?: string;
  /** MN of the data-acquisition unit whose data were judged. */
  monitor?: string;
  /** Overrides the built-in pollutant name. */
  pollutantName?: string;
  /** Chinese (default) or English. */
  lang?: VerdictLang;
}

/** Everything a phrase set needs, computed once. */
export interface VerdictFacts {
  ctx: VerdictContext;
  episode: ExceedanceEpisode;
  limit: ResolvedLimit;
  pollutant: string;
  /** Asia/Shanghai stamps: hourly `2024-03-01 08:00` … end `11:00`; daily first … last day. */
  first: string;
  last: string;
  /** The quantity is O2-corrected (the limit has a reference O2). */
  corrected: boolean;
}

export interface VerdictPhrases {
  heading(f: VerdictFacts): string;
  period(f: VerdictFacts): string;
  limit(f: VerdictFacts): string;
  selection(f: VerdictFacts): string;
  line(p: Judged, f: VerdictFacts): string;
  summary(f: VerdictFacts): string;
  unconfirmed: string;
}

/** Period label: `2024-03-01 08:00–09:00` for an hour, `2024-05-10` for a day. */
export function periodLabel(p: Judged): string {
  if (p.averaging === 'day') return formatShanghai(p.start).slice(0, 10);
  return `${formatShanghai(p.start)}–${formatShanghai(p.end).slice(11)}`;
}
