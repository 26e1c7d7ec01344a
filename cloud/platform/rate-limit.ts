// Rate limits for the actions that confirm a secret or an identity (login codes, ID numbers, card QRs,
// claim codes) or hold stock: per account and per client address, in Redis when REDIS_URL is set (the
// limit holds across every gateway process and function instance), in memory otherwise. rate-limiter-flexible
// counts; a Redis outage falls back to per-process memory rather than refusing everyone.
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

export interface Window {
  points: number
  seconds: number
}
export interface LimitRule {
  perAccount?: Window
  perAddress?: Window
}

/** The limits by name; ACTION_LIMITS says which actions count against which. */
// Per account is the real bound; per address is generous, because carriers put many phones behind one
// address and a recruitment drive registers a whole venue on one Wi-Fi.
export const LIMITS = {
  /** Login codes: 500 bad codes a minute were possible. */
  login: { perAddress: { points: 60, seconds: 60 } },
  /** Registrations carry an ID number: a person registers once, a family a few times. */
  register: { perAccount: { points: 5, seconds: 3600 }, perAddress: { points: 300, seconds: 3600 } },
  /** A keeper scans a queue of members: one a second is plenty; a stream of forged QRs is not. */
  verifyCard: { perAccount: { points: 60, seconds: 60 }, perAddress: { points: 300, seconds: 60 } },
  verifyClaim: { perAccount: { points: 60, seconds: 60 }, perAddress: { points: 300, seconds: 60 } },
  createOrder: { perAccount: { points: 20, seconds: 60 }, perAddress: { points: 600, seconds: 60 } },
  /** Uploads hold storage: a member photographs a few bills, not hundreds. */
  upload: { perAccount: { points: 30, seconds: 600 }, perAddress: { points: 600, seconds: 600 } },
  /** Login challenges: a desktop asks for one every 2 minutes while the page is open. */
  loginQr: { perAddress: { points: 30, seconds: 60 } },
  /** A desktop polls about every 2 seconds; an office behind one address has several. */
  pollQr: { perAddress: { points: 600, seconds: 60 } },
  /** A phone scans and confirms a few desktops, not a stream of guessed challenges. */
  confirmQr: { perAccount: { points: 20, seconds: 60 }, perAddress: { points: 300, seconds: 60 } },
} satisfies Record<string, LimitRule>

export type LimitName = keyof typeof LIMITS

/** Every rate-limited action, function.action -> its limit. */
export const ACTION_LIMITS: Record<string, LimitName> = {
  'auth.login': 'login',
  'member.register': 'register',
  'member.verifyCard': 'verifyCard',
  'campaign.verifyClaim': 'verifyClaim',
  'shop.createOrder': 'createOrder',
  'shop.bulkOrder': 'createOrder',
  'file.register': 'upload',
  'auth.loginQr': 'loginQr',
  'auth.pollQr': 'pollQr',
  'auth.scanQr': 'confirmQr',
  'auth.confirmQr': 'confirmQr',
}

/** Limits that never bite: load tests firing thousands of requests from one address (RATE_LIMITS=off, never in production). */
export const UNLIMITED = Object.fromEntries(
  Object.keys(LIMITS).map((k) => [k, { perAccount: { points: 1e9, seconds: 1 }, perAddress: { points: 1e9, seconds: 1 } }]),
) as Record<LimitName, LimitRule>

export const limitOf = (fn: string, action: string): LimitName | undefined =>
  Object.prototype.hasOwnProperty.call(ACTION_LIMITS, `${fn}.${action}`) ? ACTION_LIMITS[`${fn}.${action}`] : undefined

export interface Limiter {
  /** Counts one attempt; answers how long to wait when a limit is reached, or null. */
  consume(rule: LimitName, keys: { account?: string; address?: string }): Promise<{ retryAfterS: number } | null>
  close(): Promise<void>
}

export interface LimiterOptions {
  redisUrl?: string
  /** Key prefix, so tests and environments sharing a Redis do not count each other. */
  prefix?: string
  limits?: Record<LimitName, LimitRule>
}

export function createLimiter(opts: LimiterOptions = {}): Limiter {
  const limits = opts.limits ?? LIMITS
  const prefix = opts.prefix ?? 'wu-rl'
  // A command waits at most half a second (for the first connection, or a lost one); then the insurance
  // limiter answers, so a Redis outage slows nobody down.
  const redis = opts.redisUrl ? new Redis(opts.redisUrl, { commandTimeout: 500, maxRetriesPerRequest: 1, connectTimeout: 2_000 }) : null
  redis?.on('error', () => undefined)
  const made = new Map<string, RateLimiterAbstract>()
  const limiter = (rule: LimitName, kind: 'account' | 'address', w: Window): RateLimiterAbstract => {
    const keyPrefix = `${prefix}:${rule}:${kind}`
    let l = made.get(keyPrefix)
    if (!l) {
      const memory = new RateLimiterMemory({ keyPrefix, points: w.points, duration: w.seconds })
      l = redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points: w.points, duration: w.seconds, insuranceLimiter: memory }) : memory
      made.set(keyPrefix, l)
    }
    return l
  }
  return {
    async consume(rule, keys) {
      const r: LimitRule = limits[rule]
      const checks: [RateLimiterAbstract, string][] = []
      if (r.perAccount && keys.account) checks.push([limiter(rule, 'account', r.perAccount), keys.account])
      if (r.perAddress && keys.address) checks.push([limiter(rule, 'address', r.perAddress), keys.address])
      let wait = 0
      for (const [l, key] of checks) {
        try {
          await l.consume(key)
        } catch (e) {
          if (!(e instanceof RateLimiterRes)) throw e
          wait = Math.max(wait, Math.ceil(e.msBeforeNext / 1000))
        }
      }
      return wait > 0 ? { retryAfterS: wait } : null
    },
    async close() {
      redis?.disconnect()
    },
  }
}
