// The per-process context every function gets: config, database, policies, keys. Created once, reused by calls.
import { loadConfig, type AppConfig } from './config'
import { createLogger, type Logger } from './logger'
import { createSealer, type Sealer } from './crypto'
import { loadPolicies, type Policies } from '../../config/policies'
import { migrate, openDb, type Db } from '../db'
import { seedDemo } from '../db/seed'
import { seedSubsidyDemo } from '../db/seed-subsidy'
import { createWxClient, type WxClient } from './wechat'
import type { PayProvider } from './pay/provider'
import { createSimulatedPay } from './pay/simulated'
import { createWechatPay } from './pay/wechat'

export interface App {
  config: AppConfig
  db: Db
  log: Logger
  sealer: Sealer
  policies: Policies
  wx: WxClient
  pay: PayProvider
  /** The clock, replaceable in tests. */
  now(): Date
}

export interface CreateAppOptions {
  config?: AppConfig
  db?: Db
  policies?: Policies
  /** Load the demo data set once (default: outside production). */
  demo?: boolean
  log?: Logger
  wx?: WxClient
  pay?: PayProvider
  now?: () => Date
}

function createPay(config: AppConfig, db: Db): PayProvider {
  const p = config.pay
  if (p.provider === 'simulated') return createSimulatedPay(db, { appId: config.wx.appId })
  return createWechatPay({
    appId: config.wx.appId!,
    mchId: p.mchId!,
    serialNo: p.serialNo!,
    privateKeyPem: p.privateKeyPem!,
    apiV3Key: Buffer.from(p.apiV3Key!, 'utf8'),
    platformPublicKeyPem: p.platformPublicKeyPem!,
    notifyBase: p.notifyBase!,
  })
}

export async function createApp(opts: CreateAppOptions = {}): Promise<App> {
  const config = opts.config ?? loadConfig()
  const policies = opts.policies ?? loadPolicies()
  const log = opts.log ?? createLogger(config.logLevel)
  const db = opts.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }))
  await migrate(db)
  const app: App = {
    config,
    db,
    log,
    policies,
    sealer: createSealer(config.secrets.DATA_KEY, config.secrets.HASH_KEY),
    wx: opts.wx ?? createWxClient(config.wx),
    pay: opts.pay ?? createPay(config, db),
    now: opts.now ?? (() => new Date()),
  }
  if (opts.demo ?? !config.production) {
    await seedDemo(app)
    await seedSubsidyDemo(app)
  }
  return app
}

let current: Promise<App> | null = null

/** The process-wide app, created on first use (a cloud function's cold start). */
export function getApp(): Promise<App> {
  if (!current) current = createApp()
  return current
}

export function setApp(app: App | null): void {
  current = app ? Promise.resolve(app) : null
}
