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

export type QrCheck = { ok: true; cardId: string } | { ok: false; reason: 'invalid' | 'expired' }

export function verifyCardQr(key: Buffer, qr: string, now: Date): QrCheck {
  const parts = qr.split('.')
  if (parts.length !== 4 || parts[0] !== QR_PREFIX || !/^\d{1,12}$/.test(parts[2])) return { ok: false, reason: 'invalid' }
  const body = parts.slice(0, 3).join('.')
  if (!safeEqual(sign(key, body), parts[3])) return { ok: false, reason: 'invalid' }
  if (Number(parts[2]) * 1000 < now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, cardId: parts[1] }
}
