// Rate limits on the actions that confirm a secret or an identity: past the limit a caller gets 429
// RATE_LIMITED in the envelope with Retry-After, other callers are unaffected, the limit recovers when its
// window passes, it holds across two gateways sharing Redis, and a function counts the WeChat client address.
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp, setApp, type App } from '../../cloud/platform/app'
import { loadConfig } from '../../cloud/platform/config'
import { createLogger } from '../../cloud/platform/logger'
import { ACTION_LIMITS, createLimiter, type LimitName, type LimitRule } from '../../cloud/platform/rate-limit'
import { openPglite, type Db } from '../../cloud/db'
import { buildGateway } from '../../cloud/gateway'
import { functions } from '../../cloud/functions'
import { testSecrets, UNLIMITED } from '../support/app'
import { staffUser, unionTree } from '../support/fixtures'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const LIMITS: Record<LimitName, LimitRule> = {
  ...UNLIMITED,
  login: { perAddress: { points: 3, seconds: 2 } },
  verifyCard: { perAccount: { points: 3, seconds: 60 }, perAddress: { points: 100, seconds: 60 } },
}

async function redisUp(): Promise<boolean> {
  const { Redis } = await import('ioredis')
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 })
  r.on('error', () => undefined)
  try {
    await r.connect()
    return (await r.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    r.disconnect()
  }
}

describe('rate limits', () => {
  let db: Db
  const apps: App[] = []
  const gateways: FastifyInstance[] = []
  const secrets = testSecrets()

  /** A gateway that believes X-Forwarded-For from 127.0.0.1, so a test can speak from several addresses. */
  async function gateway(limiter = createLimiter({ limits: LIMITS })): Promise<string> {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), TRUST_PROXY: '127.0.0.1', ...secrets })
    const app = await createApp({ config, db, log: createLogger('silent'), limiter })
    if (!apps.length) {
      await unionTree({ app })
      await staffUser({ app }, 'street-staff', '110105001')
      await staffUser({ app }, 'guomao-staff', '110105001001')
    }
    apps.push(app)
    const g = await buildGateway(app)
    gateways.push(g)
    return g.listen({ port: 0, host: '127.0.0.1' })
  }
  const post = async (url: string, fn: string, body: object, opts: { from?: string; token?: string } = {}) => {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': opts.from ?? '198.51.100.1', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      body: JSON.stringify(body),
    })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }
  }
  const badLogin = (url: string, from?: string) => post(url, 'auth', { action: 'login', data: { code: `wx-${crypto.randomBytes(6).toString('hex')}` } }, { from })

  beforeAll(async () => {
    db = await openPglite()
  }, 60_000)
  afterAll(async () => {
    for (const g of gateways) await g.close()
    for (const a of apps) await a.limiter.close()
    await db?.close()
  })

  it('should answer 429 with Retry-After past the per-address limit, spare other addresses, and recover', async () => {
    const url = await gateway()
    const first = await Promise.all([1, 2, 3].map(() => badLogin(url, '203.0.113.7')))
    expect(first.map((r) => r.body.error.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'])
    const blocked = await badLogin(url, '203.0.113.7')
    expect(blocked.status).toBe(429)
    expect(blocked.body).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) } })
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1)
    // Another address is not affected.
    expect((await badLogin(url, '203.0.113.8')).body.error.code).toBe('UNAUTHENTICATED')
    await new Promise((r) => setTimeout(r, 2_100))
    expect((await badLogin(url, '203.0.113.7')).body.error.code).toBe('UNAUTHENTICATED')
  }, 60_000)

  it('should limit one account guessing card QRs, whatever address it uses, and spare other staff', async () => {
    const url = await gateway()
    const login = async (openid: string) => (await post(url, 'auth', { action: 'login', data: { code: `dev:${openid}` } }, { from: `192.0.2.${Math.floor(Math.random() * 200)}` })).body.data.token
    const keeper = await login('street-staff')
    const other = await login('guomao-staff')
    const forged = (token: string, from: string) => post(url, 'member', { action: 'verifyCard', data: { qr: `WU1.${crypto.randomBytes(24).toString('base64url')}` } }, { token, from })
    const codes: string[] = []
    for (let i = 0; i < 4; i++) codes.push((await forged(keeper, `192.0.2.${10 + i}`)).body.error.code)
    expect(codes.slice(0, 3)).not.toContain('RATE_LIMITED')
    expect(codes[3]).toBe('RATE_LIMITED')
    expect((await forged(other, '192.0.2.50')).body.error.code).not.toBe('RATE_LIMITED')
  })

  it('should hold one limit across two gateways sharing Redis', async () => {
    if (!(await redisUp())) {
      if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}`)
      return
    }
    const prefix = `wu-test-${crypto.randomBytes(4).toString('hex')}`
    const [a, b] = [await gateway(createLimiter({ limits: LIMITS, redisUrl: REDIS_URL, prefix })), await gateway(createLimiter({ limits: LIMITS, redisUrl: REDIS_URL, prefix }))]
    const codes = []
    for (const url of [a, b, a, b]) codes.push((await badLogin(url, '203.0.113.99')).body.error.code)
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED'])
    // Without the shared store each gateway would have counted only two.
    const alone = [await gateway(), await gateway()]
    const separate = []
    for (const url of [alone[0], alone[1], alone[0], alone[1]]) separate.push((await badLogin(url, '203.0.113.98')).body.error.code)
    expect(separate).not.toContain('RATE_LIMITED')
  })

  it.each(Object.entries(ACTION_LIMITS))('should answer %s with 429 past its limit for one caller', async (name, rule) => {
    // Every rule at 2 per minute: the third call of one account from one address is refused.
    const tight = Object.fromEntries(Object.keys(UNLIMITED).map((k) => [k, { perAccount: { points: 2, seconds: 60 }, perAddress: { points: 2, seconds: 60 } }])) as Record<LimitName, LimitRule>
    const url = await gateway(createLimiter({ limits: tight }))
    const token = (await post(url, 'auth', { action: 'login', data: { code: 'dev:street-staff' } }, { from: '192.0.2.200' })).body.data.token
    const [fn, action] = name.split('.')
    const codes: string[] = []
    for (let i = 0; i < 3; i++) {
      const r = await post(url, fn, { action, data: {} }, { token, from: `192.0.2.${rule === 'login' ? 77 : 100 + i}` })
      codes.push(r.body.ok ? 'ok' : r.body.error.code)
    }
    expect(codes.slice(0, 2)).not.toContain('RATE_LIMITED')
    expect(codes[2]).toBe('RATE_LIMITED')
  })

  it("should count a cloud function's calls by the WeChat client address", async () => {
    await gateway()
    setApp(apps[apps.length - 1])
    process.env.WX_CLIENTIP = '100.64.0.9'
    try {
      const codes = []
      for (let i = 0; i < 4; i++) codes.push(((await functions.auth.main({ action: 'login', data: { code: `wx-${i}-${crypto.randomBytes(4).toString('hex')}` } })) as { error: { code: string } }).error.code)
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED'])
    } finally {
      delete process.env.WX_CLIENTIP
      setApp(null)
    }
  })
})
