// Order creation on the PostgreSQL server: orders per second through the HTTP gateway (`cloud/server.ts` as
// production runs it, rate limits on: one process, then WEB_CONCURRENCY workers, one per CPU), and in the same run the
// raw baseline (the same order transaction sent straight to PostgreSQL through pg, same concurrency).
import crypto from 'node:crypto'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { openPostgres, type Db } from '../cloud/db'
import { startTestApp, type TestApp } from '../tests/support/app'
import { startGateways } from '../tests/support/gateways'
import { address, newProduct } from '../tests/support/shop'
import { POST_SOURCE } from './load'

const LOAD = `${POST_SOURCE}
const { parentPort, workerData } = require('node:worker_threads')
const { randomBytes } = require('node:crypto')
const { url, tokens, ids, total, concurrency, address } = workerData
let next = 0
const counts = { created: 0, outOfStock: 0, other: 0, otherCodes: {} }
// Each client works through its own share of the buyers, so no buyer has two orders in flight.
Promise.all(Array.from({ length: concurrency }, async (_, c) => {
  for (let k = 0; ; k++) {
    const i = next++
    if (i >= total) return
    const buyer = (c + k * concurrency) % tokens.length
    // Each buyer on a phone of their own: the production gateway believes 127.0.0.1's X-Forwarded-For.
    const from = { 'x-forwarded-for': '10.' + (buyer >> 16 & 255) + '.' + (buyer >> 8 & 255) + '.' + (buyer & 255) }
    const body = await post(url, '/api/shop', tokens[buyer], { action: 'createOrder', data: { requestId: 'req-' + randomBytes(8).toString('hex'), items: [{ productId: ids[i % ids.length], qty: 1 }], delivery: address } }, from)
    if (body.ok) counts.created++
    else if (body.error && body.error.code === 'OUT_OF_STOCK') counts.outOfStock++
    else {
      counts.other++
      const code = body.error ? body.error.code : 'no envelope'
      counts.otherCodes[code] = (counts.otherCodes[code] || 0) + 1
    }
  }
})).then(() => parentPort.postMessage(counts))
`

interface Counts {
  created: number
  outOfStock: number
  other: number
  /** The other answers by error code, so a nonzero count says what it was. */
  otherCodes: Record<string, number>
}

/** The order transaction as the service ran it before it became one statement: BEGIN, stock, order, item, audit, COMMIT. */
async function rawOrder(db: Db, userId: string, productId: string): Promise<boolean> {
  return db.tx(async (q) => {
    const [p] = await q.query<{ id: string; union_id: string; name: string; unit: string; category: string; province: string; county: string; supplier_name: string; supplier_license: string; relief: boolean; price_fen: number; member_price_fen: number }>(
      `update products set stock = stock - 1 where id = $1 and status = 'on_sale' and stock >= 1 returning *`,
      [productId],
    )
    if (!p) return false
    const now = new Date()
    const [o] = await q.query<{ id: string }>(
      `insert into orders (order_no, user_id, request_id, kind, status, buyer_union_id, seller_union_id, total_fen, payable_fen, delivery_type, contact_enc, contact_masked, pay_deadline, created_at)
       values ($1, $2, $3, 'member', 'PENDING_PAYMENT', null, $4, $5, $6, 'address', $7, $8, $9, $10) returning id`,
      [`WB${crypto.randomBytes(8).toString('hex')}`, userId, `raw-${crypto.randomBytes(8).toString('hex')}`, p.union_id, p.price_fen, p.price_fen, 'sealed', '{"name":"李**"}', new Date(now.getTime() + 1800_000), now],
    )
    await q.query(
      `insert into order_items (order_id, product_id, name, unit, category, province, county, supplier_name, supplier_license, relief, unit_price_fen, qty, amount_fen)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12)`,
      [o.id, p.id, p.name, p.unit, p.category, p.province, p.county, p.supplier_name, p.supplier_license, p.relief, p.price_fen, p.price_fen],
    )
    await q.query(`insert into audit_log (actor_user_id, actor_role, action, entity, entity_id, union_id, after) values ($1, 'member', 'order.create', 'order', $2, null, $3)`, [
      userId,
      o.id,
      JSON.stringify({ status: 'PENDING_PAYMENT', payableFen: p.price_fen, subsidyFen: 0, kind: 'member' }),
    ])
    return true
  })
}

/** The raw baseline: `total` order transactions from `concurrency` pg connections, in this process. */
async function benchRaw(t: TestApp, userIds: string[], ids: string[], total: number, concurrency: number): Promise<{ perSecond: number } & Counts> {
  const [{ db: name }] = await t.app.db.query<{ db: string }>('select current_database() as db')
  const url = new URL(process.env.DATABASE_URL!)
  url.pathname = `/${name}`
  const db = await openPostgres(url.toString(), concurrency)
  const counts: Counts = { created: 0, outOfStock: 0, other: 0, otherCodes: {} }
  let next = 0
  try {
    await Promise.all(Array.from({ length: concurrency }, () => db.query('select 1'))) // connections opened before the clock starts
    const started = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < total; i = next++) {
          try {
            if (await rawOrder(db, userIds[i % userIds.length], ids[i % ids.length])) counts.created++
            else counts.outOfStock++
          } catch (e) {
            counts.other++
            const code = (e as { code?: string }).code ?? 'error'
            counts.otherCodes[code] = (counts.otherCodes[code] ?? 0) + 1
          }
        }
      }),
    )
    return { perSecond: counts.created / ((performance.now() - started) / 1000), ...counts }
  } finally {
    await db.close()
  }
}

