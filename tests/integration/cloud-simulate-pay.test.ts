// shop.simulatePay, the action the pay page calls on H5 and weapp, and the gateway's /pay/simulate/pay
// sharing its implementation: only the buyer, only with the simulated provider outside production.
import { backends, call, login, ok, post, startTestApp, type TestApp } from '../support/app'
import { auditCount, buy, newProduct } from '../support/shop'
import { unionTree } from '../support/fixtures'
import { fn as shopFn } from '../../cloud/functions/shop'
import type { App } from '../../cloud/platform/app'

describe.each(backends())('shop.simulatePay on %s', (backend) => {
  let t: TestApp
  let member: string

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    member = await login(t, 'buyer')
  }, 60_000)
  afterAll(() => t?.close())

  it('should mark the order paid once and answer its status when the buyer confirms twice', async () => {
    const { orderId } = await buy(t, member, await newProduct(t, 5))
    expect(await ok(call(t, 'shop', 'simulatePay', { orderId }, member))).toEqual({ orderId, status: 'PAID' })
    expect(await ok(call(t, 'shop', 'simulatePay', { orderId }, member))).toEqual({ orderId, status: 'PAID' })
    expect(await auditCount(t, orderId, 'order.paid')).toBe(1)
    // The gateway's route takes the same path and finds nothing left to do.
    const [p] = await t.app.db.query<{ out_trade_no: string }>('select out_trade_no from payments where order_id = $1', [orderId])
    expect((await post(t, '/pay/simulate/pay', JSON.stringify({ outTradeNo: p.out_trade_no }))).status).toBe(200)
    expect(await auditCount(t, orderId, 'order.paid')).toBe(1)
  })

  it('should answer NOT_FOUND when another member confirms the order, and INVALID_STATE when it was cancelled', async () => {
    const { orderId } = await buy(t, member, await newProduct(t, 5))
    const rider = await login(t, 'another-buyer')
    expect((await call(t, 'shop', 'simulatePay', { orderId }, rider)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await ok(call(t, 'shop', 'cancelOrder', { orderId }, member))
    expect((await call(t, 'shop', 'simulatePay', { orderId }, member)).body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('should refuse with SIMULATION_DISABLED when real WeChat Pay is configured or the app runs in production', async () => {
    const { orderId } = await buy(t, member, await newProduct(t, 5))
    const wechat: App = { ...t.app, pay: { ...t.app.pay, name: 'wechat' } }
    const production: App = { ...t.app, config: { ...t.app.config, production: true } }
    for (const app of [wechat, production]) {
      const r = await shopFn.handle(app, { action: 'simulatePay', data: { orderId } }, { openid: 'buyer' })
      expect(r).toEqual({ status: 403, body: { ok: false, error: { code: 'SIMULATION_DISABLED', message: '当前环境使用真实微信支付，不能模拟支付' } } })
    }
    expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('PENDING_PAYMENT')
  })
})
