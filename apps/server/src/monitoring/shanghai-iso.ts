import { SHANGHAI_OFFSET_MS } from '@dabiao/domain';

/**
 * An instant as the API shows it: ISO 8601 in Shanghai time with its offset,
 * `2026-11-23T09:00:00+08:00` (milliseconds only when there are some, as on receipt times).
 */
export function shanghaiIso(d: Date): string {
  const local = new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString(); // …Z, shifted
  const ms = local.slice(19, 23);
  return `${local.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}
