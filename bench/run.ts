// `npm run bench`: performance and size figures, each printed beside its budget, and checks that must hold.
// Exits 1 when a figure is over budget, a check fails, or a figure could not be measured (no DATABASE_URL).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { benchNearby, STATION_COUNT } from './stations'
import { benchOrders } from './orders'
import { benchClaims } from './claims'
import { benchFirstScreen, THREE_G } from './first-screen'

const ROOT = path.resolve(__dirname, '..')

interface Figure {
  name: string
  value: number
  unit: string
  /** Absent: informational, printed without a verdict. */
  budget?: number
  /** The budget is a floor (throughput), not a ceiling. */
  atLeast?: boolean
  detail?: string
}

/** A yes/no condition the run must meet (e.g. exactly the quota claimed). */
interface Check {
  name: string
  ok: boolean
  detail?: string
}

const SERVER_ONLY = 'set DATABASE_URL (postgres://root@127.0.0.1:5432/warm_test) to measure it on the PostgreSQL server'

function dirSize(dir: string, skip: (rel: string) => boolean, rel = ''): number {
  let total = 0
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, entry.name)
    if (skip(r)) continue
    total += entry.isDirectory() ? dirSize(dir, skip, r) : fs.statSync(path.join(dir, r)).size
  }
  return total
}

/** The weapp main package: everything in the production build outside the subpackage roots. */
function weappMainPackage(): Figure {
  // A production build needs a backend; without one given, the HTTPS transport to a placeholder gateway.
  const backend = process.env.TARO_APP_CLOUD_ENV || process.env.TARO_APP_API_BASE ? {} : { TARO_APP_API_BASE: 'https://api.example.cn' }
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env: { ...process.env, ...backend, NODE_ENV: 'production' }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`weapp build failed:\n${r.stdout}\n${r.stderr}`)
  const dist = path.join(ROOT, 'dist')
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const roots: string[] = (appJson.subPackages ?? appJson.subpackages ?? []).map((p: { root: string }) => p.root.replace(/\/$/, ''))
  const main = dirSize(dist, (rel) => roots.some((root) => rel === root || rel.startsWith(`${root}/`)) || rel.endsWith('.LICENSE.txt'))
  const subs = roots.map((root) => `${root} ${(dirSize(path.join(dist, root), () => false) / 1024).toFixed(1)} KB`)
  return { name: 'weapp main package (WeChat limit 2048 KB)', value: main / 1024, unit: 'KB', budget: 600, detail: subs.length ? `subpackages: ${subs.join(', ')}` : undefined }
}

/** #13: nearest-20 at 100,000 stations, p95 <= 2 ms in the function on the PostgreSQL server. PGlite: informational. */
async function stationFigures(): Promise<Figure[]> {
  const out: Figure[] = []
  for (const kind of ['postgres', 'pglite'] as const) {
    if (kind === 'postgres' && !process.env.DATABASE_URL) continue
    const r = await benchNearby(kind)
    const where = kind === 'postgres' ? 'PostgreSQL server' : 'PGlite, embedded (one connection in process; informational)'
    const detail = `p50 ${r.p50.toFixed(2)} ms; inside the database (planning + execution) p95 ${r.dbP95.toFixed(2)} ms; plan: ${r.plan}; ${STATION_COUNT.toLocaleString('en')} stations loaded in ${r.loadS.toFixed(1)} s`
    out.push({ name: `station.nearby nearest 20 of ${STATION_COUNT.toLocaleString('en')}, p95, ${where}`, value: r.p95, unit: 'ms', budget: kind === 'postgres' ? 2 : undefined, detail })
  }
  return out
}

/** #13: createOrder through the gateway at >= 0.5x the same-run raw SQL rate, the gateway using every core. */
async function orderFigures(): Promise<{ figures: Figure[]; checks: Check[] }> {
  if (!process.env.DATABASE_URL) return { figures: [], checks: [] }
  const r = await benchOrders()
  const x = (v: number) => `${v.toFixed(2)}x`
  const codes = (c: Record<string, number>) => (Object.keys(c).length ? ` (${Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ')})` : '')
  const of = (g: typeof r.single) =>
    `median of ${r.rounds} rounds (${g.ratios.map(x).join(', ')}); ${g.createdPerSecond.toFixed(0)} / ${r.raw.perSecond.toFixed(0)} orders/s; ${g.requestsPerSecond.toFixed(0)} requests/s; ${g.created} created, ${g.outOfStock} out of stock, ${g.other} other errors${codes(g.otherCodes)}; lowest stock ${g.minStock}; oversold: ${g.oversold ? 'YES' : 'no'}`
  const raw = `baseline: the same order transaction straight to PostgreSQL through pg, same concurrency, before, between and after the gateway rounds (${r.raw.rates.map((v) => v.toFixed(0)).join(', ')} orders/s); ${r.raw.created} created, ${r.raw.outOfStock} out of stock, ${r.raw.other} errors${codes(r.raw.otherCodes)}; oversold: ${r.raw.oversold ? 'YES' : 'no'}`
  const runs = [r.single, r.cluster, r.raw]
  const books = {
    name: 'order bench: no unit oversold, and every answer an order or out of stock',
    ok: runs.every((g) => !g.oversold && g.other === 0),
    detail: `other answers: one process ${r.single.other}${codes(r.single.otherCodes)}, ${r.cluster.workers} workers ${r.cluster.other}${codes(r.cluster.otherCodes)}, baseline ${r.raw.other}${codes(r.raw.otherCodes)}`,
  }
  const figures: Figure[] = [
    { name: 'raw SQL baseline, the order transaction through pg, median, postgres', value: r.raw.perSecond, unit: 'orders/s', detail: raw },
    {
      name: `shop.createOrder through the gateway, ${r.cluster.workers} workers (WEB_CONCURRENCY) / raw SQL baseline, same run, postgres`,
      value: r.cluster.ratio,
      unit: 'x',
      budget: 0.5,
      atLeast: true,
      detail: of(r.cluster),
    },
    { name: `shop.createOrder through the gateway, ${r.cluster.workers} workers, postgres`, value: r.cluster.createdPerSecond, unit: 'orders/s', budget: 300, atLeast: true },
    { name: 'shop.createOrder through the gateway, one process (WEB_CONCURRENCY=1) / raw SQL baseline, same run, postgres', value: r.single.ratio, unit: 'x', detail: of(r.single) },
  ]
  return { figures, checks: [books] }
}

