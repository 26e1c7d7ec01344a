// Login and sessions. Resolving a session back to a caller is the platform's job (platform/caller.ts).
import crypto from 'node:crypto'
import type { App } from '../../platform/app'
import { AppError } from '../../platform/errors'
import { OPENID_PATTERN } from '../../platform/identity'
import { callerById, tokenHash, userForOpenid } from '../../platform/caller'

const SESSION_DAYS = 7
/** Live sessions one user may hold; the oldest ends when another starts. */
export const MAX_SESSIONS = 10

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
    const hash = tokenHash(app, token)
    await q.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [hash, userId, expiresAt])
    // Expired sessions are removed as new ones are made, and only the newest MAX_SESSIONS stay live (a
    // phone, a desktop console, a few reinstalls), so the table stays small without a job.
    await q.query(
      `delete from sessions where user_id = $1 and token_hash <> $4 and (expires_at <= $2 or token_hash not in (
         select token_hash from sessions where user_id = $1 and token_hash <> $4 order by expires_at desc limit $3))`,
      [userId, now, MAX_SESSIONS - 1, hash],
    )
    return callerById(q, userId)
  })
  return { token, openid, roles: caller.roles, staffUnionId: caller.staffUnion?.id ?? null, expiresAt: expiresAt.toISOString() }
}
