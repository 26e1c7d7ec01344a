// Personal data at rest: AES-256-GCM for the value, HMAC-SHA256 for lookups and uniqueness.
import crypto from 'node:crypto'

export interface Sealer {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  /** Keyed hash: equal inputs give equal hashes; nobody without the key can test a guess. */
  hash(kind: string, plain: string): string
}

export function createSealer(dataKey: Buffer, hashKey: Buffer): Sealer {
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12)
      const c = crypto.createCipheriv('aes-256-gcm', dataKey, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return ['v1', iv.toString('base64url'), body.toString('base64url'), c.getAuthTag().toString('base64url')].join('.')
    },
    decrypt(sealed) {
      const [v, iv, body, tag] = sealed.split('.')
      if (v !== 'v1') throw new Error('unknown sealed format')
      const d = crypto.createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'))
      d.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')
    },
    hash(kind, plain) {
      return crypto.createHmac('sha256', hashKey).update(`${kind}:${plain}`).digest('base64url')
    },
  }
}

/** HMAC signature helpers for tokens and QR payloads. */
export function sign(key: Buffer, payload: string): string {
  return crypto.createHmac('sha256', key).update(payload).digest('base64url')
}
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}
