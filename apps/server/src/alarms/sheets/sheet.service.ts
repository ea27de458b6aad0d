import {
  type ActionInput,
  availableActions,
  SHEET_ACTIONS,
  SHEET_CONCLUSIONS,
  type SheetActor,
  type SheetFacts,
  type SheetState,
  transition,
  zhLabel,
} from '@dabiao/domain';
import { openProblemFromAlarm } from '../../ledgers/alarm-problem';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import {
  AppError,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../../platform/errors/app-error';
import { actorOf } from '../../registry/enterprise.service';
import { alarmExists, findAlarmInScope } from '../alarm.repository';
import type { InboxEvent } from '../inbox/inbox-bus';
import { type Audience, notifyParties } from '../inbox/notify';
import { insertStep, operatorIdsOf } from './sheet-dispatch';

export const actorFromPrincipal = (p: Principal): SheetActor => ({
  role: p.role,
  regionCode: p.regionCode,
  enterpriseId: p.enterpriseId,
  operatorId: p.operatorId,
});

export async function loadAlarmForRead(db: Db, p: Principal, id: number) {
  const row = await findAlarmInScope(db, p, id);
  if (!row) throw (await alarmExists(db, id)) ? outOfScope() : notFound('报警');
  return row;
}

export async function sheetFactsOf(
  db: Db,
  row: Awaited<ReturnType<typeof loadAlarmForRead>>,
): Promise<SheetFacts | null> {
  if (row.sheet_id === null) return null;
  return {
    state: row.sheet_state as SheetState,
    districtCode: row.district_code,
    enterpriseId: row.enterprise_id,
    operatorIds: await operatorIdsOf(db, row.monitor_id),
    deviceSuspected: !!row.device_suspected,
    dispatchedAt: new Date(row.dispatched_at!),
    deadlineAt: new Date(row.deadline_at!),
    escalatedAt: row.escalated_at ? new Date(row.escalated_at) : null,
  };
}

/** Who hears of each step besides the actor. */
const AUDIENCE: Record<ActionInput['action'], Audience[]> = {
  sign: ['enterprise'],
  explain: ['district', 'operator'],
  verify_device: ['district', 'enterprise'],
  conclude: ['enterprise', 'operator', 'city'],
  close: ['enterprise'],
};

const REFUSAL_ERROR = {
  NOT_ALLOWED_ROLE: (m: string) => forbidden(m),
  OUT_OF_SCOPE: (m: string) => new AppError('OUT_OF_SCOPE', m),
  WRONG_STATE: (m: string) =>
    new AppError('CONFLICT', m, [{ path: '/state', message: m, code: 'WRONG_STATE' }]),
  INVALID_INPUT: (m: string) => invalid([{ path: '/', message: m, code: 'INVALID_INPUT' }], m),
} as const;

/**
 * A3: one step of a sheet's workflow by the signed-in user: the domain decides whether it may be
 * taken; the new state, the step record, the audit entry and the notifications commit together.
 * `version` guards against two users acting on the same sheet at once.
 */
export async function actOnSheet(
  db: Db,
  p: Principal,
  alarmId: number,
  input: ActionInput,
  version: number,
  now: Date,
  ip?: string,
): Promise<InboxEvent[]> {
  const row = await loadAlarmForRead(db, p, alarmId);
  const facts = await sheetFactsOf(db, row);
  if (!facts || row.sheet_id === null)
    throw new AppError(
      'CONFLICT',
      row.filing_id ? '报警发生在已批准的报备期内，未派发报警单' : '该报警尚未派发报警单',
    );
  const result = transition(facts, actorFromPrincipal(p), input);
  if (!result.ok) throw REFUSAL_ERROR[result.code](result.message);
  const sheetId = row.sheet_id;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('alarm_sheet')
      .set({
        state: result.next,
        device_suspected: result.deviceSuspected,
        version: row.sheet_version! + 1,
        ...(result.responds ? { responded_at: now } : {}),
        ...(input.action === 'conclude' ? { conclusion: input.conclusion } : {}),
        ...(input.action === 'close' ? { closed_at: now } : {}),
      })
      .where('id', '=', sheetId)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    const { action, ...detail } = input;
    await insertStep(
      trx,
      sheetId,
      action,
      { id: p.id, displayName: p.displayName, role: p.role },
      now,
      detail,
    );
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: `sheet.${action}`,
        entity: 'alarm_sheet',
        entityId: sheetId,
        enterpriseId: row.enterprise_id,
        before: { state: facts.state, version },
        after: { state: result.next, ...detail },
      },
      now,
    );
    if (input.action === 'conclude' && input.conclusion === 'confirmed_exceedance') {
      // L2: a confirmed exceedance is a problem of the rectification ledger (idempotent per sheet).
      await openProblemFromAlarm(
        trx,
        {
          sheetId,
          sheetNumber: row.sheet_number,
          enterpriseId: row.enterprise_id,
          districtCode: row.district_code,
          verdict: input.note ? `${row.verdict}（核实意见：${input.note}）` : row.verdict,
        },
        actorOf(p, ip),
        now,
      );
    }
    const what =
      input.action === 'conclude'
        ? `${zhLabel(SHEET_ACTIONS, action)}：${SHEET_CONCLUSIONS.find((c) => c.key === input.conclusion)?.zh}`
        : zhLabel(SHEET_ACTIONS, action);
    const r = await notifyParties(
      trx,
      {
        sheetId,
        alarmId: row.id,
        districtCode: row.district_code,
        enterpriseId: row.enterprise_id,
        operatorIds: facts.operatorIds,
      },
      AUDIENCE[action].filter((a) => a !== 'operator' || result.deviceSuspected),
      `sheet_${action}`,
      `报警单 ${row.sheet_number}：${p.displayName} ${what}`,
      now,
    );
    return r.events.filter((e) => e.userId !== p.id);
  });
}

/** The actions the user may take on the alarm's sheet now (for the detail's buttons). */
export function actionsFor(p: Principal, facts: SheetFacts | null) {
  return facts ? availableActions(facts, actorFromPrincipal(p)) : [];
}