async function stockCheck(t: TestApp, ids: string[], created: number, expected: number) {
  const [stock] = await t.app.db.query<{ min: number; left: number }>('select min(stock)::int as min, sum(stock)::int as left from products where id = any($1::uuid[])', [ids])
  return { minStock: stock.min, oversold: stock.min < 0 || created + stock.left !== expected }
}

export interface GatewayRun extends Counts {
  workers: number
  createdPerSecond: number
  requestsPerSecond: number
  oversold: boolean
  minStock: number
  /** createdPerSecond over the raw baseline's rate. */
  ratio: number
}

/** `total` createOrder calls from `concurrency` clients through a gateway of `workers` processes, on products of its own. */
async function gatewayRun(t: TestApp, workers: number, tokens: string[], total: number, concurrency: number, products: number, stockEach: number) {
  const ids = await Promise.all(Array.from({ length: products }, () => newProduct(t, stockEach)))
  const g = await startGateways(1, t.databaseUrl!, t.secrets, { workers, production: true })
  try {
    // The load runs in a worker thread, so the client's work does not share this event loop.
    const started = performance.now()
    const counts = await new Promise<Counts>((resolve, reject) => {
      const w = new Worker(LOAD, { eval: true, workerData: { url: g.urls[0], tokens, ids, total, concurrency, address } })
      w.once('message', resolve)
      w.once('error', reject)
    })
    const seconds = (performance.now() - started) / 1000
    const { minStock, oversold } = await stockCheck(t, ids, counts.created, products * stockEach)
    return { workers, ...counts, createdPerSecond: counts.created / seconds, requestsPerSecond: (counts.created + counts.outOfStock + counts.other) / seconds, minStock, oversold }
  } finally {
    await g.stop()
  }
}

const mergeCodes = (runs: Counts[]) => {
  const out: Record<string, number> = {}
  for (const r of runs) for (const [code, n] of Object.entries(r.otherCodes)) out[code] = (out[code] ?? 0) + n
  return out
}

/** The middle value (the mean of the two middle ones for an even count). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * `rounds` rounds, each a raw baseline run then a gateway run of one process and one of every core; each
 * gateway run is compared with the mean of the baselines just before and after it, and the median of those
 * ratios is the figure, so a neighbour's burst on this shared machine moves one round, not the result.
 */
export async function benchOrders(total = 3000, concurrency = 32, products = 20, stockEach = 120, rounds = 3) {
  const t = await startTestApp('postgres')
  try {
    // Enough buyers per gateway run that nobody reaches the per-member caps on unpaid orders (one unit per order).
    const { maxUnpaidOrdersPerMember, maxHeldUnitsPerMember } = t.app.policies.shop
    const buyers = Math.max(concurrency, Math.ceil(total / Math.min(maxUnpaidOrdersPerMember, maxHeldUnitsPerMember)))
    const tokens: string[] = []
    for (let i = 0; i < 2 * rounds * buyers; i++) {
      const r = await fetch(`${t.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: `dev:bench-${i}` } }) })
      tokens.push(((await r.json()) as { data: { token: string } }).data.token)
    }
    const userIds = (await t.app.db.query<{ id: string }>(`select id from users where openid like 'bench-%'`)).map((r) => r.id)
    const buyersOf = (k: number) => tokens.slice(k * buyers, (k + 1) * buyers)

    // The baseline runs on products of its own: raw[0], round 1, raw[1], round 2, ... raw[rounds].
    const rawIds = await Promise.all(Array.from({ length: (rounds + 1) * products }, () => newProduct(t, stockEach)))
    const raw = [await benchRaw(t, userIds, rawIds.slice(0, products), total, concurrency)]
    const singles: Omit<GatewayRun, 'ratio'>[] = []
    const clusters: Omit<GatewayRun, 'ratio'>[] = []
    for (let r = 0; r < rounds; r++) {
      singles.push(await gatewayRun(t, 1, buyersOf(2 * r), total, concurrency, products, stockEach))
      clusters.push(await gatewayRun(t, os.availableParallelism(), buyersOf(2 * r + 1), total, concurrency, products, stockEach))
      raw.push(await benchRaw(t, userIds, rawIds.slice((r + 1) * products, (r + 2) * products), total, concurrency))
    }

    const rawCreated = raw.reduce((n, x) => n + x.created, 0)
    const rawBooks = await stockCheck(t, rawIds, rawCreated, (rounds + 1) * products * stockEach)
    const summary = (runs: Omit<GatewayRun, 'ratio'>[]): GatewayRun & { ratios: number[] } => {
      const ratios = runs.map((g, r) => g.createdPerSecond / ((raw[r].perSecond + raw[r + 1].perSecond) / 2))
      const sum = (k: 'created' | 'outOfStock' | 'other') => runs.reduce((n, g) => n + g[k], 0)
      return {
        workers: runs[0].workers,
        created: sum('created'),
        outOfStock: sum('outOfStock'),
        other: sum('other'),
        otherCodes: mergeCodes(runs),
        createdPerSecond: median(runs.map((g) => g.createdPerSecond)),
        requestsPerSecond: median(runs.map((g) => g.requestsPerSecond)),
        minStock: Math.min(...runs.map((g) => g.minStock)),
        oversold: runs.some((g) => g.oversold),
        ratio: median(ratios),
        ratios,
      }
    }
    return {
      rounds,
      single: summary(singles),
      cluster: summary(clusters),
      raw: {
        perSecond: median(raw.map((x) => x.perSecond)),
        rates: raw.map((x) => x.perSecond),
        created: rawCreated,
        outOfStock: raw.reduce((n, x) => n + x.outOfStock, 0),
        other: raw.reduce((n, x) => n + x.other, 0),
        otherCodes: mergeCodes(raw),
        oversold: rawBooks.oversold,
      },
    }
  } finally {
    await t.close()
  }
}
