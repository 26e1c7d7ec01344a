// The union tree: lookups and the list members pick their union from, most relevant first. Scope checks are in platform/scope.ts.
import type { App } from '../../platform/app'
import { isUuid, likeEscape } from '../../db/sql'
import type { Queryable } from '../../db'
import type { UnionLevel, UnionSummary } from '../../../types/union'
import type { Occupation } from '../../../types/member'
import type { ActionData } from '../../../types/contract'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { LEVEL_RANK, OCCUPATION_WORDS, searchTerms } from './rules'

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

/** What the caller's own member record says about them (occupation, their card union's district), if they have one. */
async function memberContext(q: Queryable, userId: string): Promise<{ occupation: Occupation | null; district: string | null }> {
  const [r] = await q.query<{ occupation: Occupation; district: string | null }>(
    `select m.occupation, cu.district from members m
       left join lateral (select c.union_id from cards c where c.member_id = m.id order by c.created_at desc limit 1) lc on true
       left join unions cu on cu.id = lc.union_id
     where m.user_id = $1`,
    [userId],
  )
  return { occupation: r?.occupation ?? null, district: r?.district ?? null }
}

const LEVEL_RANK_SQL = `case u.level ${Object.entries(LEVEL_RANK).map(([level, rank]) => `when '${level}' then ${rank}`).join(' ')} end`

/**
 * The unions a member picks from, most relevant first: the best name match for a search, then unions that fit
 * the member's occupation and district (given, or from their own member record), then grassroots unions that
 * accept members. A plain list (no search, filter or hint: the staff's scope pickers) stays in tree order.
 */
export async function listUnions(app: App, caller: Caller, input: ActionData<'union', 'list'>) {
  const terms = searchTerms(input.q)
  const plain = !terms.length && input.acceptsMembers === undefined && !input.occupation && !input.district
  const known = plain || (input.occupation && input.district) ? null : await memberContext(app.db, caller.userId)
  const occupation = input.occupation ?? known?.occupation ?? null
  const district = input.district ?? known?.district ?? null
  const params: unknown[] = []
  const p = (v: unknown) => {
    params.push(v)
    return `$${params.length}`
  }
  const where = [`u.status = 'active'`]
  for (const term of terms) {
    const like = p(`%${likeEscape(term)}%`)
    where.push(`(u.name ilike ${like} or coalesce(p.name ilike ${like}, false))`)
  }
  if (input.acceptsMembers !== undefined) where.push(`u.accepts_members = ${p(input.acceptsMembers)}`)
  const words = occupation ? OCCUPATION_WORDS[occupation] : []
  const fitsOccupation = words.length ? `exists (select 1 from unnest(${p(words)}::text[]) w where strpos(u.name, w) > 0)` : 'false'
  const inDistrict = district ? `coalesce(u.district = ${p(district)}, false)` : 'false'
  const full = input.q?.trim()
  const nameRank = full
    ? `case when u.name = ${p(full)} then 0 when u.name ilike ${p(`${likeEscape(full)}%`)} then 1 when u.name ilike ${p(`%${likeEscape(full)}%`)} then 2 else 3 end`
    : '0'
  const order = plain
    ? 'length(u.path), u.code'
    : `name_rank, fits_occupation desc, in_district desc, u.accepts_members desc, ${LEVEL_RANK_SQL}, u.code`
  const rows = await app.db.query<UnionRow & { name_rank: number; fits_occupation: boolean; in_district: boolean; total: number }>(
    `select * from (select u.id, u.code, u.name, u.level, u.parent_id, p.name as parent_name, u.path, u.accepts_members, u.status,
         ${nameRank} as name_rank, ${fitsOccupation} as fits_occupation, ${inDistrict} as in_district, count(*) over ()::int as total
       from unions u left join unions p on p.id = u.parent_id where ${where.join(' and ')}) u
     order by ${order} limit ${p(input.limit ?? 50)}`,
    params,
  )
  const items = rows.map((r) => {
    const reason = r.fits_occupation ? 'occupation' : r.in_district ? 'district' : undefined
    return reason ? { ...toSummary(r), reason: reason as 'occupation' | 'district' } : toSummary(r)
  })
  return { items, total: rows[0]?.total ?? 0 }
}
