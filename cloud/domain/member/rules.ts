// Pure membership rules: issue mode, card numbers, the signed card QR. No I/O here.
import type { MembershipPolicy } from '../../../config/policies'
import { sign, safeEqual } from '../../platform/crypto'

export type IssueMode = 'instant' | 'review'

export function issueModeFor(policy: MembershipPolicy, unionCode: string): IssueMode {
  return policy.overrides[unionCode] ?? policy.issue
}

/** Card numbers carry the issuing union's code and that union's running number: 110105001003-000042. */
export function formatCardNo(unionCode: string, seq: number): string {
  return `${unionCode}-${String(seq).padStart(6, '0')}`
}

const QR_PREFIX = 'WU1'

/** A card QR: the card id and an expiry, signed with the server's key; nobody without it can make one. */
export function signCardQr(key: Buffer, cardId: string, now: Date, ttlSeconds: number): { qr: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const body = `${QR_PREFIX}.${cardId}.${exp}`
  return { qr: `${body}.${sign(key, body)}`, expiresAt: new Date(exp * 1000) }
}

const OFFLINE_PREFIX = 'WU2'
/** How far the phone's clock may drift from the server's while it shows offline codes; each code also overlaps the next by this much. */
export const OFFLINE_QR_DRIFT_S = 60

export interface OfflineQr {
  qr: string
  validFrom: Date
  validUntil: Date
}

/**
 * Codes for showing a card offline: consecutive windows of ttlSeconds from now, each signed with its own
 * start and end, so a copied code works only in its window and the batch only for count windows.
 */
export function signOfflineQrs(key: Buffer, cardId: string, now: Date, ttlSeconds: number, count: number): OfflineQr[] {
  const start = Math.floor(now.getTime() / 1000)
  return Array.from({ length: count }, (_, i) => {
    const from = start + i * ttlSeconds
    const until = from + ttlSeconds + OFFLINE_QR_DRIFT_S
    const body = `${OFFLINE_PREFIX}.${cardId}.${from}.${until}`
    return { qr: `${body}.${sign(key, body)}`, validFrom: new Date(from * 1000), validUntil: new Date(until * 1000) }
  })
}

export type QrCheck = { ok: true; cardId: string } | { ok: false; reason: 'invalid' | 'expired' | 'early' }

const SECONDS = /^\d{1,12}$/

/** Either kind of card QR: the online one (WU1, an expiry) or an offline code (WU2, a window). */
export function verifyCardQr(key: Buffer, qr: string, now: Date): QrCheck {
  const parts = qr.split('.')
  const offline = parts[0] === OFFLINE_PREFIX
  if (parts.length !== (offline ? 5 : 4) || (!offline && parts[0] !== QR_PREFIX)) return { ok: false, reason: 'invalid' }
  const times = parts.slice(2, -1)
  if (!times.every((t) => SECONDS.test(t))) return { ok: false, reason: 'invalid' }
  const body = parts.slice(0, -1).join('.')
  if (!safeEqual(sign(key, body), parts[parts.length - 1])) return { ok: false, reason: 'invalid' }
  const t = now.getTime() / 1000
  if (offline && Number(times[0]) - OFFLINE_QR_DRIFT_S > t) return { ok: false, reason: 'early' }
  if (Number(times[times.length - 1]) < t) return { ok: false, reason: 'expired' }
  return { ok: true, cardId: parts[1] }
}
