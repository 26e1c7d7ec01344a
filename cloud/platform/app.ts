// The per-process context every function gets: config, database, policies, keys. Created once, reused by calls.
import { loadConfig, type AppConfig } from './config'
import { createLogger, type Logger } from './logger'
import { createSealer, type Sealer } from './crypto'
import { loadPolicies, type Policies } from '../../config/policies'
import { migrate, openDb, type Db } from '../db'
import { seedDemo } from '../db/seed'
import { createWxClient, type WxClient } from './wechat'

export interface App {
  config: AppConfig
  db: Db
  log: Logger
  sealer: Sealer
  policies: Policies
  wx: WxClient
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
  now?: () => Date
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
    now: opts.now ?? (() => new Date()),
  }
  if (opts.demo ?? !config.production) await seedDemo(app)
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
