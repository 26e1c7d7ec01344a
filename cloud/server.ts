// `npm start`: the gateway serving the functions, the database (with demo data outside production) and the
// H5 app on one port. On the embedded PGlite database it is one process. On PostgreSQL it runs
// WEB_CONCURRENCY workers (node:cluster, one per CPU by default) sharing the port: the primary migrates
// (outside production), loads demo data and builds H5 once, then forks; every worker runs the jobs timer,
// and the job_runs slots make each job run once per schedule. SIGTERM or SIGINT to the primary stops the
// workers gracefully (in-flight requests finish, new ones get 503 UNAVAILABLE) and then the primary.
import { spawnSync } from 'node:child_process'
import cluster, { type Worker } from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import { createApp, type App } from './platform/app'
import { loadConfig, type AppConfig } from './platform/config'
import { openDb } from './db'
import { buildGateway } from './gateway'
import { startJobs } from './platform/jobs-timer'
import { JOBS } from './functions/jobs/schedule'
import { loadDemo } from './demo'

const ROOT = path.resolve(__dirname, '..')
const H5_DIR = path.resolve(ROOT, process.env.H5_OUT_DIR || 'dist-h5')
/** A worker still busy this long after SIGTERM is killed. */
const WORKER_STOP_GRACE_MS = 45_000

function ensureH5Build(log: { info: (m: string) => void }) {
  if (fs.existsSync(path.join(H5_DIR, 'index.html'))) return
  log.info('H5 build missing: building it once (about 90 s on 2 cores)')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) throw new Error('H5 build failed; run `npm run build:h5` to see why')
}

const openApp = async (config: AppConfig, migrate = true) =>
  createApp({ config, migrate, db: await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax }) })

/** What runs once per start, before serving: migrations (inside createApp), demo data, the H5 build. */
async function prepare(app: App) {
  if (!app.config.production) await loadDemo(app)
  ensureH5Build(app.log)
}

/** One serving process: the whole gateway, or a cluster worker when `app` was prepared by the primary. */
async function serve(app: App, role: string) {
  const server = await buildGateway(app, { staticDir: H5_DIR })
  await server.listen({ port: app.config.port, host: app.config.host })
  const stopJobs = startJobs(app, JOBS)
  if (role === 'single') app.log.info(`暖心工会 gateway on http://localhost:${app.config.port} (database: ${app.db.kind})`)
  let stopping: Promise<void> | null = null
  const stop = () =>
    (stopping ??= (async () => {
      await stopJobs()
      await server.close()
      await app.limiter.close()
      await app.db.close()
      process.exit(0)
    })())
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** The cluster primary: forks the workers, replaces one that dies while serving, and stops them all on a signal. */
function supervise(app: App, workers: number) {
  const log = app.log
  const listening = new Set<number>()
  let stopping = false
  const exited = (w: Worker) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve())))
  const stopAll = async (code: number) => {
    if (stopping) return
    stopping = true
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    for (const w of all) w.process.kill('SIGTERM')
    const grace = setTimeout(() => all.forEach((w) => w.isDead() || w.process.kill('SIGKILL')), WORKER_STOP_GRACE_MS)
    await Promise.all(all.map(exited))
    clearTimeout(grace)
    process.exit(code)
  }
  cluster.on('listening', (w) => {
    listening.add(w.id)
    if (listening.size === workers) log.info(`暖心工会 gateway on http://localhost:${app.config.port} (database: ${app.db.kind}, ${workers} workers)`)
  })
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return
    // A worker that never came up will not come up when forked again (a port in use, a bad database): stop.
    if (!listening.has(w.id)) {
      log.error({ code, signal }, 'a gateway worker failed to start; stopping')
      void stopAll(1)
      return
    }
    log.error({ code, signal, pid: w.process.pid }, 'a gateway worker died; starting another')
    cluster.fork()
  })
  for (let i = 0; i < workers; i++) cluster.fork()
  process.on('SIGINT', () => void stopAll(0))
  process.on('SIGTERM', () => void stopAll(0))
}

async function start() {
  const envFile = path.join(ROOT, '.env')
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
  const config = loadConfig()
  const workers = config.webConcurrency
  if (workers === 1) {
    const app = await openApp(config)
    await prepare(app)
    return serve(app, 'single')
  }
  if (cluster.isPrimary) {
    const app = await openApp(config)
    await prepare(app)
    // The primary serves nothing: it keeps no database connection while the workers run.
    await app.limiter.close()
    await app.db.close()
    return supervise(app, workers)
  }
  return serve(await openApp(config, false), 'worker')
}

start().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
