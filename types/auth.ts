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
