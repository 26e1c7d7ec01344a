// Signed file paths the gateway serves: /files/<id>?e=<unix expiry>&s=<HMAC>. The key is derived from
// TOKEN_SECRET for this one use, so a new TOKEN_SECRET ends every link along with every session.
import crypto from 'node:crypto'
import { safeEqual, sign } from '../crypto'

const keyOf = (tokenSecret: Buffer) => Buffer.from(crypto.hkdfSync('sha256', tokenSecret, Buffer.alloc(0), 'wu-file-url', 32))

export function signedFilePath(tokenSecret: Buffer, fileId: string, expiresAt: Date): string {
  const e = Math.floor(expiresAt.getTime() / 1000)
  return `/files/${fileId}?e=${e}&s=${sign(keyOf(tokenSecret), `${fileId}.${e}`)}`
}

/** Whether e and s sign this file id and the link has not expired at `now`. */
export function validFileSignature(tokenSecret: Buffer, fileId: string, e: unknown, s: unknown, now: Date): boolean {
  if (typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,12}$/.test(e) || !/^[A-Za-z0-9_-]{43}$/.test(s)) return false
  if (Number(e) * 1000 <= now.getTime()) return false
  return safeEqual(sign(keyOf(tokenSecret), `${fileId}.${e}`), s)
}
