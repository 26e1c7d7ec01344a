// What reaches the gateway but never a function: over-long URLs, oversized headers, garbage, slow bodies,
// unknown routes, a server shutting down. Each answers the envelope; slow clients are cut off; security
// headers on every answer; only configured proxies are believed. (The H5 app's CSP: tests/browser/security.)
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp, type App } from '../../cloud/platform/app'
import { loadConfig } from '../../cloud/platform/config'
import { createLogger } from '../../cloud/platform/logger'
import { openPglite, type Db } from '../../cloud/db'
import { buildGateway } from '../../cloud/gateway'
import { testSecrets } from '../support/app'
import { productionSettings } from '../support/settings'

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function raw(url: string, chunks: string[], gapMs = 0): Promise<{ text: string; ms: number }> {
  const u = new URL(url)
  const started = Date.now()
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port), u.hostname)
    let text = ''
    s.on('data', (d) => (text += d))
    s.on('close', () => resolve({ text, ms: Date.now() - started }))
    s.on('error', () => undefined)
    let i = 0
    const next = () => {
      if (i >= chunks.length || s.destroyed) return
      s.write(chunks[i++])
      if (i < chunks.length) setTimeout(next, gapMs)
    }
    s.on('connect', next)
  })
}
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))
const statusOf = (text: string) => Number(text.split(' ')[1])

