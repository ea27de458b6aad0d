import type { ResolvedLimit } from '../limits/resolution';

/** Averages that are judged: hourly (flue gas) and daily (wastewater). */
export type ValueAveraging = 'hour' | 'day';

/** One valid average to be judged. Only averages that passed the validity rules are passed in. */
export interface PeriodValue {
  /** Start of the hour or of the day (00:00 Asia/Shanghai). */
  start: Date;
  averaging: ValueAveraging;
  value: number;
  /** True when `value` is already at the limit's reference O2 (折算浓度, e.g. the stored ZsAvg). */
  corrected?: boolean;
  /** Measured O2 (%) of the period: needed when the limit has a reference O2 and `value` is not corrected. */
  o2?: number | null;
}

/** The O2 correction behind a judgement, with the numbers a verdict quotes. */
export interface O2Basis {
  /** Measured concentration before correction; null when the value came already corrected. */
  measured: number | null;
  o2Measured: number | null;
  o2Reference: number;
  /** `90 × (21 − 6) / (21 − 9) = 112.5` (from correctForO2); null when not computed here. */
  formula: string | null;
}

export interface Judged {
  ok: true;
  start: Date;
  /** Exclusive end of the period. */
  end: Date;
  averaging: ValueAveraging;
  exceeds: boolean;
  /** The value as given. */
  value: number;
  /** The number compared with the limit (O2-corrected where the limit has a reference O2). */
  compared: number;
  o2: O2Basis | null;
  /** compared / limit, for a ceiling; null for a range. */
  multiple: number | null;
  /** (compared − limit) / limit — the 超标倍数 — for a ceiling; null for a range. */
  excess: number | null;
  /** For a range: the side and distance outside it; null inside or for a ceiling. */
  outside: { side: 'below' | 'above'; distance: number } | null;
  limit: ResolvedLimit;
}

export type NotJudgedReason =
  | 'AVERAGING_MISMATCH'
  | 'VALUE_INVALID'
  | 'O2_MISSING'
  | 'O2_NEAR_AMBIENT'
  | 'O2_INVALID';

/** A period that cannot be judged: no verdict, and a break in any episode. */
export interface NotJudged {
  ok: false;
  start: Date;
  end: Date;
  averaging: ValueAveraging;
  reason: NotJudgedReason;
  detail: string;
  limit: ResolvedLimit;
}

export type Judgement = Judged | NotJudged;

/** Consecutive exceeding periods under one limit. */
export interface ExceedanceEpisode {
  start: Date;
  /** Exclusive: the end of the last period. */
  end: Date;
  averaging: ValueAveraging;
  periods: readonly Judged[];
  /** The compared value farthest beyond the limit (highest for a ceiling). */
  peak: number;
  /** Mean of the compared values. */
  mean: number;
  /** Highest compared / limit (ceilings); null for a range. */
  maxMultiple: number | null;
  /** Greatest distance outside the range (ranges); null for a ceiling. */
  maxDistanceOutside: number | null;
  /** The limit every period was judged against (a frozen copy, see ResolvedLimit). */
  limit: ResolvedLimit;
}
