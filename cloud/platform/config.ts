// Configuration, read and checked once per process, before anything touches the database. It fails
// closed: a start is production (every secret demanded, no demo data, no dev: logins, no simulated
// payments) unless NODE_ENV says development or test, or nothing is configured at all (the embedded
// database of a fresh clone, which stays the demo). A local demo generates missing secrets and keeps them
// under DATA_DIR so encrypted data stays readable.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { NOTIFY_KINDS, type NotifyKind } from '../../types/notify'

const SECRET_NAMES = ['DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'QR_SECRET'] as const

/** Subscribe-message template ids (WeChat's 订阅消息 console), one per kind of message. */
export const TEMPLATE_ENV = {
  card_decided: 'WX_TMPL_CARD_DECIDED',
  subsidy_progress: 'WX_TMPL_SUBSIDY_PROGRESS',
  order_shipped: 'WX_TMPL_ORDER_SHIPPED',
  refund_completed: 'WX_TMPL_REFUND_COMPLETED',
  campaign_opened: 'WX_TMPL_CAMPAIGN_OPENED',
} as const satisfies Record<NotifyKind, string>
const TEMPLATE_SETTINGS = Object.fromEntries(Object.values(TEMPLATE_ENV).map((k) => [k, z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional()])) as Record<
  (typeof TEMPLATE_ENV)[NotifyKind],
  z.ZodOptional<z.ZodString>
>
type SecretName = (typeof SECRET_NAMES)[number]

/** A configuration problem, naming the settings at fault (never their values). */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly settings: string[],
  ) {
    super(message)
    this.name = 'ConfigError'
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().url().optional(),
  WX_APPID: z.string().optional(),
  WX_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_KEY: z.string().optional(),
  HASH_KEY: z.string().optional(),
  TOKEN_SECRET: z.string().optional(),
  QR_SECRET: z.string().optional(),
  PAY_PROVIDER: z.enum(['simulated', 'wechat']).default('simulated'),
  WXPAY_MCHID: z.string().optional(),
  WXPAY_SERIAL_NO: z.string().optional(),
  WXPAY_PRIVATE_KEY: z.string().optional(),
  WXPAY_APIV3_KEY: z.string().optional(),
  WXPAY_PLATFORM_PUBLIC_KEY: z.string().optional(),
  WXPAY_PLATFORM_SERIAL: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Which proxies' X-Forwarded-For to believe: a hop count, or addresses/CIDRs separated by commas. */
  TRUST_PROXY: z.string().regex(/^(\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'a hop count or a comma-separated list of addresses/CIDRs').optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Shared rate-limit counters across instances (redis://host:6379/0); in memory per process without it. */
  REDIS_URL: z.string().url().optional(),
  /** Connections each process keeps to PostgreSQL; mind max_connections x instances, or use PgBouncer. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Gateway worker processes (node:cluster) behind `npm start`'s one port; PostgreSQL only. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** 'off' for load tests outside production only: every rate limit lifted. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Bearer token for GET /metrics; without it /metrics is served only outside production. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Where uploaded files live: the database (default), DATA_DIR/files (one host), or WeChat cloud storage. */
  FILE_STORE: z.enum(['database', 'dir', 'cloudbase']).default('database'),
  /** The CloudBase environment: cloud storage for FILE_STORE=cloudbase and files registered from wx.cloud.uploadFile. */
  TCB_ENV_ID: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
  /** Subscription messages: 'wechat' (required in production) or 'simulated' (records what would be sent). */
  NOTIFY_PROVIDER: z.enum(['simulated', 'wechat']).default('simulated'),
  ...TEMPLATE_SETTINGS,
})

export interface AppConfig {
  env: 'development' | 'production' | 'test'
  production: boolean
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  wx: { appId?: string; secret?: string }
  logLevel: string
  pay: {
    provider: 'simulated' | 'wechat'
    mchId?: string
    serialNo?: string
    privateKeyPem?: string
    apiV3Key?: string
    platformPublicKeyPem?: string
    /** The serial (or public-key id) WeChat Pay names in Wechatpay-Serial. */
    platformSerial?: string
    notifyBase?: string
  }
  /** fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: boolean | number | string[]
  /** Whole-request limit (headers and body): a client sending slowly is cut off. */
  requestTimeoutMs: number
  redisUrl?: string
  metricsToken?: string
  files: { store: 'database' | 'dir' | 'cloudbase'; tcbEnv?: string }
  notify: { provider: 'simulated' | 'wechat'; templates: Partial<Record<NotifyKind, string>> }
  rateLimits: 'on' | 'off'
  dbPoolMax: number
  /** Gateway workers: WEB_CONCURRENCY, else one per CPU on PostgreSQL and 1 on PGlite (one process only). */
  webConcurrency: number
  /** 32-byte keys. */
  secrets: Record<SecretName, Buffer>
}

function decodeKey(name: string, value: string): Buffer {
  const buf = Buffer.from(value, 'base64')
  if (buf.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`, [name])
  return buf
}

function devSecrets(dataDir: string, given: Partial<Record<SecretName, string>>): Record<SecretName, Buffer> {
  const file = path.join(dataDir, 'dev-secrets.json')
  let stored: Partial<Record<SecretName, string>> = {}
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'))
  let changed = false
  const out = {} as Record<SecretName, Buffer>
  for (const name of SECRET_NAMES) {
    let v = given[name] ?? stored[name]
    if (!v) {
      v = crypto.randomBytes(32).toString('base64')
      stored[name] = v
      changed = true
    }
    out[name] = decodeKey(name, v)
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 })
  }
  return out
}

export interface LoadOptions {
  /**
   * 'function': a deployed cloud function. DATABASE_URL and the four secrets must come from the
   * environment (the same on every function); nothing is generated or written to disk.
   */
  mode?: 'server' | 'function'
}

export function loadConfig(env: Record<string, string | undefined> = process.env, opts: LoadOptions = {}): AppConfig {
  // An empty value (as a deploy template leaves for an unset variable) counts as unset.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(given)
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      [...new Set(parsed.error.issues.map((i) => i.path.join('.')))],
    )
  }
  const e = parsed.data
  const stores = storeProblems(e, opts.mode)
  if (stores.length) throw new ConfigError(`File storage settings missing or invalid: ${stores.join(', ')} (see .env.example)`, stores)
  const explicitDev = e.NODE_ENV === 'development' || e.NODE_ENV === 'test'
  const demo = !e.NODE_ENV && !e.DATABASE_URL && opts.mode !== 'function'
  const production = !explicitDev && !demo
  const dataDir = path.resolve(e.DATA_DIR)
  let secrets: Record<SecretName, Buffer>
  if (production || opts.mode === 'function') {
    // A deployed function needs its database and secrets from the environment, whatever NODE_ENV says.
    const problems = production ? productionProblems(e) : e.DATABASE_URL ? [] : ['DATABASE_URL']
    const missing = SECRET_NAMES.filter((n) => !e[n])
    const decoded = Object.fromEntries(SECRET_NAMES.filter((n) => e[n]).map((n) => [n, tryKey(e[n]!)])) as Partial<Record<SecretName, Buffer | null>>
    const bad = SECRET_NAMES.filter((n) => decoded[n] === null)
    if (missing.length || bad.length || problems.length) {
      const settings = [...problems, ...missing, ...bad]
      throw new ConfigError(
        `${production ? 'Production' : 'Function'} settings missing or invalid: ${settings.join(', ')}${bad.length ? ' (keys are 32 bytes, base64: openssl rand -base64 32)' : ''} (see .env.example)`,
        settings,
      )
    }
    secrets = decoded as Record<SecretName, Buffer>
  } else {
    secrets = devSecrets(dataDir, e)
  }
  const webConcurrency = e.WEB_CONCURRENCY ?? (e.DATABASE_URL ? os.availableParallelism() : 1)
  if (webConcurrency > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      `WEB_CONCURRENCY=${webConcurrency} needs DATABASE_URL: the embedded PGlite database lives inside one process and cannot be shared by workers (set WEB_CONCURRENCY=1, or DATABASE_URL for a PostgreSQL server)`,
      ['WEB_CONCURRENCY'],
    )
  }
  const same = SECRET_NAMES.filter((n, i) => SECRET_NAMES.some((m, j) => j !== i && secrets[m].equals(secrets[n])))
  if (same.length) throw new ConfigError(`Each secret needs its own key; these are equal: ${same.join(', ')}`, same)
  return {
    env: e.NODE_ENV ?? (production ? 'production' : 'development'),
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    wx: { appId: e.WX_APPID, secret: e.WX_SECRET },
    logLevel: e.LOG_LEVEL,
    pay: {
      provider: e.PAY_PROVIDER,
      mchId: e.WXPAY_MCHID,
      serialNo: e.WXPAY_SERIAL_NO,
      // PEM values may be given with literal \n in one-line environment files.
      privateKeyPem: pem(e.WXPAY_PRIVATE_KEY),
      apiV3Key: e.WXPAY_APIV3_KEY,
      platformPublicKeyPem: pem(e.WXPAY_PLATFORM_PUBLIC_KEY),
      platformSerial: e.WXPAY_PLATFORM_SERIAL,
      notifyBase: e.PUBLIC_BASE_URL,
    },
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    metricsToken: e.METRICS_TOKEN,
    files: { store: e.FILE_STORE, tcbEnv: e.TCB_ENV_ID },
    notify: { provider: e.NOTIFY_PROVIDER, templates: Object.fromEntries(NOTIFY_KINDS.filter((k) => e[TEMPLATE_ENV[k]]).map((k) => [k, e[TEMPLATE_ENV[k]]!])) },
    rateLimits: e.RATE_LIMITS,
    dbPoolMax: e.DB_POOL_MAX,
    webConcurrency,
    secrets,
  }
}

type Env = z.infer<typeof envSchema>

// PEM values may be given with literal \n in one-line environment files.
const pem = (v: string | undefined) => v?.replace(/\\n/g, '\n')

function tryKey(value: string): Buffer | null {
  const buf = Buffer.from(value, 'base64')
  return buf.length === 32 ? buf : null
}

/** What production needs beyond the four secrets, each named; keys are parsed here, not at first use. */
function productionProblems(e: Env): string[] {
  const out: string[] = []
  if (!e.DATABASE_URL) out.push('DATABASE_URL')
  if (!e.WX_APPID) out.push('WX_APPID')
  if (!e.WX_SECRET) out.push('WX_SECRET')
  if (e.PAY_PROVIDER !== 'wechat') out.push('PAY_PROVIDER=wechat')
  for (const k of ['WXPAY_MCHID', 'WXPAY_SERIAL_NO', 'WXPAY_PLATFORM_SERIAL', 'PUBLIC_BASE_URL'] as const) if (!e[k]) out.push(k)
  const parses = (k: 'WXPAY_PRIVATE_KEY' | 'WXPAY_PLATFORM_PUBLIC_KEY', make: (pem: string) => unknown) => {
    try {
      if (!e[k]) throw new Error('missing')
      make(pem(e[k])!)
    } catch {
      out.push(k)
    }
  }
  parses('WXPAY_PRIVATE_KEY', (p) => crypto.createPrivateKey(p))
  parses('WXPAY_PLATFORM_PUBLIC_KEY', (p) => crypto.createPublicKey(p))
  if (Buffer.byteLength(e.WXPAY_APIV3_KEY ?? '', 'utf8') !== 32) out.push('WXPAY_APIV3_KEY')
  if (e.PUBLIC_BASE_URL && !e.PUBLIC_BASE_URL.startsWith('https://')) out.push('PUBLIC_BASE_URL (https://)')
  if (e.NOTIFY_PROVIDER !== 'wechat') out.push('NOTIFY_PROVIDER=wechat')
  else for (const k of NOTIFY_KINDS) if (!e[TEMPLATE_ENV[k]]) out.push(TEMPLATE_ENV[k])
  if (e.RATE_LIMITS === 'off') out.push('RATE_LIMITS (off is for load tests, never production)')
  return out
}

/** FILE_STORE=cloudbase needs its environment and the app's credentials; a deployed function writes nothing to disk. */
function storeProblems(e: Env, mode: LoadOptions['mode']): string[] {
  const out: string[] = []
  if (e.FILE_STORE === 'dir' && mode === 'function') out.push('FILE_STORE (dir is for one gateway host, not functions)')
  if (e.FILE_STORE === 'cloudbase') for (const k of ['TCB_ENV_ID', 'WX_APPID', 'WX_SECRET'] as const) if (!e[k]) out.push(k)
  return out
}

function trustProxyOf(v: string | undefined): boolean | number | string[] {
  if (!v) return false
  return /^\d+$/.test(v) ? Number(v) : v.split(',')
}
