import { shouldEscalate } from '@dabiao/domain';
import type { Trx } from '../../platform/db/database';
import { notifyParties } from '../inbox/notify';
import { insertStep, nextSupervisionNumber, operatorIdsOf } from '../sheets/sheet-dispatch';
import type { EngineEffects } from './alarm-store';

const OPEN = ['dispatched', 'signed', 'explained', 'operator_verified'] as const;

/**
 * A3: sheets not concluded 24 hours after dispatch escalate to the city as a supervision notice
 * (督办单) with its own number; the city and the district hear of it. Exactly at the deadline is
 * late (domain `shouldEscalate`). Each sheet escalates once.
 */
export async function escalateOverdue(trx: Trx, now: Date, fx: EngineEffects, n = 200): Promise<number> {
  const due = await trx
    .selectFrom('alarm_sheet')
    .innerJoin('alarm', 'alarm.id', 'alarm_sheet.alarm_id')
    .select([
      'alarm_sheet.id',
      'alarm_sheet.number',
      'alarm_sheet.state',
      'alarm_sheet.deadline_at',
      'alarm_sheet.escalated_at',
      'alarm_sheet.district_code',
      'alarm_sheet.enterprise_id',
      'alarm.monitor_id',
      'alarm.id as alarm_id',
    ])
    .where('alarm_sheet.escalated_at', 'is', null)
    .where('alarm_sheet.state', 'in', [...OPEN])
    .where('alarm_sheet.deadline_at', '<=', now)
    .orderBy('alarm_sheet.deadline_at')
    .limit(n)
    .forUpdate('alarm_sheet')
    .skipLocked()
    .execute();
  let count = 0;
  for (const s of due) {
    const facts = { state: s.state, deadlineAt: new Date(s.deadline_at), escalatedAt: null };
    if (!shouldEscalate(facts, now)) continue;
    const supervision = await nextSupervisionNumber(trx, s.district_code, now);
    await trx
      .updateTable('alarm_sheet')
      .set({ escalated_at: now, supervision_number: supervision, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', s.id)
      .execute();
    await insertStep(trx, s.id, 'escalate', null, now, {
      supervisionNumber: supervision,
      deadlineAt: s.deadline_at,
    });
    const r = await notifyParties(
      trx,
      {
        sheetId: s.id,
        alarmId: s.alarm_id,
        districtCode: s.district_code,
        enterpriseId: s.enterprise_id,
        operatorIds: await operatorIdsOf(trx, s.monitor_id),
      },
      ['city', 'district'],
      'supervision',
      `督办单 ${supervision}：报警单 ${s.number} 超过 24 小时未反馈`,
      now,
      true,
    );
    fx.events.push(...r.events);
    fx.outbound.push(...r.outbound);
    count++;
  }
  return count;
}
