// The union tree: lookups and the list members pick their union from. Scope checks are in platform/scope.ts.
import type { App } from '../../platform/app'
import { isUuid, likeEscape } from '../../db/sql'
import type { Queryable } from '../../db'
import type { UnionLevel, UnionSummary } from '../../../types/union'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'

interface UnionRow {
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

const toSummary = (u: UnionRow): UnionSummary => ({
  id: u.id,
  name: u.name,
  code: u.code,
  level: u.level,
  parentId: u.parent_id,
  parentName: u.parent_name,
  acceptsMembers: u.accepts_members && u.status === 'active',
})

async function findUnion(q: Queryable, id: string): Promise<UnionRow | null> {
  if (!isUuid(id)) return null
  const rows = await q.query<UnionRow>(`${SELECT} where u.id = $1`, [id])
  return rows[0] ?? null
}

export async function getUnion(q: Queryable, id: string): Promise<UnionRow> {
  const u = await findUnion(q, id)
  if (!u) throw new AppError('NOT_FOUND', '所选工会不存在，请重新选择')
  return u
}

export async function listUnions(app: App, input: ActionData<'union', 'list'>) {
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
