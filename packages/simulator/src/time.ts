// Asia/Shanghai calendar arithmetic on epoch milliseconds. China has a fixed UTC+8 all year (no
// DST since 1991), so a local day is [16:00 UTC, 16:00 UTC) and hours and 10-minute periods align
// with UTC ones.

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** The start of the `stepMs` period (aligned in Shanghai local time) that holds `t`. */
export function floorTo(t: number, stepMs: number): number {
  return Math.floor((t + OFFSET) / stepMs) * stepMs - OFFSET;
}

/** The first multiple of `stepMs` (local time) at or after `t`. */
export function ceilTo(t: number, stepMs: number): number {
  return Math.ceil((t + OFFSET) / stepMs) * stepMs - OFFSET;
}

/** Days since 1970-01-01 in Shanghai local time: the same number for a whole local day. */
export function localDayIndex(t: number): number {
  return Math.floor((t + OFFSET) / DAY);
}

/** The instant a local day (by index) starts. */
export function localDayStart(dayIndex: number): number {
  return dayIndex * DAY - OFFSET;
}

/** Local time of day in hours, 0 ≤ h < 24. */
export function localHourOfDay(t: number): number {
  return ((((t + OFFSET) % DAY) + DAY) % DAY) / HOUR;
}

/** `YYYYMMDDhhmmss` (Shanghai local time) to epoch ms, or undefined when it is not a calendar time. */
export function parseLocalTime(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET;
  const back = new Date(t + OFFSET);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  return t;
}
