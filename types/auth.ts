import { z } from 'zod'

export const ROLES = ['member', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const loginInput = z
  .object({ code: z.string().trim().min(1, '缺少登录凭证').max(128, '登录凭证过长') })
  .strict()
export const loginOutput = z.object({
  token: z.string(),
  openid: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Union the staff member is scoped to, when staff. */
  staffUnionId: z.string().nullable(),
  expiresAt: z.string(),
})
export type LoginOutput = z.infer<typeof loginOutput>

export const meOutput = loginOutput.omit({ token: true, expiresAt: true })
export type Me = z.infer<typeof meOutput>

export { LOGIN_QR_PREFIX, LOGIN_QR_SECONDS } from './auth-fields'

const secret = (what: string) => z.string({ error: `缺少${what}` }).regex(/^[A-Za-z0-9_-]{32,64}$/, `${what}格式不正确`)
export const loginQrOutput = z.object({
  challenge: z.string(),
  /** Stays in the desktop page: only its holder collects the session. */
  pollKey: z.string(),
  /** What the QR encodes: LOGIN_QR_PREFIX + challenge. */
  qr: z.string(),
  expiresAt: z.string(),
})
export const challengeInput = z.object({ challenge: secret('二维码') }).strict()
export const scanQrOutput = z.object({
  /** Which desktop asked: browser and system, a masked address and when. */
  desktop: z.object({ browser: z.string(), address: z.string(), requestedAt: z.string() }),
  expiresAt: z.string(),
})
export const confirmQrOutput = z.object({ confirmed: z.literal(true) })
export const pollQrInput = z.object({ challenge: secret('二维码'), pollKey: secret('轮询凭证') }).strict()
export const pollQrOutput = z.object({
  status: z.enum(['waiting', 'scanned', 'confirmed', 'expired']),
  /** Only on the first poll after the phone confirmed, and only then. */
  token: z.string().optional(),
  expiresAt: z.string().optional(),
})
export const logoutOutput = z.object({ ended: z.boolean() })
