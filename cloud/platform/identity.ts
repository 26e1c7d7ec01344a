// A cloud call's caller, as the platform states it: the OPENID that wx-server-sdk's getWXContext reads
// (WX_OPENID in the environment), or the runtime context's OPENID. Never the event body, which the caller writes.

/** A WeChat openid is 28 characters of [A-Za-z0-9_-]; dev logins and tests use shorter ones. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** The raw OPENID the platform passed, or null when there is none. */
export function platformOpenid(context: unknown): string | null {
  const fromEnv = process.env.WX_OPENID
  if (fromEnv) return fromEnv
  const ctx = context as { OPENID?: unknown } | null | undefined
  if (ctx && typeof ctx === 'object' && ctx.OPENID !== undefined && ctx.OPENID !== null && ctx.OPENID !== '') return String(ctx.OPENID)
  return null
}

export const isSaneOpenid = (openid: string) => OPENID_PATTERN.test(openid)
