// Order creation on the PostgreSQL server: orders per second through the HTTP gateway (`cloud/server.ts`
// as `npm start` runs it: one process, then WEB_CONCURRENCY workers, one per CPU), and in the same run the
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
const counts = { created: 0, outOfStock: 0, other: 0 }
// Each client works through its own share of the buyers, so no buyer has two orders in flight.
Promise.all(Array.from({ length: concurrency }, async (_, c) => {
  for (let k = 0; ; k++) {
    const i = next++
    if (i >= total) return
    const token = tokens[(c + k * concurrency) % tokens.length]
    const body = await post(url, '/api/shop', token, { action: 'createOrder', data: { requestId: 'req-' + randomBytes(8).toString('hex'), items: [{ productId: ids[i % ids.length], qty: 1 }], delivery: address } })
    if (body.ok) counts.created++
    else if (body.error && body.error.code === 'OUT_OF_STOCK') counts.outOfStock++
    else counts.other++
  }
})).then(() => parentPort.postMessage(counts))
`

interface Counts {
  created: number
  outOfStock: number
  other: number
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
  const counts: Counts = { created: 0, outOfStock: 0, other: 0 }
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
          } catch {
            counts.other++
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
  const g = await startGateways(1, t.databaseUrl!, t.secrets, { workers })
  try {
    // The load runs in a worker thread, so the client's fetch work does not share this event loop.
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

export async function benchOrders(total = 3000, concurrency = 32, products = 20, stockEach = 120) {
  const t = await startTestApp('postgres')
  try {
    const rawIds = await Promise.all(Array.from({ length: 2 * products }, () => newProduct(t, stockEach)))
    // Enough buyers per gateway run that nobody reaches the per-member caps on unpaid orders (one unit per order).
    const { maxUnpaidOrdersPerMember, maxHeldUnitsPerMember } = t.app.policies.shop
    const buyers = Math.max(concurrency, Math.ceil(total / Math.min(maxUnpaidOrdersPerMember, maxHeldUnitsPerMember)))
    const tokens: string[] = []
    for (let i = 0; i < 2 * buyers; i++) {
      const r = await fetch(`${t.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: `dev:bench-${i}` } }) })
      tokens.push(((await r.json()) as { data: { token: string } }).data.token)
    }
    const userIds = (await t.app.db.query<{ id: string }>(`select id from users where openid like 'bench-%'`)).map((r) => r.id)

    // The baseline runs before and after the gateways, on products of its own; its rate is the mean of the two.
    const before = await benchRaw(t, userIds, rawIds.slice(0, products), total, concurrency)
    const single = await gatewayRun(t, 1, tokens.slice(0, buyers), total, concurrency, products, stockEach)
    const cluster = await gatewayRun(t, os.availableParallelism(), tokens.slice(buyers), total, concurrency, products, stockEach)
    const after = await benchRaw(t, userIds, rawIds.slice(products), total, concurrency)

    const rawBooks = await stockCheck(t, rawIds, before.created + after.created, 2 * products * stockEach)
    const rawPerSecond = (before.perSecond + after.perSecond) / 2
    const withRatio = (r: Omit<GatewayRun, 'ratio'>): GatewayRun => ({ ...r, ratio: r.createdPerSecond / rawPerSecond })
    return {
      single: withRatio(single),
      cluster: withRatio(cluster),
      raw: { perSecond: rawPerSecond, created: before.created + after.created, outOfStock: before.outOfStock + after.outOfStock, other: before.other + after.other, oversold: rawBooks.oversold },
    }
  } finally {
    await t.close()
  }
}

