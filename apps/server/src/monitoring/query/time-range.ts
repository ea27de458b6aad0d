import { shanghaiInstant } from '@dabiao/domain';
import { Type } from 'typebox';
import { badQuery } from './strict-query';

const DAY_MS = 86_400_000;
/** The longest period one request may cover. */
export const MAX_SPAN_DAYS = 400;

/** `2026-11-23` (a Shanghai day), `2026-11-23T08:00` (Shanghai wall clock) or a full ISO 8601 time. */
export const TimeParam = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
  description: '日期 YYYY-MM-DD（上海时间）或时间 YYYY-MM-DDTHH:mm[:ss][±08:00]；无时区按上海时间',
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A query time as an instant. A bare date is that day's 00:00 in Shanghai — or, for `to`, the end
 * of that day, so `from=2026-11-01&to=2026-11-30` covers all of November.
 */
export function parseTime(text: string, end: boolean): Date | undefined {
  const d = DATE.exec(text);
  if (d) {
    const start = shanghaiInstant(Number(d[1]), Number(d[2]), Number(d[3]));
    const check = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (check !== text) return undefined; // 2026-02-30
    return end ? new Date(start.getTime() + DAY_MS) : start;
  }
  const l = LOCAL.exec(text);
  if (l) {
    const [, y, mo, da, h, mi, s, ms] = l.map(Number) as number[];
    return new Date(
      shanghaiInstant(y!, mo!, da!, h!, mi!).getTime() + (s || 0) * 1000 + (Number.isNaN(ms) ? 0 : ms!),
    );
  }
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/**
 * [from, to) from the query: `to` defaults to `now`, `from` to `to − defaultDays`. Refused with 400:
 * an unreadable time, `from` not before `to`, a span over 400 days.
 */
export function timeRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
  defaultDays: number,
): { from: Date; to: Date } {
  const to = query.to === undefined ? now : parseTime(query.to, true);
  if (!to) throw badQuery([{ path: '/query/to', message: '时间无效', code: 'FORMAT' }]);
  const from =
    query.from === undefined ? new Date(to.getTime() - defaultDays * DAY_MS) : parseTime(query.from, false);
  if (!from) throw badQuery([{ path: '/query/from', message: '时间无效', code: 'FORMAT' }]);
  if (from.getTime() >= to.getTime())
    throw badQuery([{ path: '/query/from', message: '起始时间须早于结束时间', code: 'RANGE' }]);
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS)
    throw badQuery([{ path: '/query/to', message: `时间跨度不能超过 ${MAX_SPAN_DAYS} 天`, code: 'SPAN' }]);
  return { from, to };
}
