// `npm run bench`: performance and size figures, each printed beside its budget. Exits 1 when one is over.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { benchNearby, STATION_COUNT } from './stations'
import { benchOrders } from './orders'
import { benchFirstScreen, THREE_G } from './first-screen'

const ROOT = path.resolve(__dirname, '..')

interface Figure {
  name: string
  value: number
  unit: string
  budget: number
  /** The budget is a floor (throughput), not a ceiling. */
  atLeast?: boolean
  detail?: string
}

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
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`weapp build failed:\n${r.stdout}\n${r.stderr}`)
  const dist = path.join(ROOT, 'dist')
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const roots: string[] = (appJson.subPackages ?? appJson.subpackages ?? []).map((p: { root: string }) => p.root.replace(/\/$/, ''))
  const main = dirSize(dist, (rel) => roots.some((root) => rel === root || rel.startsWith(`${root}/`)) || rel.endsWith('.LICENSE.txt'))
  const subs = roots.map((root) => `${root} ${(dirSize(path.join(dist, root), () => false) / 1024).toFixed(1)} KB`)
  return { name: 'weapp main package (WeChat limit 2048 KB)', value: main / 1024, unit: 'KB', budget: 600, detail: subs.length ? `subpackages: ${subs.join(', ')}` : undefined }
}

async function stationFigures(): Promise<Figure[]> {
  const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
  if (!process.env.DATABASE_URL) console.log('(set DATABASE_URL to measure the PostgreSQL server too)')
  const out: Figure[] = []
  for (const kind of kinds) {
    const r = await benchNearby(kind)
    const detail = `plan: ${r.plan}; ${STATION_COUNT.toLocaleString('en')} stations loaded in ${r.loadS.toFixed(1)} s`
    out.push({ name: `station.nearby p50, ${kind}`, value: r.p50, unit: 'ms', budget: 5 })
    out.push({ name: `station.nearby p95, ${kind}`, value: r.p95, unit: 'ms', budget: 5, detail })
  }
  return out
}

async function orderFigures(): Promise<Figure[]> {
  if (!process.env.DATABASE_URL) return []
  const r = await benchOrders()
  return [
    {
      name: 'shop.createOrder through the gateway, postgres',
      value: r.createdPerSecond,
      unit: 'orders/s',
      budget: 300,
      atLeast: true,
      detail: `${r.requestsPerSecond.toFixed(0)} requests/s; ${r.created} created, ${r.outOfStock} out of stock, ${r.other} other errors; lowest stock ${r.minStock}; oversold: ${r.oversold ? 'YES' : 'no'}`,
    },
    {
      name: 'shop.createOrder through the gateway / raw SQL baseline, same run, postgres',
      value: r.ratio,
      unit: 'x',
      budget: 0.5,
      atLeast: true,
      detail: `${r.createdPerSecond.toFixed(0)} / ${r.raw.perSecond.toFixed(0)} orders/s; baseline: the same order transaction straight to PostgreSQL through pg, same concurrency; ${r.raw.created} created, ${r.raw.outOfStock} out of stock, ${r.raw.other} errors; oversold: ${r.raw.oversold ? 'YES' : 'no'}`,
    },
  ]
}

/** Home and finder on 3G, cold cache: seconds to first content and compressed bytes by then (issue #15). */
async function firstScreenFigures(): Promise<Figure[]> {
  const net = `${THREE_G.latency} ms round trip, ${(THREE_G.downloadThroughput * 8) / 1000} kbit/s each way, cold cache`
  return (await benchFirstScreen()).flatMap((r) => [
    { name: `first content on 3G, ${r.screen.name}`, value: r.firstContentS, unit: 's', budget: 2.5, detail: `${net}; median of 3` },
    { name: `compressed bytes before first content, ${r.screen.name}`, value: r.bytes / 1024, unit: 'KB', budget: 100, detail: r.requests.join(', ') },
  ])
}

async function main() {
  const figures: Figure[] = [weappMainPackage(), ...(await firstScreenFigures()), ...(await stationFigures()), ...(await orderFigures())]
  let over = false
  for (const f of figures) {
    const ok = f.atLeast ? f.value >= f.budget : f.value <= f.budget
    over ||= !ok
    console.log(`${f.name}: ${f.value.toFixed(2)} ${f.unit} (budget ${f.atLeast ? '>=' : '<='} ${f.budget} ${f.unit}) ${ok ? 'OK' : 'OVER BUDGET'}`)
    if (f.detail) console.log(`  ${f.detail}`)
  }
  process.exit(over ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
