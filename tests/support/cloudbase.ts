// The built cloud functions, run as CloudBase runs them: `npm run build:cloud` output (built once per
// source version, outside the repository so no node_modules is within reach), each function in its own
// Node process with cwd = its folder and its own environment, called through `main` one call at a time,
// with the caller's OPENID set per call as the platform does (WX_OPENID).
import { execFileSync, fork, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp, type App } from '../../cloud/platform/app'
import { loadConfig } from '../../cloud/platform/config'
import { createLogger } from '../../cloud/platform/logger'
import { loadDemo } from '../../cloud/demo'
import { freshPostgres, testSecrets } from './app'

const ROOT = path.resolve(__dirname, '../..')
const RUNNER = path.join(__dirname, 'cloudbase-runner.js')
const SOURCES = ['cloud', 'types', 'config/policies', 'scripts/build-cloud.ts', 'package-lock.json']
/** Budget for one build of every function (about 5 s here); a worker waiting for another's build gives up after it too. */
export const BUILD_TIMEOUT_MS = 120_000

function files(p: string): string[] {
  const full = path.join(ROOT, p)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [p]
  return fs.readdirSync(full).flatMap((n) => files(path.join(p, n)))
}

function sourceHash(): string {
  const h = crypto.createHash('sha256')
  for (const f of SOURCES.flatMap(files).sort()) h.update(f).update('\0').update(fs.readFileSync(path.join(ROOT, f)))
  return h.digest('hex').slice(0, 16)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Builds of older sources, untouched for a day. */
function pruneOldBuilds(keep: string) {
  const dir = path.dirname(keep)
  for (const n of fs.readdirSync(dir)) {
    const p = path.join(dir, n)
    if (!n.startsWith('wu-cloud-') || p === keep) continue
    const st = fs.statSync(p, { throwIfNoEntry: false })
    if (st && Date.now() - st.mtimeMs > 86400_000) fs.rmSync(p, { recursive: true, force: true })
  }
}

/**
 * The folder holding dist-cloud's content (functions/<name>/, cloudbaserc.json) for the current sources.
 * Test files run in parallel workers: the first takes a lock and builds, the others wait for it.
 */
export async function builtFunctions(): Promise<string> {
  const out = path.join(os.tmpdir(), `wu-cloud-${sourceHash()}`)
  const lock = `${out}.lock`
  const deadline = Date.now() + BUILD_TIMEOUT_MS
  while (!fs.existsSync(path.join(out, 'cloudbaserc.json'))) {
    if (Date.now() > deadline) throw new Error(`cloud build not ready after ${BUILD_TIMEOUT_MS / 1000} s`)
    try {
      fs.mkdirSync(lock)
    } catch {
      // Someone else is building; a lock older than the budget belongs to a build that died.
      const held = fs.statSync(lock, { throwIfNoEntry: false })
      if (held && Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) fs.rmSync(lock, { recursive: true, force: true })
      await sleep(250)
      continue
    }
    try {
      if (fs.existsSync(path.join(out, 'cloudbaserc.json'))) break
      const tmp = `${out}.tmp-${process.pid}`
      fs.rmSync(tmp, { recursive: true, force: true })
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-cloud.ts', '--out', tmp], {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: BUILD_TIMEOUT_MS,
      })
      fs.rmSync(out, { recursive: true, force: true })
      fs.renameSync(tmp, out)
      pruneOldBuilds(out)
    } finally {
      fs.rmSync(lock, { recursive: true, force: true })
    }
  }
  return path.join(out, 'functions')
}

export type Env = Record<string, string>

export interface Instance {
  readonly dir: string
  /** Node's version in the instance (from its first answer). */
  nodeVersion: string | null
  /** Unhandled rejections and uncaught exceptions the instance reported. */
  readonly crashes: string[]
  /** One invocation: `env` is what the platform sets for this call only (e.g. WX_OPENID). */
  invoke<T = any>(event: unknown, opts?: { context?: unknown; env?: Env }): Promise<T>
  /** What the instance wrote to stdout and stderr (its log lines). */
  output(): string
  close(): Promise<void>
}

/** Starts a function instance (a cold one: index.js loads on the first call). */
export function startInstance(dir: string, env: Env): Instance {
  const child: ChildProcess = fork(RUNNER, [], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let log = ''
  const exited = new Promise((r) => child.once('exit', r))
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>()
  let seq = 0
  const inst: Instance = {
    dir,
    nodeVersion: null,
    crashes: [],
    invoke(event, opts = {}) {
      const id = ++seq
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        child.send({ id, event, context: opts.context ?? {}, env: opts.env ?? {} })
      })
    },
    output: () => log,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill()
      await exited
    },
  }
  child.on('message', (m: { type: string; id?: number; result?: unknown; error?: string; node?: string }) => {
    if (m.type === 'crash') inst.crashes.push(m.error!)
    if (m.node) inst.nodeVersion = m.node
    const p = m.id !== undefined ? pending.get(m.id) : undefined
    if (!p) return
    pending.delete(m.id!)
    if (m.type === 'result') p.resolve(m.result)
    else p.reject(new Error(`main threw: ${m.error}`))
  })
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`instance exited (${code}): ${log.slice(-2000)}`))
    pending.clear()
  })
  return inst
}

/** A mini-program call: {action, data} with the caller's OPENID from the platform (or none). */
export const callAs = <T = any>(inst: Instance, openid: string | null, action: string, data: unknown = {}) =>
  inst.invoke<T>({ action, data }, openid ? { env: { WX_OPENID: openid } } : {})

/** A CloudBase timer event, as the `jobs` function's trigger sends it. */
export const timerEvent = (at: Date = new Date()) => ({ Type: 'Timer', TriggerName: 'everyMinute', Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' })

/** An HTTP access "integration request" for the `payNotify` function. */
export function httpEvent(path: string, n: { headers: Record<string, string>; body: string }, opts: { method?: string; base64?: boolean } = {}) {
  return {
    path,
    httpMethod: opts.method ?? 'POST',
    // CloudBase passes header names as the client sent them.
    headers: Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), v])),
    queryStringParameters: {},
    body: opts.base64 ? Buffer.from(n.body, 'utf8').toString('base64') : n.body,
    isBase64Encoded: !!opts.base64,
  }
}

export interface CloudDb {
  /** The test's own app on the same database and secrets: SQL checks, and the simulator that signs notifications. */
  app: App
  url: string
  /** What every function instance gets: the same database and the same four secrets. */
  env: Env
  close(): Promise<void>
}

/** A fresh PostgreSQL database, migrated (and loaded with the demo data unless told not to), and the environment for instances. */
export async function cloudDatabase({ demo = true } = {}): Promise<CloudDb> {
  const { db, url, drop } = await freshPostgres(5)
  const secrets = testSecrets()
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), LOG_LEVEL: 'silent', ...secrets })
  const app = await createApp({ config, db, log: createLogger('silent') })
  if (demo) await loadDemo(app)
  return { app, url, env: { NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: url, ...secrets }, close: drop }
}

/** Every file under dir with its size and modification time, to show a folder was left alone. */
export function snapshot(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name)
      if (e.isDirectory()) return [`${path.relative(dir, p)}/`, ...walk(p)]
      const s = fs.statSync(p)
      return [`${path.relative(dir, p)} ${s.size} ${s.mtimeMs}`]
    })
  return walk(dir).sort()
}