/** Home and finder on 3G, cold cache: seconds to first content and compressed bytes by then (issue #15). */
async function firstScreenFigures(): Promise<Figure[]> {
  const net = `${THREE_G.latency} ms round trip, ${(THREE_G.downloadThroughput * 8) / 1000} kbit/s each way, cold cache`
  return (await benchFirstScreen()).flatMap((r) => [
    { name: `first content on 3G, ${r.screen.name}`, value: r.firstContentS, unit: 's', budget: 2.5, detail: `${net}; median of 3` },
    { name: `compressed bytes before first content, ${r.screen.name}`, value: r.bytes / 1024, unit: 'KB', budget: 100, detail: r.requests.join(', ') },
  ])
}

/** #13: 5,000 members claim a quota of 1,000 in one burst across three gateways. */
async function claimFigures(): Promise<{ figures: Figure[]; checks: Check[] }> {
  if (!process.env.DATABASE_URL) return { figures: [], checks: [] }
  const r = await benchClaims()
  const counts = `${r.won} claimed, ${r.full} told the quota is full, ${r.other} other answers; ${r.seconds.toFixed(2)} s, the last place given after ${(r.lastPlaceMs / 1000).toFixed(2)} s`
  return {
    figures: [{ name: 'campaign claim burst, 5,000 members for a quota of 1,000, three gateways, postgres', value: r.claimsPerSecond, unit: 'claims/s', budget: 1000, atLeast: true, detail: counts }],
    checks: [{ name: 'claim burst: exactly 1,000 succeeded (answers, campaign taken and join rows)', ok: r.exact, detail: counts }],
  }
}

const loads = () => `${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (${os.cpus().length} cores)`

async function main() {
  const loadAtStart = loads()
  const figures: Figure[] = []
  const checks: Check[] = []
  // A failed build is a failed check; the database figures are still measured and printed.
  try {
    figures.push(weappMainPackage())
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e)
    const why = text.split('\n').find((l) => /resolve '|Error:|error TS/.test(l) && !l.startsWith('weapp build failed')) ?? text.split('\n')[0]
    checks.push({ name: 'weapp production build (for the main-package size)', ok: false, detail: why.trim() })
  }
  figures.push(...(await firstScreenFigures()), ...(await stationFigures()))
  const orders = await orderFigures()
  figures.push(...orders.figures)
  checks.push(...orders.checks)
  const claims = await claimFigures()
  figures.push(...claims.figures)
  checks.push(...claims.checks)
  let failed = false
  for (const f of figures) {
    const ok = f.budget === undefined ? null : f.atLeast ? f.value >= f.budget : f.value <= f.budget
    failed ||= ok === false
    const verdict = f.budget === undefined ? '(informational)' : `(budget ${f.atLeast ? '>=' : '<='} ${f.budget} ${f.unit}) ${ok ? 'OK' : f.atLeast ? 'BELOW BUDGET' : 'OVER BUDGET'}`
    console.log(`${f.name}: ${f.value.toFixed(2)} ${f.unit} ${verdict}`)
    if (f.detail) console.log(`  ${f.detail}`)
  }
  for (const c of checks) {
    failed ||= !c.ok
    console.log(`${c.name}: ${c.ok ? 'OK' : 'FAILED'}`)
    if (c.detail) console.log(`  ${c.detail}`)
  }
  if (!process.env.DATABASE_URL) {
    failed = true
    console.log(`NOT MEASURED: station.nearby on the server, createOrder vs raw SQL, the claim burst: ${SERVER_ONLY}`)
  }
  console.log(`load average (1, 5, 15 min): at the start ${loadAtStart}, at the end ${loads()}`)
  process.exit(failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
