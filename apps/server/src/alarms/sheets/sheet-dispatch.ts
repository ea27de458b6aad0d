import { formatShanghai, responseDeadline, sheetNumber, supervisionNumber } from '@dabiao/domain';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database';
import { type NotifyResult, notifyParties, type SheetParties } from '../inbox/notify';

/** The next number of a district's sheets (or supervision notices) on an Asia/Shanghai day. */
async function nextSeq(trx: DbOrTrx, kind: 'sheet' | 'supervision', districtCode: string, at: Date) {
  const day = formatShanghai(at).slice(0, 10);
  const { rows } = await sql<{ seq: number }>`
    insert into alarm_number_counter (kind, district_code, day, seq) values (${kind}, ${districtCode}, ${day}, 1)
    on conflict (kind, district_code, day) do update set seq = alarm_number_counter.seq + 1
    returning seq`.execute(trx);
  return rows[0]!.seq;
}

export async function operatorIdsOf(trx: DbOrTrx, monitorId: number): Promise<number[]> {
  const row = await trx
    .selectFrom('monitor')
    .select('operator_id')
    .where('id', '=', monitorId)
    .executeTakeFirst();
  return row?.operator_id != null ? [row.operator_id] : [];
}

export interface DispatchInput {
  alarmId: number;
  monitorId: number;
  enterpriseId: number;
  districtCode: string;
  /** One line for the inbox, e.g. 「某公司 DA001 二氧化硫 超标 2.1 倍」. */
  title: string;
}

export interface Dispatched {
  sheetId: number;
  number: string;
  notify: NotifyResult;
}

/**
 * A3: the electronic alarm sheet for an alarm, addressed to the enterprise's district with a
 * 24-hour deadline; the dispatch is the sheet's first step (the system's), and the district, the
 * enterprise and the operator hear of it. In the caller's transaction.
 */
export async function dispatchSheet(trx: DbOrTrx, input: DispatchInput, now: Date): Promise<Dispatched> {
  const number = sheetNumber(input.districtCode, now, await nextSeq(trx, 'sheet', input.districtCode, now));
  const { id } = await trx
    .insertInto('alarm_sheet')
    .values({
      number,
      alarm_id: input.alarmId,
      enterprise_id: input.enterpriseId,
      district_code: input.districtCode,
      conclusion: null,
      dispatched_at: now,
      deadline_at: responseDeadline(now),
      supervision_number: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sheetId = Number(id);
  await insertStep(trx, sheetId, 'dispatch', null, now, { number, title: input.title });
  const parties: SheetParties = {
    sheetId,
    alarmId: input.alarmId,
    districtCode: input.districtCode,
    enterpriseId: input.enterpriseId,
    operatorIds: await operatorIdsOf(trx, input.monitorId),
  };
  const notify = await notifyParties(
    trx,
    parties,
    ['district', 'enterprise', 'operator'],
    'sheet_dispatched',
    `报警单 ${number}：${input.title}`,
    now,
    true,
  );
  return { sheetId, number, notify };
}

export interface StepActor {
  id: number;
  displayName: string;
  role: string;
}

export async function insertStep(
  trx: DbOrTrx,
  sheetId: number,
  action: string,
  actor: StepActor | null,
  at: Date,
  detail: Record<string, unknown>,
) {
  await trx
    .insertInto('alarm_sheet_step')
    .values({
      sheet_id: sheetId,
      action,
      actor_id: actor?.id ?? null,
      actor_name: actor?.displayName ?? '系统',
      actor_role: actor?.role ?? null,
      at,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/** The supervision notice (督办单) number an overdue sheet gets when it escalates to the city. */
export async function nextSupervisionNumber(trx: DbOrTrx, districtCode: string, at: Date): Promise<string> {
  return supervisionNumber(districtCode, at, await nextSeq(trx, 'supervision', districtCode, at));
}
