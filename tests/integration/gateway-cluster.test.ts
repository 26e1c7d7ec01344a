// `npm start` using every core: WEB_CONCURRENCY workers (node:cluster) behind one port on PostgreSQL, the
// primary migrating an empty database before it forks, SIGTERM to it stopping every worker; and a refusal
// to start several workers on the embedded PGlite database.
import { spawn } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { freshPostgres, testSecrets } from '../support/app'
import { startGateways } from '../support/gateways'

const ROOT = path.resolve(__dirname, '../..')
const onServer = process.env.DATABASE_URL ? describe : describe.skip

/** GET /healthz on a connection of its own, so the primary hands each request to the next worker. */
function healthz(url: string): Promise<{ ok: boolean; pid?: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/healthz`, { agent: false }, (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => resolve(JSON.parse(body)))
      })
      .on('error', reject)
  })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

onServer('the gateway with WEB_CONCURRENCY=2 on PostgreSQL', () => {
  it('should answer from two worker processes on one port, and stop them all on SIGTERM to the primary', async () => {
    const pg = await freshPostgres(2)
    const g = await startGateways(1, pg.url, testSecrets(), { workers: 2 })
    const pids = new Set<number>()
    try {
      // The second worker may still be starting when the first answers /readyz: ask until both have answered.
      for (let i = 0; i < 300 && pids.size < 2; i++) {
        const h = await healthz(g.urls[0])
        expect(h.ok).toBe(true)
        pids.add(h.pid!)
        if (pids.size < 2) await new Promise((r) => setTimeout(r, 100))
      }
      expect(pids.size).toBe(2)
      // The primary migrated the empty database before forking: the workers only checked it.
      const [m] = await pg.db.query<{ n: number }>('select count(*)::int as n from schema_migrations')
      expect(m.n).toBeGreaterThan(0)
      // The workers answer the API: the public finder, and a member's action refused without a session.
      const post = (fn: string, action: string, data: unknown) => fetch(`${g.urls[0]}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, data }) })
      expect((await post('station', 'nearby', { lat: 39.9, lng: 116.4 })).status).toBe(200)
      expect((await post('member', 'myCard', {})).status).toBe(401)
    } finally {
      await g.stop()
      await pg.drop()
    }
    expect(g.exits()).toEqual([{ code: 0, signal: null }])
    expect([...pids].filter(alive)).toEqual([])
  }, 180_000)
})

describe('the gateway with WEB_CONCURRENCY above 1 on PGlite', () => {
  it('should refuse to start, naming WEB_CONCURRENCY', async () => {
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', WEB_CONCURRENCY: '2', LOG_LEVEL: 'warn', PORT: '1' }
    delete env.DATABASE_URL
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'cloud/server.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
    expect(code).toBe(1)
    expect(out).toMatch(/WEB_CONCURRENCY=2 needs DATABASE_URL/)
  }, 60_000)
})
