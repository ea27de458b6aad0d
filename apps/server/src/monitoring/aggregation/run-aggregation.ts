import { dayStart as dayStartOf } from '@dabiao/domain';
import type { Db, Trx } from '../../platform/db/database';
import { upsertDaily, upsertDayRate, upsertHourly } from './aggregate-writes.repository';
import {
  claimTasks,
  countOnlineHours,
  loadHourlyOfDay,
  loadOutletRules,
  loadRecords,
  loadRecordTimes,
  lockMonitor,
  widenDataSpan,
} from './aggregation.repository';
import { computeDailyValues, dayKey, type HourlyInput } from './daily-values';
import { detectInterval } from './data-interval';
import { computeDayRate } from './day-rate';
import { computeHourlyValues, type OutletRules } from './hourly-values';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface AggregationOptions {
  now: Date;
  /** Most tasks taken in this run (default 500). */
  limit?: number;
  /** Tasks per transaction (default 100): short transactions keep PGlite's one session free. */
  chunk?: number;
}

export interface AggregationRun {
  /** Tasks taken from the queue. */
  tasks: number;
  /** Monitor-hours recomputed (tasks plus hours whose day's data interval changed). */
  hours: number;
  /** Monitor-days whose daily values and rate were recomputed. */
  days: number;
}

/**
 * Works through the `aggregation_task` queue: for each queued monitor-hour, the valid hourly
 * values (HJ 75-2017 from the minutes, or the unit's own hourly record), then that day's daily
 * values and transmission counts. Tasks are deleted in the transaction that writes the results,
 * so a failure leaves them queued. The result depends only on the records, never on the order
 * they arrived in: every new record re-queues its hour, and each pass recomputes whole hours.
 */
export async function runAggregation(db: Db, options: AggregationOptions): Promise<AggregationRun> {
  const limit = options.limit ?? 500;
  const chunk = Math.max(1, Math.min(options.chunk ?? 100, limit));
  const total: AggregationRun = { tasks: 0, hours: 0, days: 0 };
  while (total.tasks < limit) {
    const n = Math.min(chunk, limit - total.tasks);
    const run = await db.transaction().execute((trx) => aggregateChunk(trx, n, options.now));
    total.tasks += run.tasks;
    total.hours += run.hours;
    total.days += run.days;
    if (run.tasks < n) break;
  }
  return total;
}

async function aggregateChunk(trx: Trx, n: number, now: Date): Promise<AggregationRun> {
  const tasks = await claimTasks(trx, n);
  const run: AggregationRun = { tasks: tasks.length, hours: 0, days: 0 };
  if (!tasks.length) return run;
  const monitorIds = [...new Set(tasks.map((t) => t.monitorId))].sort((a, b) => a - b);
  for (const id of monitorIds) await lockMonitor(trx, id); // in id order: no deadlock between aggregators
  const rules = await loadOutletRules(trx, monitorIds);

  const groups = new Map<string, { monitorId: number; dayStart: Date; hours: Set<number> }>();
  for (const t of tasks) {
    const day = dayStartOf(t.hour);
    const key = `${t.monitorId}:${day.getTime()}`;
    const g = groups.get(key) ?? { monitorId: t.monitorId, dayStart: day, hours: new Set<number>() };
    g.hours.add(t.hour.getTime());
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const r = rules.get(g.monitorId);
    if (!r) continue; // the monitor is gone: nothing to aggregate for it
    run.hours += await aggregateMonitorDay(trx, g.monitorId, g.dayStart, g.hours, r, now);
    run.days += 1;
  }
  return run;
}

/** Recomputes the queued hours of one monitor-day, then the day's daily values and rate. */
async function aggregateMonitorDay(
  trx: Trx,
  monitorId: number,
  dayStart: Date,
  queued: ReadonlySet<number>,
  rules: OutletRules,
  now: Date,
): Promise<number> {
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  const times = await loadRecordTimes(trx, monitorId, dayStart, dayEnd);
  const interval = detectInterval(
    times.filter((t) => t.kind === 'min').map((t) => t.dataTime),
    rules.kind,
  );
  const stored = await loadHourlyOfDay(trx, monitorId, dayStart, dayEnd);
  // Hours computed with another interval than the day's (their day has since filled in) are redone.
  const hours = new Set(queued);
  for (const s of stored)
    if (s.source === 'minutes' && s.expectedCount !== 60 / interval) hours.add(s.hour.getTime());

  const fresh: HourlyInput[] = [];
  if (hours.size) {
    const sorted = [...hours].sort((a, b) => a - b);
    const records = await loadRecords(
      trx,
      monitorId,
      new Date(sorted[0]!),
      new Date(sorted[sorted.length - 1]! + HOUR_MS),
    );
    const rows = sorted.flatMap((h) => computeHourlyValues(new Date(h), records, rules, interval));
    await upsertHourly(trx, monitorId, rows, now);
    fresh.push(...rows);
  }
  const dayHours = [...stored.filter((s) => !hours.has(s.hour.getTime())), ...fresh];
  await upsertDaily(trx, monitorId, computeDailyValues(dayStart, dayHours, rules.kind), now);

  const ordered = times.map((t) => t.dataTime.getTime()).sort((a, b) => a - b);
  const firstDataAt = await widenDataSpan(
    trx,
    monitorId,
    ordered.length ? new Date(ordered[0]!) : undefined,
    ordered.length ? new Date(ordered[ordered.length - 1]!) : undefined,
  );
  const rate = computeDayRate({
    dayStart,
    now,
    firstDataAt,
    hours: dayHours,
    required: rules.pollutants,
    onlineHours: await countOnlineHours(trx, monitorId, dayStart),
  });
  await upsertDayRate(trx, monitorId, dayKey(dayStart), rate, now);
  return hours.size;
}
