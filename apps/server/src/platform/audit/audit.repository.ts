import type { DbOrTrx } from '../db/database';

export interface Actor {
  id: number | null;
  name: string;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  enterpriseId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry; call inside the transaction that makes the change so both land or neither. */
export async function recordAudit(db: DbOrTrx, actor: Actor, entry: AuditEntry, at?: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      ...(at ? { at } : {}),
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      enterprise_id: entry.enterpriseId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: actor.ip ?? null,
    })
    .execute();
}

export async function listAudit(
  db: DbOrTrx,
  filter: { entity?: string; entityId?: string; enterpriseId?: number },
  limit = 200,
) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.enterpriseId !== undefined) q = q.where('enterprise_id', '=', filter.enterpriseId);
  return q.execute();
}
