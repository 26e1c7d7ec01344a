// Sessions and caller identity. Roles and union scope always come from the database.
import crypto from 'node:crypto'
import type { Role } from '../../../types/auth'
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { AppError } from '../../platform/errors'
import { sign } from '../../platform/crypto'
import { OPENID_PATTERN } from '../../platform/identity'

export const SESSION_DAYS = 7

export interface Caller {
  userId: string
  openid: string
  isAdmin: boolean
  /** The staff member's union and its path; null for non-staff. */
  staffUnion: { id: string; path: string } | null
  isMember: boolean
  /** The union of the caller's active card, when they hold one. */
  memberUnionId: string | null
  roles: Role[]
}

interface CallerRow {
  id: string
  openid: string
  is_admin: boolean
  staff_union_id: string | null
  staff_path: string | null
  member_union_id: string | null
}

const CALLER_SQL = `
  select u.id, u.openid, u.is_admin, sa.union_id as staff_union_id, su.path as staff_path,
    (select c.union_id from members m join cards c on c.member_id = m.id and c.status = 'active' where m.user_id = u.id) as member_union_id
  from users u
  left join staff_assignments sa on sa.user_id = u.id
  left join unions su on su.id = sa.union_id`

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
    roles,
  }
}

const tokenHash = (app: App, token: string) => sign(app.config.secrets.TOKEN_SECRET, token)

export async function callerByToken(app: App, token: string): Promise<Caller | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const rows = await app.db.query<CallerRow>(
    `${CALLER_SQL} join sessions s on s.user_id = u.id where s.token_hash = $1 and s.expires_at > $2`,
    [tokenHash(app, token), app.now()],
  )
  return rows[0] ? toCaller(rows[0]) : null
}

export async function callerById(q: Queryable, userId: string): Promise<Caller> {
  const rows = await q.query<CallerRow>(`${CALLER_SQL} where u.id = $1`, [userId])
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

export async function callerByOpenid(app: App, openid: string): Promise<Caller> {
  const userId = await userForOpenid(app.db, openid, app.now())
  return callerById(app.db, userId)
}


/** Resolves a login code to an openid: WeChat code2session when configured, `dev:<openid>` outside production. */
async function openidForCode(app: App, code: string): Promise<string> {
  if (code.startsWith('dev:')) {
    if (app.config.production) throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新进入小程序')
    const openid = code.slice(4)
    if (!OPENID_PATTERN.test(openid)) throw new AppError('VALIDATION_FAILED', '开发登录标识只能包含字母、数字、下划线和短横线（最多64位）', { code: '格式不正确' })
    return openid
  }
  const wx = await app.wx.code2session(code)
  if (!wx) throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新进入小程序')
  return wx.openid
}

export async function login(app: App, code: string) {
  const openid = await openidForCode(app, code)
  const token = crypto.randomBytes(32).toString('base64url')
  const now = app.now()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000)
  const caller = await app.db.tx(async (q) => {
    const userId = await userForOpenid(q, openid, now)
    await q.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [tokenHash(app, token), userId, expiresAt])
    // Expired sessions are removed as new ones are made, so the table stays small without a job.
    await q.query('delete from sessions where user_id = $1 and expires_at <= $2', [userId, now])
    return callerById(q, userId)
  })
  return { token, openid, roles: caller.roles, staffUnionId: caller.staffUnion?.id ?? null, expiresAt: expiresAt.toISOString() }
}
