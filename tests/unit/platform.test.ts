import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { loadConfig, type ConfigError } from '../../cloud/platform/config'
import { createSealer } from '../../cloud/platform/crypto'
import { createLogger, scrub } from '../../cloud/platform/logger'
import { productionSettings, testSecrets } from '../support/settings'

const key = () => crypto.randomBytes(32).toString('base64')

describe('configuration', () => {
  // Every production setting valid; the private key as a .env line holds it, with escaped newlines.
  const { NODE_ENV: _env, ...valid } = productionSettings()
  const settings: Record<string, string> = { ...valid, WXPAY_PRIVATE_KEY: valid.WXPAY_PRIVATE_KEY.replace(/\n/g, '\\n') }
  const prod = () => ({ ...settings, ...testSecrets() })
  const settingsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env)
    } catch (e) {
      return (e as ConfigError).settings
    }
    return []
  }

  it('should fail start-up loudly in production when secrets are missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/y' })).toThrow(/DATA_KEY.*HASH_KEY.*TOKEN_SECRET.*QR_SECRET/)
  })

  it('should accept production with every setting valid', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...prod() })
    expect(c.production).toBe(true)
    expect(c.pay).toMatchObject({ provider: 'wechat', platformSerial: settings.WXPAY_PLATFORM_SERIAL })
    expect(c.pay.privateKeyPem).toContain('\n')
    // The simulated payment provider is refused in production.
    expect(() => loadConfig({ NODE_ENV: 'production', ...prod(), PAY_PROVIDER: 'simulated' })).toThrow(/PAY_PROVIDER=wechat/)
  })

  it('should treat a start against DATABASE_URL without NODE_ENV as production, and refuse it without its settings', () => {
    expect(settingsOf({ DATABASE_URL: 'postgres://x@127.0.0.1/y', DATA_DIR: os.tmpdir() })).toEqual(expect.arrayContaining(['WX_APPID', 'PAY_PROVIDER=wechat', 'DATA_KEY', 'QR_SECRET']))
    expect(loadConfig({ ...prod() }).production).toBe(true)
    // An explicit development setting keeps the conveniences on a PostgreSQL server.
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://x@127.0.0.1/y', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'wu-cfg-')) }).production).toBe(false)
  })

  it('should stay the demo when nothing is configured (a fresh clone)', () => {
    const c = loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'wu-cfg-')) })
    expect([c.production, c.env, c.pay.provider, c.trustProxy]).toEqual([false, 'development', 'simulated', false])
  })

  it('should name every bad setting at once, keys included, before anything opens the database', () => {
    const env = { ...prod(), WXPAY_PRIVATE_KEY: 'not a pem', WXPAY_PLATFORM_PUBLIC_KEY: '', WXPAY_APIV3_KEY: 'short', WX_SECRET: '', PUBLIC_BASE_URL: 'http://api.example.cn' }
    expect(settingsOf(env)).toEqual(['WX_SECRET', 'WXPAY_PRIVATE_KEY', 'WXPAY_PLATFORM_PUBLIC_KEY', 'WXPAY_APIV3_KEY', 'PUBLIC_BASE_URL (https://)'])
  })

  it('should refuse one key used for two secrets', () => {
    const k = key()
    expect(settingsOf({ NODE_ENV: 'production', ...prod(), HASH_KEY: k, QR_SECRET: k })).toEqual(['HASH_KEY', 'QR_SECRET'])
  })

  it('should trust only the configured proxies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-cfg-'))
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(settingsOf({ DATA_DIR: dir, TRUST_PROXY: 'everyone' })).toEqual(['TRUST_PROXY'])
  })

  it('should generate development secrets once and keep them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-cfg-'))
    const a = loadConfig({ DATA_DIR: dir })
    const b = loadConfig({ DATA_DIR: dir })
    expect(a.secrets.DATA_KEY.equals(b.secrets.DATA_KEY)).toBe(true)
    expect(a.port).toBe(8080)
  })

  it('should run one gateway worker per CPU on PostgreSQL, one on PGlite, and refuse several on PGlite naming WEB_CONCURRENCY', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-cfg-'))
    const pg = { NODE_ENV: 'development', DATABASE_URL: 'postgres://x@127.0.0.1/y', DATA_DIR: dir }
    expect(loadConfig(pg).webConcurrency).toBe(os.availableParallelism())
    expect(loadConfig({ ...pg, WEB_CONCURRENCY: '3' }).webConcurrency).toBe(3)
    expect(loadConfig({ DATA_DIR: dir }).webConcurrency).toBe(1)
    expect(loadConfig({ DATA_DIR: dir, WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1)
    expect(() => loadConfig({ DATA_DIR: dir, WEB_CONCURRENCY: '2' })).toThrow(/WEB_CONCURRENCY=2 needs DATABASE_URL/)
    expect(settingsOf({ DATA_DIR: dir, WEB_CONCURRENCY: '2' })).toEqual(['WEB_CONCURRENCY'])
    expect(settingsOf({ ...pg, WEB_CONCURRENCY: '0' })).toEqual(['WEB_CONCURRENCY'])
    expect(settingsOf({ ...pg, WEB_CONCURRENCY: 'all' })).toEqual(['WEB_CONCURRENCY'])
  })

  it('should reject a key that is not 32 bytes', () => {
    expect(() => loadConfig({ DATA_DIR: os.tmpdir(), DATA_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/)
  })
})

describe('personal data at rest', () => {
  const sealer = createSealer(crypto.randomBytes(32), crypto.randomBytes(32))

  it('should encrypt to a different text each time and decrypt back', () => {
    const a = sealer.encrypt('11010519491231002X')
    const b = sealer.encrypt('11010519491231002X')
    expect(a).not.toBe(b)
    expect(a).not.toContain('1101051949')
    expect(sealer.decrypt(a)).toBe('11010519491231002X')
  })

  it('should refuse a tampered ciphertext', () => {
    const a = sealer.encrypt('13811112222').split('.')
    a[2] = Buffer.from('13811119999').toString('base64url')
    expect(() => sealer.decrypt(a.join('.'))).toThrow()
  })

  it('should hash equal values equally, per kind, and differently under another key', () => {
    expect(sealer.hash('id', 'x')).toBe(sealer.hash('id', 'x'))
    expect(sealer.hash('id', 'x')).not.toBe(sealer.hash('phone', 'x'))
    expect(createSealer(crypto.randomBytes(32), crypto.randomBytes(32)).hash('id', 'x')).not.toBe(sealer.hash('id', 'x'))
  })
})

describe('log lines', () => {
  it('should mask ID numbers and phones wherever they appear in a message', () => {
    expect(scrub('apply 11010519491231002X tel 13811112222')).toBe('apply 110105********002X tel 138****2222')
  })

  it('should censor personal fields in logged objects', () => {
    const lines: string[] = []
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) })
    const log = createLogger('info', sink)
    log.info({ data: { idNumber: '11010519491231002X', phone: '13811112222', name: '李建国' } }, 'register by 13811112222')
    const out = lines.join('')
    expect(out).not.toContain('11010519491231002X')
    expect(out).not.toContain('13811112222')
    expect(out).toContain('李建国')
    expect(out).toContain('138****2222')
  })

  it("should log a database error with its SQLSTATE but without the query's values", async () => {
    const { openPglite } = await import('../../cloud/db')
    const db = await openPglite()
    let err: unknown
    try {
      await db.exec('create table t (id int primary key, name text not null)')
      await db.query('insert into t values ($1, $2)', [1, '李建国 13811112222'])
      await db.query('insert into t values ($1, $2)', [1, '王芳 不能出现在日志'])
    } catch (e) {
      err = e
    } finally {
      await db.close()
    }
    const lines: string[] = []
    const log = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }))
    log.error({ err }, 'unexpected error')
    const line = JSON.parse(lines.join(''))
    expect(line.err).toMatchObject({ sqlState: '23505', constraint: 't_pkey' })
    expect(JSON.stringify(line)).not.toMatch(/王芳|不能出现在日志|李建国|13811112222/)
  }, 30_000)
})

