import { hourStart } from '@dabiao/domain';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface DayRateInput {
  /** 00:00 Shanghai. */
  dayStart: Date;
  now: Date;
  /** The monitor's first minute/hourly DataTime (monitor_data_span), if it ever sent any. */
  firstDataAt: Date | null;
  /** The monitor's hourly values of the day, every pollutant. */
  hours: readonly { pollutant: string; hour: Date; valid: boolean }[];
  /** The outlet's registered codes; empty = whatever the hour has. */
  required: readonly string[];
  onlineHours: number;
}

/** One `monitor_day_rate` row before it is written. */
export interface DayRateResult {
  expected: number;
  received: number;
  valid: number;
  onlineHours: number;
  receivedMask: number;
  validMask: number;
}

export const popcount = (mask: number) => {
  let n = 0;
  for (let m = mask >>> 0; m; m &= m - 1) n += 1;
  return n;
};

/**
 * Complete hours of the window [from, to) that fall in the day: what a monitor is expected to
 * deliver. `from` is the hour of its first data, `to` the start of the current hour.
 */
export function expectedHours(dayStart: Date, firstDataAt: Date | null, now: Date): number {
  if (!firstDataAt) return 0;
  const from = Math.max(dayStart.getTime(), hourStart(firstDataAt).getTime());
  const to = Math.min(dayStart.getTime() + DAY_MS, hourStart(now).getTime());
  return to > from ? Math.round((to - from) / HOUR_MS) : 0;
}

/**
 * The counts behind 数据传输有效率 for one monitor-day, in hours: received = hours with any data,
 * valid = hours in which every required pollutant has a valid hourly value, expected = complete
 * hours since the first data (as of `now`; the rates recompute it when read). The masks keep
 * which hours, so a later reader can count only the hours of its own window.
 */
export function computeDayRate(input: DayRateInput): DayRateResult {
  const byHour = new Map<number, Map<string, boolean>>();
  for (const h of input.hours) {
    const idx = Math.floor((h.hour.getTime() - input.dayStart.getTime()) / HOUR_MS);
    if (idx < 0 || idx > 23) continue;
    const codes = byHour.get(idx) ?? new Map<string, boolean>();
    codes.set(h.pollutant, (codes.get(h.pollutant) ?? false) || h.valid);
    byHour.set(idx, codes);
  }
  let receivedMask = 0;
  let validMask = 0;
  for (const [idx, codes] of byHour) {
    receivedMask |= 1 << idx;
    const required = input.required.length ? input.required : [...codes.keys()];
    if (required.every((code) => codes.get(code) === true)) validMask |= 1 << idx;
  }
  return {
    expected: expectedHours(input.dayStart, input.firstDataAt, input.now),
    received: popcount(receivedMask),
    valid: popcount(validMask),
    onlineHours: input.onlineHours,
    receivedMask,
    validMask,
  };
}
