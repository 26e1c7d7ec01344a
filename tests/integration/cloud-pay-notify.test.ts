// The built `payNotify` function behind CloudBase's HTTP access service: WeChat Pay's notifications,
// signed in this process by the simulator (keys shared through the database) and verified in the instances.
import { createSimulatedPay, type SimulatedPay } from '../../cloud/platform/pay/simulated'
import { builtFunctions, callAs, cloudDatabase, httpEvent, startInstance, type CloudDb, type Instance } from '../support/cloudbase'
import { address, auditCount, newProduct, rid, stockOf } from '../support/shop'
import { unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('payNotify function over HTTP access', () => {
  let root: string
  let cdb: CloudDb
  let shop: Instance
  let notifiers: Instance[]
  let sim: SimulatedPay

  beforeAll(async () => {
    root = await builtFunctions()
    cdb = await cloudDatabase({ demo: false })
    await unionTree(cdb)
    sim = cdb.app.pay as SimulatedPay
    shop = startInstance(`${root}/shop`, cdb.env)
    notifiers = [1, 2, 3].map(() => startInstance(`${root}/payNotify`, cdb.env))
  }, 180_000)
  afterAll(async () => {
    await Promise.all([shop, ...(notifiers ?? [])].map((i) => i?.close()))
    await cdb?.close()
  })
  afterEach(() => {
    for (const i of [shop, ...notifiers]) expect(i.crashes).toEqual([])
  })

  /** A member's order, prepaid through the built shop function. */
  async function prepaidOrder(qty = 1) {
    const pid = await newProduct(cdb, 5)
    const { data } = await callAs(shop, 'cloud-member', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty }], delivery: address })
    const pay = await callAs(shop, 'cloud-member', 'pay', { orderId: data.orderId })
    expect(pay).toMatchObject({ ok: true, data: { provider: 'simulated' } })
    return { pid, orderId: data.orderId as string, outTradeNo: pay.data.outTradeNo as string }
  }
  const statusOf = async (orderId: string) => (await cdb.app.db.query<{ status: string }>('select status from orders where id = $1', [orderId]))[0].status

  it('should mark the order paid exactly once when its notification is replayed and delivered concurrently to three instances', async () => {
    const { orderId, outTradeNo } = await prepaidOrder()
    const n = await sim.payAndNotify(outTradeNo)
    const deliveries = Array.from({ length: 24 }, (_, k) =>
      notifiers[k % 3].invoke(httpEvent(k % 4 === 0 ? '/wu/pay/notify' : '/pay/notify', n, { base64: k % 2 === 1 })),
    )
    const answers = await Promise.all(deliveries)
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([204]))
    expect(answers[0]).toEqual({ statusCode: 204, headers: {}, body: '', isBase64Encoded: false })
    // And once more, late, after it was applied.
    expect((await notifiers[0].invoke(httpEvent('/pay/notify', n))).statusCode).toBe(204)
    expect(await statusOf(orderId)).toBe('PAID')
    expect(await auditCount(cdb, orderId, 'order.paid')).toBe(1)
    const [p] = await cdb.app.db.query<{ status: string; notes: number }>(
      `select p.status, (select count(*)::int from pay_notifications where out_trade_no = p.out_trade_no) as notes from payments p where p.order_id = $1`,
      [orderId],
    )
    expect(p).toEqual({ status: 'success', notes: 1 })
  })

  it('should refuse a forged, tampered or unsigned notification with 401 and change nothing', async () => {
    const { orderId, outTradeNo } = await prepaidOrder()
    const genuine = await sim.payAndNotify(outTradeNo)
    const stranger = await createSimulatedPay(cdb.app.db).transactionNotification(outTradeNo)
    const env = JSON.parse(genuine.body)
    env.resource.ciphertext = Buffer.from('{"trade_state":"SUCCESS"}').toString('base64')
    const tampered = { headers: genuine.headers, body: JSON.stringify(env) }
    const unsigned = { headers: { 'content-type': 'application/json' }, body: genuine.body }
    for (const n of [stranger, tampered, unsigned]) {
      expect(await notifiers[1].invoke(httpEvent('/pay/notify', n))).toMatchObject({ statusCode: 401, body: JSON.stringify({ code: 'FAIL', message: '签名验证失败' }) })
    }
    expect(await statusOf(orderId)).toBe('PENDING_PAYMENT')
    // The genuine one, from another process's key, still applies.
    expect((await notifiers[2].invoke(httpEvent('/pay/notify', genuine))).statusCode).toBe(204)
    expect(await statusOf(orderId)).toBe('PAID')
  })

  it('should apply a refund once and return the stock when its notification arrives five times at once at /pay/refund-notify', async () => {
    const { pid, orderId, outTradeNo } = await prepaidOrder(2)
    expect((await notifiers[0].invoke(httpEvent('/pay/notify', await sim.payAndNotify(outTradeNo)))).statusCode).toBe(204)
    expect(await stockOf(cdb, pid)).toBe(3)
    expect(await callAs(shop, 'cloud-member', 'refund', { orderId, reason: '买重复了' })).toMatchObject({ ok: true, data: { status: 'REFUNDING' } })
    const [r] = await cdb.app.db.query<{ out_refund_no: string }>('select out_refund_no from refunds where order_id = $1', [orderId])
    const n = await sim.completeRefund(r.out_refund_no)
    const answers = await Promise.all(Array.from({ length: 5 }, (_, k) => notifiers[k % 3].invoke(httpEvent('/pay/refund-notify', n))))
    expect(answers.map((a) => a.statusCode)).toEqual([204, 204, 204, 204, 204])
    expect(await statusOf(orderId)).toBe('REFUNDED')
    expect(await auditCount(cdb, orderId, 'order.refunded')).toBe(1)
    expect(await stockOf(cdb, pid)).toBe(5)
  })

  it('should answer 404 for another path and 405 for another method when the request is not a notification', async () => {
    const n = { headers: { 'content-type': 'application/json' }, body: '{}' }
    expect(await notifiers[0].invoke(httpEvent('/api/shop', n))).toMatchObject({ statusCode: 404, body: JSON.stringify({ code: 'FAIL', message: '未知的通知地址' }) })
    expect(await notifiers[0].invoke(httpEvent('/pay/notify', n, { method: 'GET' }))).toMatchObject({ statusCode: 405 })
    expect(await notifiers[0].invoke({})).toMatchObject({ statusCode: 404 })
  })
})
