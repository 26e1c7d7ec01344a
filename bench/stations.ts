// Nearest-20 over 100,000 stations: p50/p95 of the server-side call on PGlite and on the PostgreSQL server,
// and, on the server, the database's own planning + execution time for the same queries (EXPLAIN ANALYZE).
import crypto from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createApp, type App } from '../cloud/platform/app'
import { loadConfig } from '../cloud/platform/config'
import { createLogger } from '../cloud/platform/logger'
import { openPglite, openPostgres, type Db } from '../cloud/db'
import { generateStations, insertStations, prng } from '../cloud/demo/stations'
import { nearby, nearbySql } from '../cloud/domain/station/finder'

export const STATION_COUNT = 100_000
const QUERIES = 1000

async function appOn(db: Db): Promise<App> {
  const k = () => crypto.randomBytes(32).toString('base64')
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/wu-bench', LOG_LEVEL: 'silent', DATA_KEY: k(), HASH_KEY: k(), TOKEN_SECRET: k(), QR_SECRET: k() })
  return createApp({ config, db, log: createLogger('silent') })
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export interface NearbyFigures {
  p50: number
  p95: number
  /** Planning + execution inside the database, p95 (from EXPLAIN ANALYZE of the same queries). */
  dbP95: number
  plan: string
  loadS: number
}

export async function benchNearby(kind: 'pglite' | 'postgres'): Promise<NearbyFigures> {
  let db: Db
  let cleanup = async () => {}
  if (kind === 'pglite') db = await openPglite()
  else {
    const base = process.env.DATABASE_URL!
    const name = `wu_bench_${process.pid}`
    const admin = await openPostgres(base, 1)
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    db = await openPostgres(url.toString(), 4)
    cleanup = async () => {
      await db.close()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.close()
    }
  }
  const app = await appOn(db)
  const t0 = performance.now()
  const [u] = await db.query<{ id: string }>(`insert into unions (code, name, level, path) values ('110000', '北京市总工会', 'city', '/bench/') returning id`)
  await insertStations(db, generateStations(STATION_COUNT, 99), () => u.id)
  // Vacuumed as a live database would be: hint bits set and the visibility map current.
  await db.query('vacuum (analyze) stations, station_hours')
  const loadS = (performance.now() - t0) / 1000

  const rand = prng(1)
  const points = Array.from({ length: QUERIES }, () => ({ lat: 39.75 + rand() * 0.35, lng: 116.15 + rand() * 0.55 }))
  for (const p of points.slice(0, 20)) await nearby(app, { ...p, radiusM: 5000, limit: 20 }) // warm-up
  const times: number[] = []
  for (const p of points) {
    const s = performance.now()
    await nearby(app, { ...p, radiusM: 5000, limit: 20 })
    times.push(performance.now() - s)
  }
  times.sort((a, b) => a - b)
  const inDb: number[] = []
  for (const p of points) {
    const q = nearbySql(app, { ...p, radiusM: 5000, limit: 20 }, 0)
    const [row] = await db.query<Record<string, [{ 'Planning Time': number; 'Execution Time': number }]>>(`explain (analyze, format json) ${q.sql}`, q.params)
    const [r] = row['QUERY PLAN']
    inDb.push(r['Planning Time'] + r['Execution Time'])
  }
  inDb.sort((a, b) => a - b)
  const { sql, params } = nearbySql(app, { ...points[0], radiusM: 5000, limit: 20, services: ['water'] }, 0)
  const plan = (await db.query<Record<string, string>>(`explain ${sql}`, params)).map((r) => r['QUERY PLAN'])
  const used = ['stations_earth', 'station_hours_open'].map((ix) => plan.find((l) => l.includes(`using ${ix}`))?.replace(/\s*\(cost.*$/, '').replace(/^[\s->]*/, ''))
  const planLine = used.every(Boolean) ? used.join(' + ') : `NOT THE EXPECTED INDEXES:\n${plan.join('\n')}`
  await cleanup()
  if (kind === 'pglite') await db.close()
  return { p50: pct(times, 50), p95: pct(times, 95), dbP95: pct(inDb, 95), plan: planLine, loadS }
}
