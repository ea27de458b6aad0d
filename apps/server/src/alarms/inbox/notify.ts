import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database';
import type { InboxEvent } from './inbox-bus';
import type { OutboundMessage } from './outbound';

/** Who hears of a sheet: the district it is addressed to, the enterprise, its operator, the city. */
export type Audience = 'district' | 'enterprise' | 'operator' | 'city';

export interface SheetParties {
  sheetId: number;
  alarmId: number;
  districtCode: string;
  enterpriseId: number;
  operatorIds: readonly number[];
}

/** Active users of the given audiences for a sheet. */
export async function recipientsOf(db: DbOrTrx, parties: SheetParties, audiences: readonly Audience[]) {
  if (!audiences.length) return [];
  const cityPrefix = parties.districtCode.slice(0, 4);
  return db
    .selectFrom('app_user')
    .select(['id', 'phone', 'role'])
    .where('active', '=', true)
    .where((eb) => {
      const ors = [];
      if (audiences.includes('district'))
        ors.push(eb.and([eb('role', '=', 'district'), eb('region_code', '=', parties.districtCode)]));
      if (audiences.includes('city'))
        ors.push(
          eb.and([
            eb('role', '=', 'city'),
            eb.or([eb('region_code', '=', `${cityPrefix}00`), eb('region_code', '=', cityPrefix)]),
          ]),
        );
      if (audiences.includes('enterprise'))
        ors.push(eb.and([eb('role', '=', 'enterprise'), eb('enterprise_id', '=', parties.enterpriseId)]));
      if (audiences.includes('operator') && parties.operatorIds.length)
        ors.push(eb.and([eb('role', '=', 'operator'), eb('operator_id', 'in', [...parties.operatorIds])]));
      return ors.length ? eb.or(ors) : sql<boolean>`false`;
    })
    .orderBy('id')
    .execute();
}

export interface NotifyResult {
  events: InboxEvent[];
  outbound: OutboundMessage[];
}

/**
 * Writes one inbox notification per recipient in the caller's transaction and returns what to
 * push and send once it commits (nothing is pushed for a transaction that rolls back).
 */
export async function notifyParties(
  trx: DbOrTrx,
  parties: SheetParties,
  audiences: readonly Audience[],
  kind: string,
  title: string,
  now: Date,
  sms = false,
): Promise<NotifyResult> {
  const users = await recipientsOf(trx, parties, audiences);
  if (!users.length) return { events: [], outbound: [] };
  const rows = await trx
    .insertInto('notification')
    .values(users.map((u) => ({ user_id: u.id, sheet_id: parties.sheetId, kind, title, created_at: now })))
    .returning(['id', 'user_id'])
    .execute();
  const events = rows.map((r) => ({
    id: Number(r.id),
    userId: r.user_id,
    sheetId: parties.sheetId,
    alarmId: parties.alarmId,
    kind,
    title,
    createdAt: now.toISOString(),
  }));
  const outbound: OutboundMessage[] = sms
    ? users
        .filter((u) => u.phone)
        .map((u) => ({ channel: 'sms' as const, to: u.phone!, subject: title, body: title }))
    : [];
  return { events, outbound };
}
