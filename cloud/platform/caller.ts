// Caller identity: who is calling, with roles and union scope, always read from the database.
// Sessions are issued by domain/auth (login); this module only resolves them.
import type { Role } from '../../types/auth'
import type { Occupation } from '../../types/member'
import type { App } from './app'
import type { Queryable } from '../db'
import { sign } from './crypto'

export interface Caller {
  userId: string
  openid: string
  isAdmin: boolean
  /** The staff member's union and its path; null for non-staff. */
  staffUnion: { id: string; path: string } | null
  isMember: boolean
  /** The union of the caller's active card, when they hold one. */
  memberUnionId: string | null
  /** The caller's member record and active card, read with the session (no second query per call). */
  member: ActiveMember | null
  roles: Role[]
}

/** A user's member record with its active card: what makes a caller a member. */
export interface ActiveMember {
  memberId: string
  cardId: string
  name: string
  occupation: Occupation
  unionId: string
  /** The card union's path and district. */
  path: string
  district: string | null
}

/** "This user's member record with an active card"; caller_v1 (migration 020) reads the same for the caller. */
const ACTIVE_MEMBER_SQL = `select m.id as member_id, c.id as card_id, m.name, m.occupation, c.union_id, cu.path, cu.district
  from members m join cards c on c.member_id = m.id and c.status = 'active' join unions cu on cu.id = c.union_id
  where m.user_id = $1`

/** The user's member record and active card, or null; `lock` holds the card row until the transaction ends. */
export async function activeMember(q: Queryable, userId: string, lock = false): Promise<ActiveMember | null> {
  const [r] = await q.query<ActiveMemberRow>(`${ACTIVE_MEMBER_SQL}${lock ? ' for update of c' : ''}`, [userId])
  return r ? toActiveMember(r) : null
}

interface ActiveMemberRow {
  member_id: string
  card_id: string
  name: string
  occupation: Occupation
  union_id: string
  path: string
  district: string | null
}

const toActiveMember = (r: ActiveMemberRow): ActiveMember => ({
  memberId: r.member_id,
  cardId: r.card_id,
  name: r.name,
  occupation: r.occupation,
  unionId: r.union_id,
  path: r.path,
  district: r.district,
})

/** What caller_v1 and the functions built on it return (migration 020: one planned call per request). */
interface CallerRow {
  id: string
  openid: string
  is_admin: boolean
  staff_union_id: string | null
  staff_path: string | null
  member_union_id: string | null
  member: ActiveMemberRow | null
}

function toCaller(r: CallerRow): Caller {
  const roles: Role[] = []
  if (r.member_union_id) roles.push('member')
  if (r.staff_union_id) roles.push('staff')
  if (r.is_admin) roles.push('admin')
  return {
    userId: r.id,
    openid: r.openid,
    isAdmin: r.is_admin,
    staffUnion: r.staff_union_id && r.staff_path ? { id: r.staff_union_id, path: r.staff_path } : null,
    isMember: !!r.member_union_id,
    memberUnionId: r.member_union_id,
    member: r.member ? toActiveMember(r.member) : null,
    roles,
  }
}

/** Session tokens are stored as keyed hashes: a leaked table holds no usable token. */
export const tokenHash = (app: App, token: string) => sign(app.config.secrets.TOKEN_SECRET, token)

export async function callerByToken(app: App, token: string): Promise<Caller | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const rows = await app.db.query<CallerRow>('select * from caller_by_token_v1($1, $2)', [tokenHash(app, token), app.now()])
  return rows[0] ? toCaller(rows[0]) : null
}

export async function callerById(q: Queryable, userId: string): Promise<Caller> {
  const rows = await q.query<CallerRow>('select * from caller_v1($1)', [userId])
  return toCaller(rows[0])
}

/** Finds or creates the user behind an openid (WeChat context or a login code). */
export async function userForOpenid(q: Queryable, openid: string, at: Date): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into users (openid, last_login_at) values ($1, $2)
     on conflict (openid) do update set last_login_at = excluded.last_login_at returning id`,
    [openid, at],
  )
  return rows[0].id
}

/** The caller behind a WeChat openid, the user created on first sight, in one call. */
export async function callerByOpenid(app: App, openid: string): Promise<Caller> {
  const rows = await app.db.query<CallerRow>('select * from caller_by_openid_v1($1, $2)', [openid, app.now()])
  return toCaller(rows[0])
}
