// Scan-to-login for the desktop console. The desktop asks for a challenge (loginQr) and shows it as a QR,
// keeping the poll key to itself; a phone signed in through WeChat scans it (scanQr: which desktop is
// asking), then confirms (confirmQr); the desktop's next poll collects a session for that user, once.
// Challenges live LOGIN_QR_SECONDS, are single-use, and only the phone that scanned one can confirm it.
import crypto from 'node:crypto'
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { sign } from '../../platform/crypto'
import { LOGIN_QR_PREFIX, LOGIN_QR_SECONDS } from '../../../types/auth'
import { browserOf, maskAddress } from './desktop'
import { startSession } from './session'

/** A confirmed challenge can still be collected this long after it expired (a poll on the way). */
const COLLECT_GRACE_MS = 30_000

type Status = 'waiting' | 'scanned' | 'confirmed' | 'consumed'
interface Row {
  poll_key_hash: string
  status: Status
  desktop_browser: string
  desktop_address: string
  user_id: string | null
  expires_at: Date
  created_at: Date
}

const hashOf = (app: App, kind: string, value: string) => sign(app.config.secrets.TOKEN_SECRET, `login-qr:${kind}:${value}`)
const invalid = (message = '二维码无效，请在电脑上刷新二维码后重新扫描') => new AppError('QR_INVALID', message)
const expired = () => new AppError('QR_EXPIRED', '二维码已过期，请在电脑上刷新二维码后重新扫描')

export async function loginQr(app: App, via: { address?: string; userAgent?: string }) {
  const challenge = crypto.randomBytes(32).toString('base64url')
  const pollKey = crypto.randomBytes(32).toString('base64url')
  const now = app.now()
  const expiresAt = new Date(now.getTime() + LOGIN_QR_SECONDS * 1000)
  await app.db.query(
    `insert into login_challenges (challenge_hash, poll_key_hash, status, desktop_browser, desktop_address, expires_at, created_at) values ($1, $2, 'waiting', $3, $4, $5, $6)`,
    [hashOf(app, 'c', challenge), hashOf(app, 'p', pollKey), browserOf(via.userAgent), maskAddress(via.address), expiresAt, now],
  )
  // Old challenges go as new ones come, so the table stays small without a job.
  await app.db.query('delete from login_challenges where expires_at < $1', [new Date(now.getTime() - 3600_000)])
  return { challenge, pollKey, qr: `${LOGIN_QR_PREFIX}${challenge}`, expiresAt: expiresAt.toISOString() }
}

/** The challenge as the phone may act on it: live, not yet confirmed, and not scanned by someone else. */
async function forPhone(app: App, caller: Caller, challenge: string): Promise<Row> {
  const [r] = await app.db.query<Row>('select * from login_challenges where challenge_hash = $1', [hashOf(app, 'c', challenge)])
  if (!r) throw invalid()
  if (r.status === 'confirmed' || r.status === 'consumed') throw invalid('这个二维码已经用过了，请在电脑上刷新二维码')
  if (r.expires_at <= app.now()) throw expired()
  if (r.user_id && r.user_id !== caller.userId) throw invalid('这个二维码已被另一部手机扫描，请在电脑上刷新二维码')
  return r
}

export async function scanQr(app: App, caller: Caller, challenge: string) {
  const r = await forPhone(app, caller, challenge)
  await app.db.query(`update login_challenges set status = 'scanned', user_id = $2 where challenge_hash = $1 and status = 'waiting'`, [hashOf(app, 'c', challenge), caller.userId])
  return { desktop: { browser: r.desktop_browser, address: r.desktop_address, requestedAt: r.created_at.toISOString() }, expiresAt: r.expires_at.toISOString() }
}

export async function confirmQr(app: App, caller: Caller, challenge: string) {
  await forPhone(app, caller, challenge)
  const done = await app.db.query(
    `update login_challenges set status = 'confirmed', user_id = $2, confirmed_at = $3
     where challenge_hash = $1 and status in ('waiting', 'scanned') and (user_id is null or user_id = $2) and expires_at > $3 returning 1`,
    [hashOf(app, 'c', challenge), caller.userId, app.now()],
  )
  // Someone else got there between the check and the update.
  if (!done.length) throw invalid('这个二维码已经用过了，请在电脑上刷新二维码')
  app.log.info({ userId: caller.userId }, 'desktop login confirmed')
  return { confirmed: true as const }
}

export async function pollQr(app: App, challenge: string, pollKey: string) {
  const key = hashOf(app, 'c', challenge)
  const [r] = await app.db.query<Row>('select * from login_challenges where challenge_hash = $1', [key])
  // An unknown challenge and someone else's look alike: the poll key is the desktop's proof.
  if (!r || r.poll_key_hash !== hashOf(app, 'p', pollKey)) throw invalid('二维码无效，请刷新页面')
  if (r.status === 'consumed') throw invalid('这个二维码已经登录过了，请刷新页面')
  const now = app.now()
  if (r.status !== 'confirmed') return r.expires_at <= now ? { status: 'expired' as const } : { status: r.status }
  if (r.expires_at.getTime() + COLLECT_GRACE_MS <= now.getTime()) return { status: 'expired' as const }
  return app.db.tx(async (q) => {
    const [taken] = await q.query<{ user_id: string }>(`update login_challenges set status = 'consumed' where challenge_hash = $1 and status = 'confirmed' returning user_id`, [key])
    // Two polls at once: only one collects the session.
    if (!taken) throw invalid('这个二维码已经登录过了，请刷新页面')
    const s = await startSession(app, q, taken.user_id)
    return { status: 'confirmed' as const, token: s.token, expiresAt: s.expiresAt.toISOString() }
  })
}
