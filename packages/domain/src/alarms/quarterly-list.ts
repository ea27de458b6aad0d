/**
 * The quarterly list of seriously exceeding enterprises (A5; 004: 按季公布严重超标企业名单).
 * The seed names the list but not its criteria: DEFAULT_SERIOUS_RULE is a configurable default
 * of this platform, not a legal definition.
 */
import { formatNumber } from '../limits/describe';
import { dayStart, SHANGHAI_OFFSET_MS, shanghaiInstant } from '../monitoring/shanghai-time';

export interface SeriousExceedanceRule {
  minConfirmedSheets: number;
  minExceedanceDays: number;
  /**
   * Lowest maxMultiple that lists an enterprise. A multiple is compared / limit, as everywhere in
   * ../exceedance, so 2 means 超标1倍 (100 % above the limit).
   */
  minMultiple: number;
  /** any one criterion suffices */
}

/** 3 confirmed sheets, or 5 days with a confirmed exceedance, or a value at twice the limit (超标1倍). */
export const DEFAULT_SERIOUS_RULE: SeriousExceedanceRule = {
  minConfirmedSheets: 3,
  minExceedanceDays: 5,
  minMultiple: 2,
};

/** One alarm episode of an enterprise; `end` exclusive; confirmed = the sheet concluded confirmed_exceedance. */
export interface QuarterEpisode {
  enterpriseId: number;
  start: Date;
  end: Date;
  /** compared / limit (ExceedanceEpisode.maxMultiple); null for a range limit (pH). */
  maxMultiple: number | null;
  confirmed: boolean;
  pollutant: string;
}

export interface QuarterListEntry {
  enterpriseId: number;
  confirmedSheets: number;
  exceedanceDays: number;
  maxMultiple: number | null;
  pollutants: string[];
  /** zh, one per criterion met, with numbers */
  reasons: string[];
}

/** The Asia/Shanghai quarter containing `d`; `end` is exclusive (the next quarter's start). */
export function quarterOf(d: Date): { year: number; quarter: 1 | 2 | 3 | 4; start: Date; end: Date } {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  const local = new Date(t + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const q = Math.floor(local.getUTCMonth() / 3);
  const quarter = (q + 1) as 1 | 2 | 3 | 4;
  const start = shanghaiInstant(year, q * 3 + 1, 1);
  const end = q === 3 ? shanghaiInstant(year + 1, 1, 1) : shanghaiInstant(year, q * 3 + 4, 1);
  return { year, quarter, start, end };
}

const DAY_MS = 86_400_000;

interface Tally {
  sheets: number;
  days: Set<number>;
  maxMultiple: number | null;
  pollutants: Set<string>;
}

/**
 * Enterprises that meet any criterion of `rule` in `quarter`, from confirmed episodes only. An
 * episode counts in the quarter when it overlaps [start, end): as one confirmed sheet, and each
 * Shanghai day it touches within the quarter is an exceedance day (days of several episodes
 * counted once). Sorted by exceedanceDays desc, then enterpriseId.
 */
export function seriousExceeders(
  episodes: readonly QuarterEpisode[],
  quarter: { start: Date; end: Date },
  rule: SeriousExceedanceRule = DEFAULT_SERIOUS_RULE,
): QuarterListEntry[] {
  const qStart = quarter.start.getTime();
  const qEnd = quarter.end.getTime();
  const tallies = new Map<number, Tally>();
  for (const e of episodes) {
    if (!e.confirmed) continue;
    const start = e.start.getTime();
    // A zero-length episode (start = end) is taken as the instant it starts.
    const end = Math.max(e.end.getTime(), start + 1);
    if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RangeError('invalid Date in episode');
    const from = Math.max(start, qStart);
    const to = Math.min(end, qEnd);
    if (from >= to) continue;
    let t = tallies.get(e.enterpriseId);
    if (!t) {
      t = { sheets: 0, days: new Set(), maxMultiple: null, pollutants: new Set() };
      tallies.set(e.enterpriseId, t);
    }
    t.sheets += 1;
    // Shanghai is UTC+8 all year: its days are fixed 24 h steps.
    for (let day = dayStart(new Date(from)).getTime(); day < to; day += DAY_MS) t.days.add(day);
    if (e.maxMultiple !== null && Number.isFinite(e.maxMultiple)) {
      t.maxMultiple = t.maxMultiple === null ? e.maxMultiple : Math.max(t.maxMultiple, e.maxMultiple);
    }
    t.pollutants.add(e.pollutant);
  }

  const list: QuarterListEntry[] = [];
  for (const [enterpriseId, t] of tallies) {
    const reasons = reasonsFor(t, rule);
    if (reasons.length === 0) continue;
    list.push({
      enterpriseId,
      confirmedSheets: t.sheets,
      exceedanceDays: t.days.size,
      maxMultiple: t.maxMultiple,
      pollutants: [...t.pollutants].sort(),
      reasons,
    });
  }
  return list.sort((a, b) => b.exceedanceDays - a.exceedanceDays || a.enterpriseId - b.enterpriseId);
}

function reasonsFor(t: Tally, rule: SeriousExceedanceRule): string[] {
  const reasons: string[] = [];
  if (t.sheets >= rule.minConfirmedSheets) {
    reasons.push(`本季度经核实确认超标的报警单 ${t.sheets} 份（标准：不少于 ${rule.minConfirmedSheets} 份）`);
  }
  if (t.days.size >= rule.minExceedanceDays) {
    reasons.push(`本季度超标天数 ${t.days.size} 天（标准：不少于 ${rule.minExceedanceDays} 天）`);
  }
  if (t.maxMultiple !== null && t.maxMultiple >= rule.minMultiple) {
    reasons.push(
      `最高浓度为限值的 ${formatNumber(t.maxMultiple)} 倍，超标 ${formatNumber(t.maxMultiple - 1)} 倍（标准：达到限值的 ${formatNumber(rule.minMultiple)} 倍）`,
    );
  }
  return reasons;
}
