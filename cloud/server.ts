// `npm start`: one process serving the functions, the database (with demo data outside production) and the H5 app.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createApp } from './platform/app'
import { loadConfig } from './platform/config'
import { openDb } from './db'
import { buildGateway } from './gateway'
import { startJobs } from './platform/jobs'
import { JOBS } from './functions/jobs/schedule'
import { loadDemo } from './demo'

const ROOT = path.resolve(__dirname, '..')
const H5_DIR = path.resolve(ROOT, process.env.H5_OUT_DIR || 'dist-h5')

function ensureH5Build(log: { info: (m: string) => void }) {
  if (fs.existsSync(path.join(H5_DIR, 'index.html'))) return
  log.info('H5 build missing: building it once (about 90 s on 2 cores)')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) throw new Error('H5 build failed; run `npm run build:h5` to see why')
}

async function start() {
  const envFile = path.join(ROOT, '.env')
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
  const config = loadConfig()
  const app = await createApp({ config, db: await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax }) })
  if (!config.production) await loadDemo(app)
  ensureH5Build(app.log)
  const server = await buildGateway(app, { staticDir: H5_DIR })
  await server.listen({ port: app.config.port, host: app.config.host })
  const stopJobs = startJobs(app, JOBS)
  app.log.info(`暖心工会 gateway on http://localhost:${app.config.port} (database: ${app.db.kind})`)
  const stop = async () => {
    await stopJobs()
    await server.close()
    await app.limiter.close()
    await app.db.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

start().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