describe('the gateway at its edges', () => {
  let db: Db
  let app: App
  let gateway: FastifyInstance
  let url: string

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), REQUEST_TIMEOUT_MS: '1500', TRUST_PROXY: '127.0.0.1', ...testSecrets() })
    db = await openPglite()
    app = await createApp({ config, db, log: createLogger('silent') })
    gateway = await buildGateway(app)
    url = await gateway.listen({ port: 0, host: '127.0.0.1' })
  }, 60_000)
  afterAll(async () => {
    await gateway?.close()
    await db?.close()
  })

  it('should answer an over-long function name with a 414 envelope that does not echo the URL', async () => {
    const res = await fetch(`${url}/api/${'x'.repeat(150)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    const text = await res.text()
    expect([res.status, JSON.parse(text)]).toEqual([414, { ok: false, error: { code: 'VALIDATION_FAILED', message: '请求地址过长' } }])
    expect(text).not.toContain('xxxxxxxx')
  })

  it('should answer oversized headers and garbage with envelopes when the HTTP parser refuses them', async () => {
    const big = await raw(url, [`POST /api/auth HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`])
    expect([statusOf(big.text), bodyOf(big.text).error.code]).toEqual([431, 'VALIDATION_FAILED'])
    const junk = await raw(url, ['GARBAGE\r\n\r\n'])
    expect([statusOf(junk.text), bodyOf(junk.text).ok]).toEqual([400, false])
  })

  it('should answer unknown routes, methods and malformed URLs with envelopes', async () => {
    for (const [method, p] of [['POST', '/nope'], ['PUT', '/api/shop'], ['POST', '/api/%E0%A4%A']]) {
      const res = await fetch(url + p, { method, headers: { 'content-type': 'application/json' }, body: '{}' })
      const body = await res.json()
      expect([res.status >= 400 && res.status < 500, body.ok, typeof body.error.code]).toEqual([true, false, 'string'])
    }
  })

  it('should cut off a client that sends its body one byte at a time', async () => {
    const body = JSON.stringify({ action: 'me', data: {} })
    const head = `POST /api/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
    const r = await raw(url, [head, ...body.split('')], 400)
    expect(statusOf(r.text)).toBe(408)
    expect(bodyOf(r.text)).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请求发送超时，请检查网络后重试' } })
    // Cut off near the configured 1.5 s, long before the 10 s the whole body would have taken.
    expect(r.ms).toBeLessThan(6_000)
  }, 15_000)

  it('should echo a sane X-Request-Id, or make one, on every answer', async () => {
    const given = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'req-abc-12345' } })
    expect(given.headers.get('x-request-id')).toBe('req-abc-12345')
    const made = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('should compress larger answers with brotli or gzip as the client accepts, and leave small ones', async () => {
    const g = await buildGateway(app)
    const stations = Array.from({ length: 40 }, (_, i) => ({ name: `朝阳测试驿站${i}号`, address: `朝阳区建国路${i}号`, services: ['water', 'meal_heating'] }))
    g.get('/big', async () => ({ ok: true, data: stations }))
    const base = await g.listen({ port: 0, host: '127.0.0.1' })
    try {
      for (const enc of ['br', 'gzip']) {
        const res = await fetch(`${base}/big`, { headers: { 'accept-encoding': enc } })
        expect(res.headers.get('content-encoding')).toBe(enc)
        expect((await res.json()).data).toHaveLength(40)
      }
      expect((await fetch(`${base}/healthz`, { headers: { 'accept-encoding': 'br' } })).headers.get('content-encoding')).toBeNull()
    } finally {
      await g.close()
    }
  })

  it('should be ready when the database answers with this code schema, and count calls in /metrics', async () => {
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ ok: true, data: { db: 'pglite' } })
    await fetch(`${url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'me', data: {} }) })
    const text = await (await fetch(`${url}/metrics`)).text()
    expect(text).toMatch(/wu_calls_total\{fn="auth",action="me",code="UNAUTHENTICATED"\} [1-9]/)
    expect(text).toMatch(/wu_call_seconds_bucket\{le="[\d.]+",fn="auth",action="me"\}/)
  })

  it('should not serve a database migrated by a newer release, nor one not yet migrated in production', async () => {
    await db.query(`insert into schema_migrations (name) values ('999_from_the_future')`)
    try {
      expect((await fetch(`${url}/readyz`)).status).toBe(503)
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), ...testSecrets() })
      await expect(createApp({ config, db, log: createLogger('silent') })).rejects.toThrow(/999_from_the_future/)
    } finally {
      await db.query(`delete from schema_migrations where name = '999_from_the_future'`)
    }
    const fresh = await openPglite()
    try {
      const prod = loadConfig({ ...productionSettings(), LOG_LEVEL: 'silent' })
      await expect(createApp({ config: prod, db: fresh, log: createLogger('silent') })).rejects.toThrow(/npm run migrate/)
      const [t] = await fresh.query<{ present: boolean }>(`select to_regclass('schema_migrations') is not null as present`)
      expect(t.present).toBe(false)
    } finally {
      await fresh.close()
    }
  }, 30_000)

  it('should send security headers, and no HSTS over plain HTTP', async () => {
    const res = await fetch(`${url}/healthz`)
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('should send HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const viaProxy = await fetch(`${url}/healthz`, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } })
    expect(viaProxy.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    // Another gateway trusting no proxy ignores the same claim.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), ...testSecrets() })
    const g = await buildGateway({ ...app, config })
    const res = await fetch(`${await g.listen({ port: 0, host: '127.0.0.1' })}/healthz`, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } })
    expect(res.headers.get('strict-transport-security')).toBeNull()
    await g.close()
  })

  it('should answer 503 UNAVAILABLE in the envelope to requests arriving while it shuts down', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), ...testSecrets() })
    const g = await buildGateway({ ...app, config })
    g.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 800))
      return { ok: true, data: 'finished' }
    })
    const base = await g.listen({ port: 0, host: '127.0.0.1' })
    // One connection: /slow is in flight when shutdown starts; the next request on it arrives after.
    const u = new URL(base)
    const sock = net.connect(Number(u.port), u.hostname)
    const answer = new Promise<string>((resolve) => {
      let text = ''
      const done = () => {
        sock.destroy()
        resolve(text)
      }
      sock.on('data', (d) => {
        text += d
        if ((text.match(/HTTP\/1\.1 /g) ?? []).length === 2 && text.trimEnd().endsWith('}')) done()
      })
      sock.on('close', done)
      setTimeout(done, 4_000)
    })
    await new Promise((r) => sock.on('connect', r))
    sock.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n')
    await new Promise((r) => setTimeout(r, 200))
    const closed = g.close()
    await new Promise((r) => setTimeout(r, 50))
    sock.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
    const text = await answer
    await closed
    const bodies = text.split(/\r\n\r\n/).slice(1).map((chunk) => chunk.split('HTTP/1.1')[0].trim()).filter(Boolean)
    expect(text.match(/HTTP\/1\.1 (\d+)/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 503'])
    expect(bodies.map((b) => JSON.parse(b))).toEqual([{ ok: true, data: 'finished' }, { ok: false, error: { code: 'UNAVAILABLE', message: '服务正在重启，请稍后重试' } }])
  })
})
