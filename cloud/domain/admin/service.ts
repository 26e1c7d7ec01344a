// Staff assignments: the platform admin names who works for which union; staff list those in their scope.
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { userForOpenid, type Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { scopeRoot, subtreeLike } from '../../platform/scope'
import { audit } from '../audit/service'
import { getUnion } from '../union/service'

/** Makes the user staff of the union (one union per staff member); returns when. */
export async function setStaffUnion(q: Queryable, userId: string, unionId: string, assignedBy: string | null, at: Date): Promise<Date> {
  const [row] = await q.query<{ created_at: Date }>(
    `insert into staff_assignments (user_id, union_id, assigned_by, created_at) values ($1, $2, $3, $4)
     on conflict (user_id) do update set union_id = excluded.union_id, assigned_by = excluded.assigned_by, created_at = excluded.created_at returning created_at`,
    [userId, unionId, assignedBy, at],
  )
  return row.created_at
}

export async function assignStaff(app: App, caller: Caller, input: ActionData<'admin', 'assignStaff'>) {
  const union = await getUnion(app.db, input.unionId)
  return app.db.tx(async (q) => {
    const userId = await userForOpenid(q, input.openid, app.now())
    const [before] = await q.query<{ union_id: string }>('select union_id from staff_assignments where user_id = $1', [userId])
    const assignedAt = await setStaffUnion(q, userId, union.id, caller.userId, app.now())
    await audit(q, { actor: caller, action: 'admin.assignStaff', entity: 'user', entityId: userId, unionId: union.id, before: before ? { unionId: before.union_id } : null, after: { unionId: union.id } })
    return { openid: input.openid, unionId: union.id, unionName: union.name, assignedAt: assignedAt.toISOString() }
  })
}

export async function removeStaff(app: App, caller: Caller, openid: string) {
  if (openid === caller.openid) throw new AppError('VALIDATION_FAILED', '不能移除自己的权限', { openid: '不能移除自己' })
  return app.db.tx(async (q) => {
    const rows = await q.query<{ user_id: string; union_id: string }>(
      'delete from staff_assignments where user_id = (select id from users where openid = $1) returning user_id, union_id',
      [openid],
    )
    if (rows[0]) await audit(q, { actor: caller, action: 'admin.removeStaff', entity: 'user', entityId: rows[0].user_id, unionId: rows[0].union_id, before: { unionId: rows[0].union_id }, after: null })
    return { openid, removed: rows.length > 0 }
  })
}

export async function listStaff(app: App, caller: Caller, input: ActionData<'admin', 'staff'>) {
  const u = await scopeRoot(app.db, caller, input.unionId)
  const rows = await app.db.query<{ openid: string; union_id: string; union_name: string; created_at: Date }>(
    `select us.openid, u.id as union_id, u.name as union_name, sa.created_at from staff_assignments sa join users us on us.id = sa.user_id join unions u on u.id = sa.union_id
     where u.path like $1 order by u.path, us.openid`,
    [subtreeLike(u.path)],
  )
  return { items: rows.map((r) => ({ openid: r.openid, unionId: r.union_id, unionName: r.union_name, assignedAt: r.created_at.toISOString() })) }
}
