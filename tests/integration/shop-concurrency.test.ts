// Reliability of the shop under many concurrent callers, on the PostgreSQL server.
import { call, login, ok, pool, startTestApp, type CallResult, type TestApp } from '../support/app'
import { address, auditCount, buy, newProduct, notify, payOrder, rid, sim, stockOf, withheld } from '../support/shop'
import { openPostgres } from '../../cloud/db'
import { unionTree } from '../support/fixtures'
import { expireDue } from '../../cloud/domain/shop/lifecycle'
import { reconcilePayments } from '../../cloud/domain/shop/payments'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('relief shop under concurrent callers on postgres', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp('postgres', { demo: false })
    await unionTree(t)
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

  /** The buyer's hold row beside what their unpaid member orders really hold. */
  async function holdBooks(openid: string) {
    const [b] = await t.app.db.query<{ orders: number; units: number; held_orders: number; held_units: number }>(
      `with u as (select id from users where openid = $1)
       select (select count(*)::int from orders o, u where o.user_id = u.id and o.status = 'PENDING_PAYMENT' and o.kind = 'member') as orders,
              (select coalesce(sum(i.qty), 0)::int from orders o join order_items i on i.order_id = o.id, u where o.user_id = u.id and o.status = 'PENDING_PAYMENT' and o.kind = 'member') as units,
              coalesce((select open_orders from order_holds h, u where h.user_id = u.id), 0) as held_orders,
              coalesce((select held_units from order_holds h, u where h.user_id = u.id), 0) as held_units`,
      [openid],
    )
    return b
  }
  const quotaFull = (rs: CallResult[]) => rs.every((r) => r.status === 409 && !r.body.ok && r.body.error.code === 'QUOTA_FULL')

  it('should let one member hold no more unpaid orders than the policy allows however many arrive at once, and no one else is held back', async () => {
    const { maxUnpaidOrdersPerMember: cap } = t.app.policies.shop
    const pid = await newProduct(t, 200)
    const tok = await login(t, 'hoarder-orders')
    const results = await Promise.all(Array.from({ length: cap + 6 }, () => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, tok)))
    const placed = results.filter((r) => r.body.ok)
    expect(placed).toHaveLength(cap)
    const refused = results.filter((r) => !r.body.ok)
    expect(refused).toHaveLength(6)
    expect(quotaFull(refused)).toBe(true)
    expect((refused[0].body as any).error.message).toBe(`您已有 ${cap} 笔待支付订单，请先支付或取消后再下单`)
    expect(await stockOf(t, pid)).toBe(200 - cap)
    expect(await holdBooks('hoarder-orders')).toEqual({ orders: cap, units: cap, held_orders: cap, held_units: cap })
    // Another member buys as usual; paying one order frees one place, and only one.
    await buy(t, await login(t, 'bystander'), pid)
    await payOrder(t, tok, (placed[0].body as any).data.orderId)
    const again = await Promise.all(Array.from({ length: 3 }, () => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, tok)))
    expect(again.filter((r) => r.body.ok)).toHaveLength(1)
    expect(quotaFull(again.filter((r) => !r.body.ok))).toBe(true)
    expect(await holdBooks('hoarder-orders')).toEqual({ orders: cap, units: cap, held_orders: cap, held_units: cap })
  })

  it('should stop one member holding a product hostage: of 143 units, one full line and then one more held, the rest sold to others', async () => {
    const { maxHeldUnitsPerMember: maxUnits, memberMaxQtyPerLine: line } = t.app.policies.shop
    const pid = await newProduct(t, 143)
    const tok = await login(t, 'hoarder-units')
    const order = (qty: number) => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty }], delivery: address }, tok)
    await ok(order(line))
    // The rest of the shelf is refused: it would hold more than the policy allows, whatever stock is left.
    const rest = await order(143 - line)
    expect(rest.body).toEqual({ ok: false, error: { code: 'QUOTA_FULL', message: `待支付订单最多为您保留 ${maxUnits} 件商品（已保留 ${line} 件），请先支付或取消部分订单后再下单` } })
    // Small orders at once: together they stop at the cap.
    const small = await Promise.all(Array.from({ length: 8 }, () => order(1)))
    expect(small.filter((r) => r.body.ok)).toHaveLength(maxUnits - line)
    expect(quotaFull(small.filter((r) => !r.body.ok))).toBe(true)
    const left = 143 - maxUnits
    expect(await stockOf(t, pid)).toBe(left)
    // Everyone else shares what is left, unit by unit, and nothing more.
    const crowd = await Promise.all(Array.from({ length: left + 10 }, (_, i) => login(t, `shopper-${i}`)))
    const bought = await Promise.all(crowd.map((c) => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, c)))
    expect(bought.filter((r) => r.body.ok)).toHaveLength(left)
    expect(bought.filter((r) => !r.body.ok).every((r) => (r.body as any).error.code === 'OUT_OF_STOCK')).toBe(true)
    expect(await stockOf(t, pid)).toBe(0)
  })

  it('should keep one member within both caps when orders of any size arrive at once, and release holds on cancel and expiry', async () => {
    const { maxUnpaidOrdersPerMember: maxOrders, maxHeldUnitsPerMember: maxUnits } = t.app.policies.shop
    const pids = await Promise.all([newProduct(t, 500), newProduct(t, 500)])
    const tok = await login(t, 'hoarder-mixed')
    const sizes = Array.from({ length: 18 }, (_, i) => 1 + ((i * 7) % 23))
    const results = await Promise.all(
      sizes.map((qty, i) => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pids[i % 2], qty }, ...(i % 3 ? [] : [{ productId: pids[(i + 1) % 2], qty: 1 }])], delivery: address }, tok)),
    )
    expect(quotaFull(results.filter((r) => !r.body.ok))).toBe(true)
    const books = await holdBooks('hoarder-mixed')
    expect(books.orders).toBe(results.filter((r) => r.body.ok).length)
    expect(books.orders).toBeLessThanOrEqual(maxOrders)
    expect(books.units).toBeLessThanOrEqual(maxUnits)
    expect(books).toEqual({ ...books, held_orders: books.orders, held_units: books.units })
    expect((await stockOf(t, pids[0])) + (await stockOf(t, pids[1]))).toBe(1000 - books.units)
    // Cancelling one and letting the rest expire gives every place back.
    const ids = results.filter((r) => r.body.ok).map((r) => (r.body as any).data.orderId as string)
    await ok(call(t, 'shop', 'cancelOrder', { orderId: ids[0] }, tok))
    await t.app.db.query(`update orders set pay_deadline = now() - interval '1 minute' where id = any($1::uuid[])`, [ids])
    await expireDue(t.app)
    expect(await holdBooks('hoarder-mixed')).toEqual({ orders: 0, units: 0, held_orders: 0, held_units: 0 })
    expect((await stockOf(t, pids[0])) + (await stockOf(t, pids[1]))).toBe(1000)
  })

  it('should settle payments, expiries, cancellations and reconciliation racing on the same orders without a deadlock', async () => {
    const products = await Promise.all(Array.from({ length: 4 }, () => newProduct(t, 100)))
    const buyers = await Promise.all(Array.from({ length: 4 }, (_, i) => login(t, `racer-${i}`)))
    const orders: { orderId: string; token: string; outTradeNo: string }[] = []
    for (let i = 0; i < 32; i++) {
      const token = buyers[i % 4]
      // Two shared products on every order, listed in either order.
      const pair = [products[i % 4], products[(i + 1) % 4]]
      const items = (i % 2 ? pair : pair.reverse()).map((productId) => ({ productId, qty: 1 }))
      const { orderId } = await ok(call(t, 'shop', 'createOrder', { requestId: rid(), items, delivery: address }, token))
      const p = await ok(call(t, 'shop', 'pay', { orderId }, token))
      orders.push({ orderId, token, outTradeNo: p.outTradeNo })
    }
    const ids = orders.map((o) => o.orderId)
    // Every member paid, every notification is late: the orders are past their deadline and reconciliation is due.
    // One after another, as members pay: the simulator's transaction ids are unique per millisecond, not beyond.
    const notes = await withheld(t, async () => {
      const out = []
      for (const o of orders) out.push(await sim(t).payAndNotify(o.outTradeNo))
      return out
    })
    await t.app.db.query(`update orders set pay_deadline = now() - interval '1 minute' where id = any($1::uuid[])`, [ids])
    await t.app.db.query(`update payments set prepaid_at = now() - interval '10 minutes' where order_id = any($1::uuid[])`, [ids])
    const errors: string[] = []
    const logError = t.app.log.error
    t.app.log.error = ((o: { err?: Error }, msg?: string) => void errors.push(`${msg}: ${o?.err?.message}`)) as typeof logError
    let settled: PromiseSettledResult<unknown>[]
    try {
      settled = await Promise.allSettled([
        ...notes.flatMap((n) => [notify(t, n), notify(t, n)]),
        ...Array.from({ length: 4 }, () => expireDue(t.app)),
        ...orders.filter((_, i) => i % 3 === 0).map((o) => call(t, 'shop', 'cancelOrder', { orderId: o.orderId }, o.token)),
        reconcilePayments(t.app),
        reconcilePayments(t.app),
      ])
    } finally {
      t.app.log.error = logError
    }
    // A deadlock would show here first (PostgreSQL aborts one side: "deadlock detected").
    expect(errors).toEqual([])
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([])
    const values = settled.map((s) => (s as PromiseFulfilledResult<unknown>).value)
    expect(new Set(values.slice(0, notes.length * 2))).toEqual(new Set([204]))
    const cancels = values.slice(notes.length * 2 + 4, -2) as CallResult[]
    expect(cancels.filter((r) => !(r.body.ok || (r.status === 409 && r.body.error.code === 'INVALID_STATE')))).toEqual([])
    // Each order went one way only: paid, or cancelled first and its late payment refunded.
    const rows = await t.app.db.query<{ status: string; n: number }>('select status, count(*)::int as n from orders where id = any($1::uuid[]) group by status', [ids])
    expect(rows.every((r) => ['PAID', 'REFUNDING', 'REFUNDED'].includes(r.status))).toBe(true)
    const [books] = await t.app.db.query<{ stock: number; paid: number }>(
      `select (select sum(stock)::int from products where id = any($2::uuid[])) as stock,
              (select coalesce(sum(i.qty), 0)::int from order_items i join orders o on o.id = i.order_id where o.id = any($1::uuid[]) and o.status = 'PAID') as paid`,
      [ids, products],
    )
    expect(books.stock + books.paid).toBe(400)
    for (let i = 0; i < 4; i++) expect(await holdBooks(`racer-${i}`)).toEqual({ orders: 0, units: 0, held_orders: 0, held_units: 0 })
  }, 60_000)
})
