import { z } from 'zod'

/** Stable error codes; the gateway maps each to an HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_ACTION: 404,
  CONFLICT: 409,
  ALREADY_REGISTERED: 409,
  INVALID_STATE: 409,
  UNION_CLOSED: 409,
  QR_INVALID: 400,
  QR_EXPIRED: 400,
  /** An upload over MAX_FILE_BYTES. */
  FILE_TOO_LARGE: 413,
  /** An upload whose content is not an allowed image or PDF (whatever its name or declared type says). */
  FILE_TYPE_NOT_ALLOWED: 415,
  OUT_OF_STOCK: 409,
  NOT_ELIGIBLE: 409,
  QUOTA_FULL: 409,
  BUDGET_EXHAUSTED: 409,
  BAD_SIGNATURE: 401,
  RATE_LIMITED: 429,
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

/** The years business dates and times may fall in: anything else is a typo or a probe. */
export const YEAR_MIN = 2000
export const YEAR_MAX = 2100

/** Whether "YYYY-MM-DD" names a real calendar day between YEAR_MIN and YEAR_MAX ("2026-02-30" does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return y >= YEAR_MIN && y <= YEAR_MAX && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** A business day, "YYYY-MM-DD". */
export const calendarDate = (required = '请填写日期') =>
  z
    .string({ error: required })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine(isCalendarDate, `日期不存在，或不在${YEAR_MIN}—${YEAR_MAX}年之间`)

/** A point in time, ISO 8601 with an offset, between YEAR_MIN and YEAR_MAX. */
export const isoTime = (required = '请填写时间') =>
  z
    .string({ error: required })
    .datetime({ offset: true, error: '时间格式应为 ISO 8601，例如 2026-12-01T09:00:00+08:00' })
    .refine((s) => {
      const y = new Date(s).getUTCFullYear()
      return y >= YEAR_MIN && y <= YEAR_MAX
    }, `时间应在${YEAR_MIN}—${YEAR_MAX}年之间`)

/**
 * The path of the first string (value or key) in `value` that text columns and JSON cannot store: a NUL
 * character or a lone UTF-16 surrogate. Every request passes this check before its schema.
 */
export function unsafeTextPath(value: unknown): string | null {
  const found = unsafeAt(value, 0)
  return found && (found.join('.') || '_')
}

/** The found string's path, innermost key last; no path is built for the (usual) clean request. */
function unsafeAt(value: unknown, depth: number): string[] | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? [] : null
  if (depth > 32 || value === null || typeof value !== 'object') return null
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_TEXT.test(k)) return ['_key']
    const found = unsafeAt(v, depth + 1)
    if (found) return [k, ...found]
  }
  return null
}
// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/
export const empty = z.object({}).strict()
