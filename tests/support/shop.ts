// Helpers for shop tests: products, orders and the simulated payment provider.
import crypto from 'node:crypto'
import { call, ok, post, type TestApp } from './app'
import type { SimulatedPay } from '../../cloud/platform/pay/simulated'

export const sim = (t: TestApp) => t.app.pay as SimulatedPay

/** Anything holding the app: a test gateway, or the cloud tests' database. */
type WithApp = Pick<TestApp, 'app'>

export const address = { type: 'address', name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号国贸物业301' }

export async function productByName(t: WithApp, name: string) {
  return (await t.app.db.query<{ id: string; stock: number; price_fen: number; member_price_fen: number; union_id: string }>('select * from products where name = $1', [name]))[0]
}

export async function stockOf(t: WithApp, id: string): Promise<number> {
  return (await t.app.db.query<{ stock: number }>('select stock from products where id = $1', [id]))[0].stock
}

/** A relief product of the union with this code (25 yuan to members unless said). */
export async function newProduct(t: WithApp, stock: number, unionCode = '110000', memberPriceFen = 2500): Promise<string> {
  const [u] = await t.app.db.query<{ id: string }>('select id from unions where code = $1', [unionCode])
  const [p] = await t.app.db.query<{ id: string }>(
    `insert into products (union_id, name, province, county, category, supplier_name, supplier_license, supplier_contact, unit, price_fen, member_price_fen, stock)
     values ($1, $2, '河北省', '张家口市张北县', 'grain_oil', '张北县坝上农业开发有限公司', 'JY11301220000001', '0313-5220000', '袋', $4, $5, $3) returning id`,
    [u.id, `测试商品${crypto.randomBytes(3).toString('hex')}`, stock, memberPriceFen + 500, memberPriceFen],
  )
  return p.id
}

export const rid = () => `req-${crypto.randomBytes(8).toString('hex')}`

export async function buy(t: TestApp, token: string, productId: string, qty = 1) {
  return ok(call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId, qty }], delivery: address }, token))
}

/** Pays an order through the simulator: prepay, then the "member paid" step over HTTP. */
export async function payOrder(t: TestApp, token: string, orderId: string) {
  const p = await ok(call(t, 'shop', 'pay', { orderId }, token))
  const r = await post(t, '/pay/simulate/pay', JSON.stringify({ outTradeNo: p.outTradeNo }))
  if (r.status !== 200) throw new Error(`simulate pay failed: ${r.status} ${r.text}`)
  return p
}

export async function notify(t: TestApp, n: { headers: Record<string, string>; body: string }, path = '/pay/notify') {
  const res = await fetch(t.url + path, { method: 'POST', headers: n.headers, body: n.body })
  return res.status
}

export async function auditCount(t: WithApp, orderId: string, action: string): Promise<number> {
  return (await t.app.db.query<{ n: number }>('select count(*)::int as n from audit_log where entity_id = $1 and action = $2', [orderId, action]))[0].n
}

/** Runs fn while the simulator keeps its notifications to itself (to replay, reorder or delay them). */
export async function withheld<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  const deliver = sim(t).deliver
  sim(t).deliver = undefined
  try {
    return await fn()
  } finally {
    sim(t).deliver = deliver
  }
}
