// Append-only audit trail (the table rejects UPDATE and DELETE). Never put unmasked personal data here.
import type { Queryable } from '../../db'
import type { Caller } from '../../platform/caller'

export interface AuditEntry {
  actor: Caller | null
  action: string
  entity: string
  entityId: string
  unionId?: string | null
  before?: unknown
  after?: unknown
}

export function actorRole(c: Caller | null): string {
  if (!c) return 'system'
  if (c.isAdmin) return 'admin'
  if (c.staffUnion) return 'staff'
  return 'member'
}

export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `insert into audit_log (actor_user_id, actor_role, action, entity, entity_id, union_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.actor?.userId ?? null,
      actorRole(e.actor),
      e.action,
      e.entity,
      e.entityId,
      e.unionId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  )
}
