// The staff's station list: every station in their scope (or one union's subtree in it), searched by name,
// address or district, best name match first, else the most recently changed first, page by page.
import type { App } from '../../platform/app'
import { likeEscape } from '../../db/sql'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import type { Service, StationKind, StationListItem } from '../../../types/station'
import { AppError } from '../../platform/errors'
import { scopeRoot, subtreeLike } from '../../platform/scope'
import { searchTerms } from '../union/rules'

interface ListRow {
  id: string
  name: string
  kind: StationKind
  address: string
  district: string
  status: 'active' | 'closed'
  closed_reason: string | null
  union_id: string
  union_name: string
  services: Service[]
  is_24h: boolean
  phone: string | null
  rating_sum: number
  rating_count: number
  visit_count: number
  updated_at: Date
  total: number
}

const toItem = (r: ListRow): StationListItem => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  address: r.address,
  district: r.district,
  status: r.status,
  closedReason: r.closed_reason,
  unionId: r.union_id,
  unionName: r.union_name,
  services: r.services,
  is24h: r.is_24h,
  phone: r.phone,
  ratingAvg: r.rating_count ? Math.round((r.rating_sum / r.rating_count) * 10) / 10 : null,
  ratingCount: r.rating_count,
  visitCount: r.visit_count,
  updatedAt: r.updated_at.toISOString(),
})

export async function list(app: App, caller: Caller, input: ActionData<'station', 'list'>) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请重新搜索', { cursor: '无效' })
  const root = await scopeRoot(app.db, caller, input.unionId)
  const limit = input.limit ?? 20
  const params: unknown[] = []
  const p = (v: unknown) => {
    params.push(v)
    return `$${params.length}`
  }
  const where = [`u.path like ${p(subtreeLike(root.path))}`]
  const status = input.status ?? 'active'
  if (status !== 'all') where.push(`s.status = ${p(status)}`)
  for (const term of searchTerms(input.q)) {
    const like = p(`%${likeEscape(term)}%`)
    where.push(`(s.name ilike ${like} or s.address ilike ${like} or s.district ilike ${like})`)
  }
  const whereParams = [...params]
  const q = input.q?.trim()
  const order = q
    ? `case when s.name = ${p(q)} then 0 when s.name ilike ${p(`${likeEscape(q)}%`)} then 1 when s.name ilike ${p(`%${likeEscape(q)}%`)} then 2 else 3 end, s.name collate "C", s.id`
    : `s.updated_at desc, s.name collate "C", s.id`
  const rows = await app.db.query<ListRow>(
    `select s.id, s.name, s.kind, s.address, s.district, s.status, s.closed_reason, s.union_id, u.name as union_name, s.services, s.is_24h, s.phone,
       s.rating_sum, s.rating_count, s.visit_count, s.updated_at, count(*) over ()::int as total
     from stations s join unions u on u.id = s.union_id
     where ${where.join(' and ')}
     order by ${order} limit ${p(limit + 1)} offset ${p(offset)}`,
    params,
  )
  const page = pageOf(rows, limit, offset)
  // Past the last page no row carries the count: ask for it alone.
  const total = rows[0]?.total ?? (offset ? await countOnly(app, where.join(' and '), whereParams) : 0)
  return { items: page.rows.map(toItem), nextCursor: page.nextCursor, total }
}

async function countOnly(app: App, where: string, params: unknown[]): Promise<number> {
  const [r] = await app.db.query<{ n: number }>(`select count(*)::int as n from stations s join unions u on u.id = s.union_id where ${where}`, params)
  return r?.n ?? 0
}
