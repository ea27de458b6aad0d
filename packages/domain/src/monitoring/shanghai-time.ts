/**
 * Asia/Shanghai calendar arithmetic on Date instants. China has kept UTC+8 all year since 1991
 * (no DST), so a fixed offset is exact for every date the platform handles. HJ 212 `DataTime`
 * stamps and the days/months of validity rules are all in this local time.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Start of the Shanghai hour containing `d` (the +8 h offset is whole hours, so this is the UTC hour). */
export function hourStart(d: Date): Date {
  return new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS);
}

/** Start (00:00 Shanghai) of the Shanghai day containing `d`. */
export function dayStart(d: Date): Date {
  const local = d.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** Start (1st, 00:00 Shanghai) of the Shanghai month containing `d`. */
export function monthStart(d: Date): Date {
  const local = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SHANGHAI_OFFSET_MS);
}

/** Start of the Shanghai month after the one containing `d`. */
export function nextMonthStart(d: Date): Date {
  const local = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - SHANGHAI_OFFSET_MS);
}

/** The instant of a Shanghai wall-clock time; `month` is 1-12. */
export function shanghaiInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in Shanghai time. */
export function formatShanghai(d: Date): string {
  const l = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}
