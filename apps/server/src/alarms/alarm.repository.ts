import { sql } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import { enterpriseScope } from '../registry/registry.policy';
import type { AlarmListQuery } from './alarm.schemas';

const OPEN_STATES = ['dispatched', 'signed', 'explained', 'operator_verified'] as const;

/** Alarms of the enterprises `p` may read, with their sheet (if dispatched) and registry names. */
function scopedAlarms(db: DbOrTrx, p: Principal) {
  return db
    .selectFrom('alarm')
    .innerJoin('enterprise', 'enterprise.id', 'alarm.enterprise_id')
    .where((eb) => enterpriseScope(eb, p))
    .innerJoin('outlet', 'outlet.id', 'alarm.outlet_id')
    .innerJoin('monitor', 'monitor.id', 'alarm.monitor_id')
    .leftJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id');
}

const columns = [
  'alarm.id',
  'alarm.kind',
  'alarm.rule',
  'alarm.pollutant',
  'alarm.averaging',
  'alarm.started_at',
  'alarm.ended_at',
  'alarm.peak',
  'alarm.mean',
  'alarm.max_multiple',
  'alarm.district_code',
  'alarm.filing_id',
  'alarm.detected_at',
  'alarm.enterprise_id',
  'alarm.outlet_id',
  'alarm.monitor_id',
  'enterprise.name as enterprise_name',
  'enterprise.lng',
  'enterprise.lat',
  'outlet.code as outlet_code',
  'outlet.name as outlet_name',
  'monitor.mn',
  'alarm_sheet.id as sheet_id',
  'alarm_sheet.number as sheet_number',
  'alarm_sheet.state as sheet_state',
  'alarm_sheet.conclusion',
  'alarm_sheet.dispatched_at',
  'alarm_sheet.deadline_at',
  'alarm_sheet.responded_at',
  'alarm_sheet.escalated_at',
  'alarm_sheet.supervision_number',
  'alarm_sheet.device_suspected',
  'alarm_sheet.version as sheet_version',
] as const;

export async function listAlarms(db: DbOrTrx, p: Principal, f: AlarmListQuery, now: Date) {
  let q = scopedAlarms(db, p);
  if (f.kind) q = q.where('alarm.kind', '=', f.kind);
  if (f.rule) q = q.where('alarm.rule', '=', f.rule);
  if (f.pollutant) q = q.where('alarm.pollutant', '=', f.pollutant);
  if (f.districtCode) q = q.where('alarm.district_code', '=', f.districtCode);
  if (f.enterpriseId) q = q.where('alarm.enterprise_id', '=', f.enterpriseId);
  if (f.from) q = q.where('alarm.detected_at', '>=', new Date(f.from));
  if (f.to) q = q.where('alarm.detected_at', '<', new Date(f.to));
  if (f.state === 'filed') q = q.where('alarm.filing_id', 'is not', null);
  else if (f.state === 'escalated') q = q.where('alarm_sheet.escalated_at', 'is not', null);
  else if (f.state === 'overdue')
    q = q.where('alarm_sheet.state', 'in', [...OPEN_STATES]).where('alarm_sheet.deadline_at', '<=', now);
  else if (f.state) q = q.where('alarm_sheet.state', '=', f.state as (typeof OPEN_STATES)[number]);
  const [rows, count] = await Promise.all([
    q
      .select([...columns])
      .orderBy('alarm.detected_at', 'desc')
      .orderBy('alarm.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type AlarmRow = Awaited<ReturnType<typeof listAlarms>>['rows'][number];

export async function findAlarmInScope(db: DbOrTrx, p: Principal, id: number) {
  return scopedAlarms(db, p)
    .select([...columns, 'alarm.evidence', 'alarm.verdict', 'alarm.limit_snapshot', 'alarm.updated_at'])
    .where('alarm.id', '=', id)
    .executeTakeFirst();
}

export async function alarmExists(db: DbOrTrx, id: number): Promise<boolean> {
  return !!(await db.selectFrom('alarm').select('id').where('id', '=', id).executeTakeFirst());
}

export async function stepsOf(db: DbOrTrx, sheetId: number) {
  return db
    .selectFrom('alarm_sheet_step')
    .select(['id', 'action', 'actor_name', 'actor_role', 'at', 'detail'])
    .where('sheet_id', '=', sheetId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * Counts for the alarm centre and the response dashboard: sheets by state and by district, with
 * how the districts answered (on time, late, pending, overdue), over sheets dispatched in [from, to).
 */
export async function alarmStats(db: DbOrTrx, p: Principal, from: Date, to: Date, now: Date) {
  const base = scopedAlarms(db, p).where('alarm.detected_at', '>=', from).where('alarm.detected_at', '<', to);
  const byState = await base
    .select([
      sql<string>`coalesce(alarm_sheet.state, case when alarm.filing_id is not null then 'filed' else 'none' end)`.as(
        'state',
      ),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(sql`1`)
    .execute();
  const byDistrict = await base
    .innerJoin('region', 'region.code', 'alarm.district_code')
    .select([
      'alarm.district_code',
      'region.name',
      (eb) => eb.fn.countAll<number>().as('alarms'),
      sql<number>`count(alarm_sheet.id)`.as('sheets'),
      sql<number>`count(*) filter (where alarm_sheet.responded_at is not null and alarm_sheet.responded_at < alarm_sheet.deadline_at)`.as(
        'on_time',
      ),
      sql<number>`count(*) filter (where alarm_sheet.responded_at is not null and alarm_sheet.responded_at >= alarm_sheet.deadline_at)`.as(
        'late',
      ),
      sql<number>`count(*) filter (where alarm_sheet.responded_at is null and alarm_sheet.deadline_at > ${now})`.as(
        'pending',
      ),
      sql<number>`count(*) filter (where alarm_sheet.responded_at is null and alarm_sheet.deadline_at <= ${now})`.as(
        'overdue',
      ),
      sql<number>`count(alarm_sheet.escalated_at)`.as('escalated'),
    ])
    .groupBy(['alarm.district_code', 'region.name'])
    .orderBy('alarm.district_code')
    .execute();
  return {
    byState: byState.map((r) => ({ state: r.state, count: Number(r.n) })),
    byDistrict: byDistrict.map((r) => ({
      districtCode: r.district_code,
      districtName: r.name,
      alarms: Number(r.alarms),
      sheets: Number(r.sheets),
      onTime: Number(r.on_time),
      late: Number(r.late),
      pending: Number(r.pending),
      overdue: Number(r.overdue),
      escalated: Number(r.escalated),
    })),
  };
}
