// Configuration, read and checked once per process. Production and deployed functions fail loudly on a
// missing secret; a local server generates missing secrets and keeps them under DATA_DIR so encrypted
// data stays readable.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const SECRET_NAMES = ['DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'QR_SECRET'] as const
type SecretName = (typeof SECRET_NAMES)[number]

/** What a deployed function needs from its environment: no embedded database, no generated secrets. */
const FUNCTION_SETTINGS = ['DATABASE_URL', ...SECRET_NAMES] as const

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
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  PUBLIC_BASE_URL: z.string().url().optional(),
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
  pay: { provider: 'simulated' | 'wechat'; mchId?: string; serialNo?: string; privateKeyPem?: string; apiV3Key?: string; platformPublicKeyPem?: string; notifyBase?: string }
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
  if (opts.mode === 'function') {
    const missing = FUNCTION_SETTINGS.filter((n) => !given[n])
    if (missing.length) throw new ConfigError(`Missing function settings: ${missing.join(', ')}`, [...missing])
  }
  const parsed = envSchema.safeParse(given)
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      [...new Set(parsed.error.issues.map((i) => i.path.join('.')))],
    )
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  const dataDir = path.resolve(e.DATA_DIR)
  let secrets: Record<SecretName, Buffer>
  if (opts.mode === 'function' && !production) {
    secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, decodeKey(n, e[n]!)])) as Record<SecretName, Buffer>
  } else if (production) {
    const missing = SECRET_NAMES.filter((n) => !e[n])
    if (!e.DATABASE_URL) missing.push('DATABASE_URL' as SecretName)
    if (!e.WX_APPID || !e.WX_SECRET) missing.push('WX_APPID/WX_SECRET' as SecretName)
    if (e.PAY_PROVIDER !== 'wechat') missing.push('PAY_PROVIDER=wechat' as SecretName)
    for (const k of ['WXPAY_MCHID', 'WXPAY_SERIAL_NO', 'WXPAY_PRIVATE_KEY', 'WXPAY_APIV3_KEY', 'WXPAY_PLATFORM_PUBLIC_KEY', 'PUBLIC_BASE_URL'] as const) {
      if (!e[k]) missing.push(k as SecretName)
    }
    if (missing.length) throw new ConfigError(`Missing required production settings: ${missing.join(', ')} (see .env.example)`, missing)
    secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, decodeKey(n, e[n]!)])) as Record<SecretName, Buffer>
  } else {
    secrets = devSecrets(dataDir, e)
  }
  return {
    env: e.NODE_ENV,
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
      privateKeyPem: e.WXPAY_PRIVATE_KEY?.replace(/\\n/g, '\n'),
      apiV3Key: e.WXPAY_APIV3_KEY,
      platformPublicKeyPem: e.WXPAY_PLATFORM_PUBLIC_KEY?.replace(/\\n/g, '\n'),
      notifyBase: e.PUBLIC_BASE_URL,
    },
    secrets,
  }
}
