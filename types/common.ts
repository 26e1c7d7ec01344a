import { z } from 'zod'

/** Stable error codes; the gateway maps each to an HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_ACTION: 404,
  CONFLICT: 409,
  DUPLICATE_MEMBER: 409,
  ALREADY_REGISTERED: 409,
  INVALID_STATE: 409,
  UNION_CLOSED: 409,
  QR_INVALID: 400,
  QR_EXPIRED: 400,
  OUT_OF_STOCK: 409,
  NOT_ELIGIBLE: 409,
  QUOTA_FULL: 409,
  BUDGET_EXHAUSTED: 409,
  BAD_SIGNATURE: 401,
  PAYMENT_UNAVAILABLE: 502,
  /** The simulated payment step was asked for where real WeChat Pay is in use. */
  SIMULATION_DISABLED: 403,
  INTERNAL: 500,
  /** The service cannot start: a missing setting or an unreachable database. */
  UNAVAILABLE: 503,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field-level problems for forms: path -> Chinese message. */
  fields?: Record<string, string>
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** Money is always integer fen. */
export const fen = z.number().int().min(0).max(100_000_000_00)
export const id = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, '编号格式不正确')
export const isoTime = z.string()
export const empty = z.object({}).strict()
