import type { Trx } from '../../platform/db/database';
import type { DailyResult } from './daily-values';
import type { DayRateResult } from './day-rate';
import type { HourlyResult } from './hourly-values';

// Upserts of the aggregator's results: a recomputed hour, day or rate replaces the stored one.

export async function upsertHourly(trx: Trx, monitorId: number, rows: readonly HourlyResult[], now: Date) {
  if (!rows.length) return;
  await trx
    .insertInto('hourly_value')
    .values(
      rows.map((r) => ({
        monitor_id: monitorId,
        pollutant: r.pollutant,
        hour: r.hour,
        avg: r.avg,
        min: r.min,
        max: r.max,
        cou: r.cou,
        zs_avg: r.zsAvg,
        unit_avg: r.unitAvg,
        unit_zs_avg: r.unitZsAvg,
        valid: r.valid,
        invalid_reason: r.invalidReason,
        received_count: r.receivedCount,
        valid_count: r.validCount,
        expected_count: r.expectedCount,
        flag: r.flag,
        source: r.source,
        disagrees: r.disagrees,
        computed_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['monitor_id', 'pollutant', 'hour']).doUpdateSet((eb) => ({
        avg: eb.ref('excluded.avg'),
        min: eb.ref('excluded.min'),
        max: eb.ref('excluded.max'),
        cou: eb.ref('excluded.cou'),
        zs_avg: eb.ref('excluded.zs_avg'),
        unit_avg: eb.ref('excluded.unit_avg'),
        unit_zs_avg: eb.ref('excluded.unit_zs_avg'),
        valid: eb.ref('excluded.valid'),
        invalid_reason: eb.ref('excluded.invalid_reason'),
        received_count: eb.ref('excluded.received_count'),
        valid_count: eb.ref('excluded.valid_count'),
        expected_count: eb.ref('excluded.expected_count'),
        flag: eb.ref('excluded.flag'),
        source: eb.ref('excluded.source'),
        disagrees: eb.ref('excluded.disagrees'),
        computed_at: eb.ref('excluded.computed_at'),
        judged_at: null, // recomputed: the alarm engine judges it again
      })),
    )
    .execute();
}

export async function upsertDaily(trx: Trx, monitorId: number, rows: readonly DailyResult[], now: Date) {
  if (!rows.length) return;
  await trx
    .insertInto('daily_value')
    .values(
      rows.map((r) => ({
        monitor_id: monitorId,
        pollutant: r.pollutant,
        day: r.day,
        avg: r.avg,
        min: r.min,
        max: r.max,
        cou: r.cou,
        zs_avg: r.zsAvg,
        valid: r.valid,
        invalid_reason: r.invalidReason,
        valid_hours: r.validHours,
        received_hours: r.receivedHours,
        computed_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['monitor_id', 'pollutant', 'day']).doUpdateSet((eb) => ({
        avg: eb.ref('excluded.avg'),
        min: eb.ref('excluded.min'),
        max: eb.ref('excluded.max'),
        cou: eb.ref('excluded.cou'),
        zs_avg: eb.ref('excluded.zs_avg'),
        valid: eb.ref('excluded.valid'),
        invalid_reason: eb.ref('excluded.invalid_reason'),
        valid_hours: eb.ref('excluded.valid_hours'),
        received_hours: eb.ref('excluded.received_hours'),
        computed_at: eb.ref('excluded.computed_at'),
        judged_at: null,
      })),
    )
    .execute();
}

export async function upsertDayRate(trx: Trx, monitorId: number, day: string, r: DayRateResult, now: Date) {
  await trx
    .insertInto('monitor_day_rate')
    .values({
      monitor_id: monitorId,
      day,
      expected: r.expected,
      received: r.received,
      valid: r.valid,
      online_hours: r.onlineHours,
      received_mask: r.receivedMask,
      valid_mask: r.validMask,
      computed_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['monitor_id', 'day']).doUpdateSet((eb) => ({
        expected: eb.ref('excluded.expected'),
        received: eb.ref('excluded.received'),
        valid: eb.ref('excluded.valid'),
        online_hours: eb.ref('excluded.online_hours'),
        received_mask: eb.ref('excluded.received_mask'),
        valid_mask: eb.ref('excluded.valid_mask'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute();
}
