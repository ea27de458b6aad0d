import { formatShanghai, isOverdue, responseOutcome, type SheetState } from '@dabiao/domain';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import type { AlarmRow } from './alarm.repository';
import { stepsOf } from './alarm.repository';
import { actionsFor, loadAlarmForRead, sheetFactsOf } from './sheets/sheet.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** One alarm as lists show it: what, where, when, and its sheet's state and deadline. */
export function presentAlarm(r: AlarmRow, now: Date) {
  const sheet =
    r.sheet_id === null
      ? null
      : {
          id: r.sheet_id,
          number: r.sheet_number,
          state: r.sheet_state,
          conclusion: r.conclusion,
          deviceSuspected: !!r.device_suspected,
          dispatchedAt: iso(r.dispatched_at),
          deadlineAt: iso(r.deadline_at),
          respondedAt: iso(r.responded_at),
          escalatedAt: iso(r.escalated_at),
          supervisionNumber: r.supervision_number,
          version: r.sheet_version,
          overdue: isOverdue(
            { state: r.sheet_state as SheetState, deadlineAt: new Date(r.deadline_at!) },
            now,
          ),
          outcome: responseOutcome(
            new Date(r.deadline_at!),
            r.responded_at ? new Date(r.responded_at) : null,
            now,
          ),
        };
  return {
    id: r.id,
    kind: r.kind,
    rule: r.rule,
    pollutant: r.pollutant || null,
    averaging: r.averaging,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    peak: r.peak,
    mean: r.mean,
    maxMultiple: r.max_multiple,
    districtCode: r.district_code,
    filingId: r.filing_id,
    detectedAt: iso(r.detected_at),
    enterprise: { id: r.enterprise_id, name: r.enterprise_name, lng: r.lng, lat: r.lat },
    outlet: { id: r.outlet_id, code: r.outlet_code, name: r.outlet_name },
    monitor: { id: r.monitor_id, mn: r.mn },
    sheet,
  };
}

/**
 * The sheet detail: the alarm, its verdict and the limit it used, the evidence window (the data
 * around the alarm, its flags, the filings touching it), every step, and what the user may do.
 */
export async function alarmDetail(db: Db, p: Principal, id: number, now: Date) {
  const row = await loadAlarmForRead(db, p, id);
  const facts = await sheetFactsOf(db, row);
  const start = new Date(row.started_at);
  const end = new Date(row.ended_at);
  const daily = row.averaging === 'day';
  const from = new Date(start.getTime() - (daily ? 7 * DAY_MS : 12 * HOUR_MS));
  const to = new Date(end.getTime() + (daily ? 7 * DAY_MS : 12 * HOUR_MS));
  const pollutants = row.pollutant ? [row.pollutant] : [];
  const series = daily
    ? (
        await db
          .selectFrom('daily_value')
          .select(['pollutant', 'day', 'avg', 'zs_avg', 'valid', 'invalid_reason'])
          .where('monitor_id', '=', row.monitor_id)
          .where('pollutant', 'in', pollutants.length ? pollutants : [''])
          .where('day', '>=', formatShanghai(from).slice(0, 10))
          .where('day', '<', formatShanghai(to).slice(0, 10))
          .orderBy('day')
          .execute()
      ).map((v) => ({
        pollutant: v.pollutant,
        at: new Date(`${String(v.day).slice(0, 10)}T00:00:00+08:00`).toISOString(),
        avg: v.avg,
        zsAvg: v.zs_avg,
        flag: null as string | null,
        valid: v.valid,
        invalidReason: v.invalid_reason,
      }))
    : (
        await db
          .selectFrom('hourly_value')
          .select(['pollutant', 'hour', 'avg', 'zs_avg', 'flag', 'valid', 'invalid_reason'])
          .where('monitor_id', '=', row.monitor_id)
          .where('pollutant', 'in', [...pollutants, 'a19001', 'a00000', 'w00000'])
          .where('hour', '>=', from)
          .where('hour', '<', to)
          .orderBy('hour')
          .execute()
      ).map((v) => ({
        pollutant: v.pollutant,
        at: new Date(v.hour).toISOString(),
        avg: v.avg,
        zsAvg: v.zs_avg,
        flag: v.flag,
        valid: v.valid,
        invalidReason: v.invalid_reason,
      }));
  const filings = await db
    .selectFrom('filing')
    .select(['id', 'kind', 'status', 'starts_at', 'ends_at', 'reason', 'outlet_id'])
    .where('enterprise_id', '=', row.enterprise_id)
    .where((eb) => eb.or([eb('outlet_id', '=', row.outlet_id), eb('outlet_id', 'is', null)]))
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .execute();
  const steps = row.sheet_id === null ? [] : await stepsOf(db, row.sheet_id);
  return {
    ...presentAlarm(row, now),
    verdict: row.verdict,
    limit: row.limit_snapshot,
    evidence: row.evidence,
    window: { from: from.toISOString(), to: to.toISOString(), series },
    filings: filings.map((f) => ({
      id: f.id,
      kind: f.kind,
      status: f.status,
      startsAt: iso(f.starts_at),
      endsAt: iso(f.ends_at),
      reason: f.reason,
    })),
    steps: steps.map((s) => ({
      id: Number(s.id),
      action: s.action,
      actorName: s.actor_name,
      actorRole: s.actor_role,
      at: iso(s.at),
      detail: s.detail,
    })),
    actions: actionsFor(p, facts),
  };
}
