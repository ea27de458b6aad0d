import { shanghaiInstant } from '../monitoring/shanghai-time';

/** 00:00 Asia/Shanghai of a `YYYY-MM-DD` date (the dates of standards, permits, designations). */
export function dayInstant(ymd: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return new Date(Number.NaN);
  return shanghaiInstant(Number(m[1]), Number(m[2]), Number(m[3]));
}

export type WindowPosition = 'before' | 'inside' | 'after';

/** Where `at` falls in [from, to): a null `from` is open (date not recorded), `to` is exclusive. */
export function windowPosition(at: Date, from: string | null, to: string | undefined): WindowPosition {
  const t = at.getTime();
  if (from !== null && !(t >= dayInstant(from).getTime())) return 'before';
  if (to !== undefined && !(t < dayInstant(to).getTime())) return 'after';
  return 'inside';
}
