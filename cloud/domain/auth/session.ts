// Sessions: a random token handed out once, stored only as its keyed hash; at most MAX_SESSIONS live per user.
import crypto from 'node:crypto'
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { tokenHash } from '../../platform/caller'

const SESSION_DAYS = 7
/** Live sessions one user may hold; the oldest ends when another starts. */
export const MAX_SESSIONS = 10

export async function startSession(app: App, q: Queryable, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url')
  const now = app.now()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000)
  const hash = tokenHash(app, token)
  await q.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [hash, userId, expiresAt])
  // Expired sessions are removed as new ones are made, and only the newest MAX_SESSIONS stay live (a
  // phone, a desktop console, a few reinstalls), so the table stays small without a job.
  await q.query(
    `delete from sessions where user_id = $1 and token_hash <> $4 and (expires_at <= $2 or token_hash not in (
       select token_hash from sessions where user_id = $1 and token_hash <> $4 order by expires_at desc limit $3))`,
    [userId, now, MAX_SESSIONS - 1, hash],
  )
  return { token, expiresAt }
}

/** Ends the session this token opened; false when there was none (expired, or a WeChat-context caller). */
export async function endSession(app: App, token: string | undefined): Promise<boolean> {
  if (!token) return false
  const rows = await app.db.query('delete from sessions where token_hash = $1 returning user_id', [tokenHash(app, token)])
  return rows.length > 0
}