describe('formatYuan', () => {
  it('should read integer fen as yuan with thousands separators and two decimals', async () => {
    const { formatYuan } = await import('../../types/money')
    expect([0, 1, 99, 100, 132000, 37260000, 100_000_000_00, -5].map(formatYuan)).toEqual(['0.00', '0.01', '0.99', '1.00', '1,320.00', '372,600.00', '100,000,000.00', '-0.05'])
  })
})

describe('business time', () => {
  it('should read the same Shanghai clock as the IANA zone, for instants from 1992 to 2100', async () => {
    const { shanghai, dayjs, BUSINESS_TZ } = await import('../../cloud/platform/time')
    const from = Date.UTC(1992, 0, 1)
    const to = Date.UTC(2100, 0, 1)
    for (let i = 0; i <= 500; i++) {
      const at = new Date(from + Math.floor(((to - from) * i) / 500) + i * 37_000)
      expect(shanghai(at).format('YYYY-MM-DD HH:mm:ss Z')).toBe(dayjs(at).tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm:ss Z'))
    }
    // Midnight in Beijing is 16:00 UTC the day before.
    expect(shanghai(new Date('2026-11-24T16:00:00Z')).format('YYYY-MM-DD HH:mm')).toBe('2026-11-25 00:00')
  })
})
