// Reliability of the shop under many concurrent callers, on the PostgreSQL server.
import { call, login, ok, startTestApp, type TestApp } from '../support/app'
import { address, auditCount, newProduct, notify, rid, sim, stockOf, withheld } from '../support/shop'
import { openPostgres } from '../../cloud/db'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

/** Runs fns with at most `width` in flight. */
async function pool<T>(fns: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array(fns.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < fns.length) {
        const i = next++
        out[i] = await fns[i]()
      }
    }),
  )
  return out
}

onServer('relief shop under concurrent callers on postgres', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp('postgres')
  }, 60_000)
  afterAll(() => t?.close())

  it('should sell exactly 50 units to 1,000 buyers arriving at once, never below zero', async () => {
    const pid = await newProduct(t, 50)
    const tokens = await pool(Array.from({ length: 1000 }, (_, i) => () => login(t, `crowd-${i}`)), 50)
    const results = await Promise.all(tokens.map((tok) => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, tok)))
    const okCount = results.filter((r) => r.body.ok).length
    const refused = results.filter((r) => !r.body.ok)
    expect(okCount).toBe(50)
    expect(refused).toHaveLength(950)
    expect(refused.every((r) => r.status === 409 && (r.body as any).error.code === 'OUT_OF_STOCK')).toBe(true)
    expect(await stockOf(t, pid)).toBe(0)
    const [sold] = await t.app.db.query<{ orders: number; qty: number }>('select count(*)::int as orders, sum(qty)::int as qty from order_items where product_id = $1', [pid])
    expect(sold).toEqual({ orders: 50, qty: 50 })
  }, 120_000)

  it('should create one order when the same request is sent 10 times at once', async () => {
    const pid = await newProduct(t, 100)
    const tok = await login(t, 'impatient')
    const body = { requestId: rid(), items: [{ productId: pid, qty: 2 }], delivery: address }
    const results = await Promise.all(Array.from({ length: 10 }, () => ok(call(t, 'shop', 'createOrder', body, tok))))
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1)
    expect(await stockOf(t, pid)).toBe(98)
  })

  it('should change an order once when its notification arrives 20 times at once', async () => {
    const pid = await newProduct(t, 10)
    const tok = await login(t, 'payer')
    const { orderId } = await ok(call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, tok))
    const p = await ok(call(t, 'shop', 'pay', { orderId }, tok))
    const n = await withheld(t, () => sim(t).payAndNotify(p.outTradeNo))
    const codes = await Promise.all(Array.from({ length: 20 }, () => notify(t, n)))
    expect(new Set(codes)).toEqual(new Set([204]))
    expect(await auditCount(t, orderId, 'order.paid')).toBe(1)
    const [pay] = await t.app.db.query<{ status: string }>('select status from payments where order_id = $1', [orderId])
    expect(pay.status).toBe('success')
  })

  it('should leave no half order and consistent stock when connections are killed during order creation', async () => {
    const pid = await newProduct(t, 400)
    const tokens = await pool(Array.from({ length: 200 }, (_, i) => () => login(t, `victim-${i}`)), 50)
    const killer = await openPostgres(process.env.DATABASE_URL!, 1)
    const [{ db }] = await t.app.db.query<{ db: string }>('select current_database() as db')
    let killing = true
    let killed = 0
    const kill = (async () => {
      while (killing) {
        const rows = await killer.query<{ ok: boolean }>(
          `select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')`,
          [db],
        )
        killed += rows.filter((r) => r.ok).length
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const results = await Promise.all(tokens.map((tok) => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 2 }], delivery: address }, tok)))
    killing = false
    await kill
    await killer.close()
    expect(killed).toBeGreaterThan(0)
    const failed = results.filter((r) => !r.body.ok)
    // Failures are clean coded errors, never a stack trace.
    expect(failed.every((r) => (r.body as any).error.code === 'INTERNAL' && !JSON.stringify(r.body).includes(' at '))).toBe(true)
    // After the storm the pool recovers, and the books balance: every unit held belongs to a whole order.
    const [books] = await t.app.db.query<{ stock: number; held: number; orders: number; orphans: number }>(
      `select (select stock from products where id = $1) as stock,
              (select coalesce(sum(qty), 0)::int from order_items where product_id = $1) as held,
              (select count(*)::int from orders o where exists (select 1 from order_items i where i.order_id = o.id and i.product_id = $1)) as orders,
              (select count(*)::int from orders o where not exists (select 1 from order_items i where i.order_id = o.id)) as orphans`,
      [pid],
    )
    expect(books.stock + books.held).toBe(400)
    expect(books.orphans).toBe(0)
    expect(books.orders).toBe(results.filter((r) => r.body.ok).length)
    expect(books.held).toBe(2 * books.orders)
  }, 120_000)
})
