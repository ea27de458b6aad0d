import type { Selectable } from 'kysely';
import { Type } from 'typebox';
import type { AuditLogTable } from '../db/schema';

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  /** Fields whose value differs between before and after. */
  changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
});

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

export function presentAudit(row: Selectable<AuditLogTable>) {
  const before = (row.before ?? null) as Record<string, unknown> | null;
  const after = (row.after ?? null) as Record<string, unknown> | null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes = [...keys]
    .filter((k) => !IGNORED.has(k) && JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before,
    after,
    changes,
  };
}
