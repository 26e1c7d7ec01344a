import type { App } from '../../platform/app'
import { isUuid, likeEscape } from '../../db/sql'
import type { Queryable } from '../../db'
import type { Caller } from '../auth/service'
import type { UnionLevel, UnionSummary } from '../../../types/union'
import { AppError } from '../../platform/errors'

export interface UnionRow {
  id: string
  code: string
  name: string
  level: UnionLevel
  parent_id: string | null
  parent_name: string | null
  path: string
  accepts_members: boolean
  status: 'active' | 'closed'
}

const SELECT = `select u.id, u.code, u.name, u.level, u.parent_id, p.name as parent_name, u.path, u.accepts_members, u.status
  from unions u left join unions p on p.id = u.parent_id`

export const toSummary = (u: UnionRow): UnionSummary => ({
  id: u.id,
  name: u.name,
  code: u.code,
  level: u.level,
  parentId: u.parent_id,
  parentName: u.parent_name,
  acceptsMembers: u.accepts_members && u.status === 'active',
})


export async function findUnion(q: Queryable, id: string): Promise<UnionRow | null> {
  if (!isUuid(id)) return null
  const rows = await q.query<UnionRow>(`${SELECT} where u.id = $1`, [id])
  return rows[0] ?? null
}

export async function getUnion(q: Queryable, id: string): Promise<UnionRow> {
  const u = await findUnion(q, id)
  if (!u) throw new AppError('NOT_FOUND', '所选工会不存在，请重新选择')
  return u
}


export async function listUnions(app: App, input: { q?: string; acceptsMembers?: boolean; limit?: number }) {
  const where = [`u.status = 'active'`]
  const params: unknown[] = []
  if (input.q) {
    params.push(`%${likeEscape(input.q)}%`)
    where.push(`u.name ilike $${params.length}`)
  }
  if (input.acceptsMembers !== undefined) {
    params.push(input.acceptsMembers)
    where.push(`u.accepts_members = $${params.length}`)
  }
  params.push(input.limit ?? 50)
  const rows = await app.db.query<UnionRow>(
    `${SELECT} where ${where.join(' and ')} order by length(u.path), u.name limit $${params.length}`,
    params,
  )
  return { items: rows.map(toSummary) }
}

/** Staff act within their own union and its sub-unions; the platform admin everywhere. */
export function inScope(caller: Caller, union: { path: string }): boolean {
  if (caller.isAdmin) return true
  return !!caller.staffUnion && union.path.startsWith(caller.staffUnion.path)
}

export function assertInScope(caller: Caller, union: { path: string }): void {
  if (!inScope(caller, union)) throw new AppError('FORBIDDEN', '该事项不属于您所在工会的管辖范围')
}

/** SQL condition on a unions alias limiting rows to the caller's subtree; pushes its parameter. */
export function scopeCondition(caller: Caller, alias: string, params: unknown[]): string {
  if (caller.isAdmin) return 'true'
  if (!caller.staffUnion) return 'false'
  params.push(`${likeEscape(caller.staffUnion.path)}%`)
  return `${alias}.path like $${params.length}`
}
