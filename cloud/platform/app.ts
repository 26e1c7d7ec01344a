// The per-process context every function gets: config, database, policies, keys. Created once, reused by calls.
import { ConfigError, loadConfig, type AppConfig } from './config'
import { createLogger, type Logger } from './logger'
import { createSealer, type Sealer } from './crypto'
import { AppError } from './errors'
import { loadPolicies, type Policies } from '../../config/policies'
import { migrate, openPostgres, type Db } from '../db'
import { schemaProblem, schemaStatus } from '../db/schema'
import { createWxClient, type WxClient } from './wechat'
import type { PayProvider } from './pay/provider'
import { createSimulatedPay } from './pay/simulated'
import { sharedSimKeys } from './pay/sim-keys'
import { createWechatPay } from './pay/wechat'
import { createLimiter, UNLIMITED, type Limiter } from './rate-limit'
import { createMetrics, type Metrics } from './metrics'
import { createWxApi, type WxApi } from './wechat-api'
import { createCloudFiles, createFileStore, type CloudFiles, type FileStore } from './storage'
import { createNotifier, type Notifier } from './notify'
import type { ApiError } from '../../types/common'

export interface App {
  config: AppConfig
  db: Db
  log: Logger
  sealer: Sealer
  policies: Policies
  wx: WxClient
  pay: PayProvider
  limiter: Limiter
  metrics: Metrics
  /** WeChat's server API with the cached access token. */
  wxApi: WxApi
  /** Where uploaded files live (FILE_STORE). */
  files: FileStore
  /** WeChat cloud storage, when TCB_ENV_ID is set: files the mini-program uploaded with wx.cloud.uploadFile. */
  cloudFiles: CloudFiles | null
  notifier: Notifier
  /** The clock, replaceable in tests. */
  now(): Date
}

export interface CreateAppOptions {
  config?: AppConfig
  /** Opened by the caller: the server may use PGlite, a deployed function only PostgreSQL. */
  db: Db
  policies?: Policies
  log?: Logger
  wx?: WxClient
  pay?: PayProvider
  limiter?: Limiter
  wxApi?: WxApi
  files?: FileStore
  cloudFiles?: CloudFiles | null
  notifier?: Notifier
  now?: () => Date
  /** false: the schema is checked but not migrated (a gateway worker, whose primary migrated before forking). */
  migrate?: boolean
}

async function createPay(config: AppConfig, db: Db): Promise<PayProvider> {
  const p = config.pay
  if (p.provider === 'simulated') return createSimulatedPay(db, { appId: config.wx.appId, keys: await sharedSimKeys(db) })
  return createWechatPay({
    appId: config.wx.appId!,
    mchId: p.mchId!,
    serialNo: p.serialNo!,
    privateKeyPem: p.privateKeyPem!,
    apiV3Key: Buffer.from(p.apiV3Key!, 'utf8'),
    platformPublicKeyPem: p.platformPublicKeyPem!,
    platformSerial: p.platformSerial!,
    notifyBase: p.notifyBase!,
  })
}

/**
 * Assembles the app on a database whose schema matches the code. Outside production it migrates first; in
 * production migrating is a release step (`npm run migrate`), and a schema older or newer than the code
 * refuses to serve. Demo data is loaded by the caller (cloud/demo), never here.
 */
export async function createApp(opts: CreateAppOptions): Promise<App> {
  const config = opts.config ?? loadConfig()
  const policies = opts.policies ?? loadPolicies()
  const log = opts.log ?? createLogger(config.logLevel)
  const db = opts.db
  const sealer = createSealer(config.secrets.DATA_KEY, config.secrets.HASH_KEY)
  // With the sealer a migration can seal rows stored before it (010 seals hardship incomes).
  if (!config.production && opts.migrate !== false) await migrate(db, sealer)
  const problem = schemaProblem(await schemaStatus(db))
  if (problem) throw new AppError('UNAVAILABLE', `服务暂不可用：数据库版本与程序不一致（${problem}）`)
  return {
    config,
    db,
    log,
    policies,
    sealer,
    wx: opts.wx ?? createWxClient(config.wx),
    pay: opts.pay ?? (await createPay(config, db)),
    limiter: opts.limiter ?? createLimiter({ redisUrl: config.redisUrl, limits: config.rateLimits === 'off' ? UNLIMITED : undefined }),
    metrics: createMetrics(() => db.poolStats()),
    ...edges(config, db, opts),
    now: opts.now ?? (() => new Date()),
  }
}

/** The edges created once per process: WeChat's API client, file storage, the notifier. */
function edges(config: AppConfig, db: Db, opts: CreateAppOptions) {
  const wxApi = opts.wxApi ?? createWxApi(config.wx)
  const cloudFiles = opts.cloudFiles !== undefined ? opts.cloudFiles : createCloudFiles(config, wxApi)
  return { wxApi, cloudFiles, files: opts.files ?? createFileStore(config, db, cloudFiles), notifier: opts.notifier ?? createNotifier(config, db, wxApi) }
}

/** A function instance serves one call at a time; a few connections cover a job run's parallel reads. */
const FUNCTION_POOL = 3
const CONNECT_TIMEOUT_MS = 5_000

/** A deployed function's app: PostgreSQL from DATABASE_URL, secrets from the environment, nothing on disk. */
async function startFunctionApp(): Promise<App> {
  const config = loadConfig(process.env, { mode: 'function' })
  const db = await openPostgres(config.databaseUrl!, FUNCTION_POOL, { connectTimeoutMs: CONNECT_TIMEOUT_MS })
  try {
    return await createApp({ config, db })
  } catch (e) {
    await db.close().catch(() => undefined)
    throw e
  }
}

let current: Promise<App> | null = null

/** The process-wide app, created on first use (a cloud function's cold start). A failed start is forgotten, so the next call tries again. */
function getApp(): Promise<App> {
  if (!current) {
    const starting = startFunctionApp()
    current = starting
    starting.catch(() => {
      if (current === starting) current = null
    })
  }
  return current
}

export function setApp(app: App | null): void {
  current = app ? Promise.resolve(app) : null
}

/** The app, or the error a call answers while the instance cannot start (missing settings, database down). */
export async function appOrError(): Promise<{ app: App } | { error: ApiError }> {
  try {
    return { app: await getApp() }
  } catch (e) {
    if (e instanceof ConfigError) {
      return { error: { code: 'UNAVAILABLE', message: `服务配置不完整或有误，请检查云函数环境变量：${e.settings.join('、')}（见 docs/deploy.md）` } }
    }
    if (e instanceof AppError) return { error: { code: e.code, message: e.message } }
    startLog().error({ err: e }, 'function start failed')
    return { error: { code: 'UNAVAILABLE', message: '服务暂时无法连接数据库，请稍后重试' } }
  }
}

let fallbackLog: Logger | null = null
/** A logger for failures before the app (and its configured logger) exists. */
function startLog(): Logger {
  if (!fallbackLog) {
    try {
      fallbackLog = createLogger(process.env.LOG_LEVEL || 'info')
    } catch {
      fallbackLog = createLogger('info')
    }
  }
  return fallbackLog
}
