import crypto from 'node:crypto'
import { backends, call, login, ok, post, startTestApp, type TestApp } from '../support/app'
import { address, auditCount, buy, newProduct, notify, payOrder, productByName, rid, sim, stockOf, withheld } from '../support/shop'
import { admin as adminOf, cardHolder, staff as staffOf, station, unionTree } from '../support/fixtures'
import { createSimulatedPay } from '../../cloud/platform/pay/simulated'
import { rsaVerify } from '../../cloud/platform/pay/wechatpay-crypto'
import { expireDue, autoConfirm } from '../../cloud/domain/shop/lifecycle'
import { reconcilePayments } from '../../cloud/domain/shop/payments'

describe.each(backends())('relief shop on %s', (backend) => {
  let t: TestApp
  let member: string
  let newcomer: string
  let staff: string
  let admin: string
  let hdStaff: string

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    const unions = await unionTree(t)
    await cardHolder(t, 'shop-member', { union: '110105001001', name: '李建国', phone: '13811112222' })
    member = await login(t, 'shop-member')
    newcomer = await login(t, 'shopper-new')
    staff = await staffOf(t, 'street-staff', '110105001')
    admin = await adminOf(t, 'platform-admin')
    hdStaff = await staffOf(t, 'haidian-staff', '110108001')
    await station(t, { union: '110105001' })
    // Two gift packs of the city union, as its catalogue lists them.
    const pack = (name: string, county: string, supplier: string, stock: number) => ({
      unionId: unions['110000'], name, province: '湖北省', county, category: 'gift_pack',
      supplier: { name: supplier, licenseNo: 'JY14203810012345', contact: '0719-5221234' }, unit: '份', priceFen: 8800, memberPriceFen: 6800, stock, relief: true, status: 'on_sale',
    })
    await ok(call(t, 'shop', 'saveProduct', pack('送清凉礼包（茶饮组合）', '十堰市丹江口市', '丹江口武当道茶有限公司', 3000), admin))
    await ok(call(t, 'shop', 'saveProduct', pack('金秋助学文具礼包', '十堰市郧阳区', '郧阳区文具用品有限公司', 500), admin))
  }, 60_000)
  afterAll(() => t?.close())

  const later = async (ms: number, fn: () => Promise<void>) => {
    const real = t.app.now
    t.app.now = () => new Date(Date.now() + ms)
    try {
      await fn()
    } finally {
      t.app.now = real
    }
  }

  describe('ordering', () => {
    it('should hold stock, charge members the member price and others the list price', async () => {
      const pid = await newProduct(t, 10)
      const a = await buy(t, member, pid, 2)
      expect(a).toMatchObject({ status: 'PENDING_PAYMENT', payableFen: 5000 })
      const b = await buy(t, newcomer, pid, 1)
      expect(b.payableFen).toBe(3000)
      expect(await stockOf(t, pid)).toBe(7)
      const d = await ok(call(t, 'shop', 'order', { orderId: a.orderId }, member))
      expect(d).toMatchObject({ status: 'PENDING_PAYMENT', delivery: { type: 'address', name: '李建国', phone: '138****2222', detail: '建国门外大街1号国贸物业301' }, items: [{ qty: 2, unitPriceFen: 2500, amountFen: 5000 }] })
      expect(new Date(d.payDeadline).getTime() - new Date(d.createdAt).getTime()).toBe(30 * 60_000)
      // Another member cannot read it.
      expect((await call(t, 'shop', 'order', { orderId: a.orderId }, newcomer)).status).toBe(404)
    })

    it('should keep the contact phone encrypted at rest', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid)
      const [row] = await t.app.db.query<Record<string, unknown>>('select * from orders where id = $1', [orderId])
      expect(JSON.stringify(row)).not.toContain('13811112222')
      expect(row.contact_masked).toMatchObject({ phone: '138****2222' })
    })

    it('should return the first order when the same request is sent again', async () => {
      const pid = await newProduct(t, 10)
      const body = { requestId: rid(), items: [{ productId: pid, qty: 3 }], delivery: address }
      const first = await ok(call(t, 'shop', 'createOrder', body, member))
      const again = await ok(call(t, 'shop', 'createOrder', body, member))
      expect(again).toEqual(first)
      expect(await stockOf(t, pid)).toBe(7)
    })

    it('should draw the order number again when two orders draw the same one', async () => {
      const pid = await newProduct(t, 5)
      const draws = [42, 42, 43]
      const spy = jest.spyOn(crypto, 'randomInt').mockImplementation((() => draws.shift() ?? 44) as typeof crypto.randomInt)
      try {
        const a = await buy(t, newcomer, pid)
        const b = await buy(t, newcomer, pid)
        const nos = await t.app.db.query<{ order_no: string }>('select order_no from orders where id = any($1::uuid[]) order by order_no', [[a.orderId, b.orderId]])
        expect(nos.map((o) => o.order_no.slice(-10))).toEqual(['0000000042', '0000000043'])
      } finally {
        spy.mockRestore()
      }
      expect(await stockOf(t, pid)).toBe(3)
    })

    it('should refuse more than the stock with OUT_OF_STOCK and change nothing', async () => {
      const pid = await newProduct(t, 2)
      const other = await newProduct(t, 5)
      const before = (await t.app.db.query<{ n: number }>('select count(*)::int as n from orders'))[0].n
      const r = await call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: other, qty: 1 }, { productId: pid, qty: 3 }], delivery: address }, member)
      expect(r.status).toBe(409)
      expect(r.body).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } })
      expect((r.body as any).error.message).toContain('仅剩 2 件')
      expect(await stockOf(t, pid)).toBe(2)
      expect(await stockOf(t, other)).toBe(5)
      expect((await t.app.db.query<{ n: number }>('select count(*)::int as n from orders'))[0].n).toBe(before)
    })

    it('should reject bad input with field errors', async () => {
      const pid = await newProduct(t, 500)
      const bad = async (data: Record<string, unknown>, field: string, status = 400) => {
        const r = await call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address, ...data }, member)
        expect(r.status).toBe(status)
        expect(Object.keys((r.body as any).error.fields ?? {}).join(',')).toContain(field)
      }
      await bad({ items: [{ productId: pid, qty: 0 }] }, 'items.0.qty')
      await bad({ items: [] }, 'items')
      await bad({ items: [{ productId: pid, qty: 100 }] }, 'items')
      await bad({ delivery: { ...address, phone: '12345' } }, 'delivery.phone')
      await bad({ delivery: { type: 'drone' } }, 'delivery')
      await bad({ requestId: 'x' }, 'requestId')
      const unknown = await call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: crypto.randomUUID(), qty: 1 }], delivery: address }, member)
      expect(unknown.status).toBe(404)
      expect((await call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address })).status).toBe(401)
    })

    it('should deliver to a station for pickup, and refuse a closed or unknown station', async () => {
      const pid = await newProduct(t, 5)
      const [st] = await t.app.db.query<{ id: string; name: string }>(`select id, name from stations where status = 'active' limit 1`)
      const o = await ok(call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: { type: 'pickup', stationId: st.id } }, member))
      expect((await ok(call(t, 'shop', 'order', { orderId: o.orderId }, member))).delivery).toMatchObject({ type: 'pickup', stationName: st.name })
      const r = await call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: { type: 'pickup', stationId: crypto.randomUUID() } }, member)
      expect(r.status).toBe(400)
    })
  })

  describe('payment', () => {
    it('should give signed wx.requestPayment parameters and mark the order paid once the member pays', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid, 2)
      const p = await ok(call(t, 'shop', 'pay', { orderId }, member))
      expect(p).toMatchObject({ provider: 'simulated', payableFen: 5000, params: { signType: 'RSA' } })
      expect(p.params.package).toMatch(/^prepay_id=wx/)
      // Paying again asks for the same prepay id.
      expect((await ok(call(t, 'shop', 'pay', { orderId }, member))).params.package).toBe(p.params.package)
      expect((await post(t, '/pay/simulate/pay', JSON.stringify({ outTradeNo: p.outTradeNo }))).status).toBe(200)
      const d = await ok(call(t, 'shop', 'order', { orderId }, member))
      expect(d.status).toBe('PAID')
      expect(d.paidAt).toBeTruthy()
      expect(d.timeline.map((e: { status: string }) => e.status)).toEqual(['PENDING_PAYMENT', 'PAID'])
      expect((await call(t, 'shop', 'pay', { orderId }, member)).body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    })

    it('should apply a notification replayed 20 times and out of order exactly once per order', async () => {
      const orders: { orderId: string; outTradeNo: string }[] = []
      for (let i = 0; i < 3; i++) {
        const pid = await newProduct(t, 5)
        const { orderId } = await buy(t, member, pid)
        const p = await ok(call(t, 'shop', 'pay', { orderId }, member))
        orders.push({ orderId, outTradeNo: p.outTradeNo })
      }
      const notes = await withheld(t, async () => {
        const held = []
        for (const o of orders) held.push(await sim(t).payAndNotify(o.outTradeNo))
        return held
      })
      const sends = notes.flatMap((n) => Array.from({ length: 20 }, () => n)).sort(() => Math.random() - 0.5)
      const statuses = await Promise.all(sends.map((n) => notify(t, n)))
      expect(new Set(statuses)).toEqual(new Set([204]))
      for (const o of orders) {
        expect((await ok(call(t, 'shop', 'order', { orderId: o.orderId }, member))).status).toBe('PAID')
        expect(await auditCount(t, o.orderId, 'order.paid')).toBe(1)
      }
    })

    it('should reject forged and tampered notifications and change nothing', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid)
      const p = await ok(call(t, 'shop', 'pay', { orderId }, member))
      const genuine = await withheld(t, () => sim(t).payAndNotify(p.outTradeNo))
      // Body changed after signing.
      const env = JSON.parse(genuine.body)
      env.resource.ciphertext = Buffer.from('{"trade_state":"SUCCESS"}').toString('base64')
      expect(await notify(t, { headers: genuine.headers, body: JSON.stringify(env) })).toBe(401)
      // Signed by someone else's key.
      const forger = createSimulatedPay(t.app.db)
      const forged = await forger.transactionNotification(p.outTradeNo)
      expect(JSON.parse(forged.body).event_type).toBe('TRANSACTION.SUCCESS')
      expect(await notify(t, forged)).toBe(401)
      // No signature at all.
      expect(await notify(t, { headers: { 'content-type': 'application/json' }, body: genuine.body })).toBe(401)
      const res = await fetch(t.url + '/pay/notify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ code: 'FAIL', message: '签名验证失败' })
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('PENDING_PAYMENT')
      // The genuine one still works.
      expect(await notify(t, genuine)).toBe(204)
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('PAID')
    })

    it('should refuse a genuine notification whose amount differs from the order', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid)
      const p = await ok(call(t, 'shop', 'pay', { orderId }, member))
      await t.app.db.query('update sim_pay_transactions set amount_fen = 1 where out_trade_no = $1', [p.outTradeNo])
      await withheld(t, async () => {
        const n = await sim(t).payAndNotify(p.outTradeNo)
        expect(await notify(t, n)).toBe(400)
      })
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('PENDING_PAYMENT')
    })

    it('should let the reconciliation job find a payment whose notification never came', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid)
      const p = await ok(call(t, 'shop', 'pay', { orderId }, member))
      await withheld(t, async () => {
        await sim(t).payAndNotify(p.outTradeNo) // lost on the way
      })
      expect((await reconcilePayments(t.app)).paid).toBe(0) // too early
      await later(3 * 60_000, async () => {
        expect((await reconcilePayments(t.app)).paid).toBe(1)
      })
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('PAID')
    })
  })

  describe('cancellation and deadlines', () => {
    it('should cancel before payment and return the stock once', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid, 2)
      expect(await ok(call(t, 'shop', 'cancelOrder', { orderId }, member))).toEqual({ orderId, status: 'CANCELLED' })
      expect(await ok(call(t, 'shop', 'cancelOrder', { orderId }, member))).toEqual({ orderId, status: 'CANCELLED' })
      expect(await stockOf(t, pid)).toBe(5)
      expect((await call(t, 'shop', 'pay', { orderId }, member)).body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    })

    it('should cancel an unpaid order at its deadline when it is read, returning its stock', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid, 3)
      await later(31 * 60_000, async () => {
        expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('CANCELLED')
      })
      expect(await stockOf(t, pid)).toBe(5)
    })

    it('should cancel overdue orders in the job, and refund a payment that lands after cancellation', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid, 1)
      const p = await ok(call(t, 'shop', 'pay', { orderId }, member))
      // The member paid; the notification is delayed.
      const late = await withheld(t, () => sim(t).payAndNotify(p.outTradeNo))
      await later(31 * 60_000, async () => {
        expect(await expireDue(t.app)).toBeGreaterThanOrEqual(1)
      })
      expect(await stockOf(t, pid)).toBe(5)
      expect(await notify(t, late)).toBe(204)
      // The refund notification comes from the simulator on its own.
      for (let i = 0; i < 50 && (await ok(call(t, 'shop', 'order', { orderId }, member))).status !== 'REFUNDED'; i++) await new Promise((r) => setTimeout(r, 20))
      const d = await ok(call(t, 'shop', 'order', { orderId }, member))
      expect(d.status).toBe('REFUNDED')
      expect(d.refund).toMatchObject({ status: 'success', amountFen: 2500 })
      expect(await stockOf(t, pid)).toBe(5)
    })
  })

  describe('fulfilment, receipt and refunds', () => {
    it('should let the selling union ship, the member confirm, and refuse other unions', async () => {
      const pid = await newProduct(t, 5) // sold by the city union
      const { orderId } = await buy(t, member, pid)
      await payOrder(t, member, orderId)
      expect((await call(t, 'shop', 'fulfil', { orderId, trackingNo: 'SF1234567890' }, staff)).status).toBe(403)
      expect((await call(t, 'shop', 'fulfil', { orderId }, admin)).body).toMatchObject({ ok: false, error: { fields: { trackingNo: '请填写快递单号' } } })
      expect(await ok(call(t, 'shop', 'fulfil', { orderId, trackingNo: 'SF1234567890' }, admin))).toEqual({ orderId, status: 'SHIPPED' })
      expect(await ok(call(t, 'shop', 'confirmReceipt', { orderId }, member))).toEqual({ orderId, status: 'COMPLETED' })
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).timeline.map((e: { status: string }) => e.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED'])
    })

    it('should confirm receipt automatically after the policy days', async () => {
      const pid = await newProduct(t, 5, '110105001')
      const { orderId } = await buy(t, member, pid)
      await payOrder(t, member, orderId)
      await ok(call(t, 'shop', 'fulfil', { orderId, trackingNo: 'YT998877' }, staff))
      expect(await autoConfirm(t.app)).toBe(0)
      await later(11 * 86400_000, async () => {
        expect(await autoConfirm(t.app)).toBeGreaterThanOrEqual(1)
      })
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('COMPLETED')
    })

    it('should refund a paid order once, with a stable refund number, and return unshipped stock', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid, 2)
      await payOrder(t, member, orderId)
      expect(await stockOf(t, pid)).toBe(3)
      await withheld(t, async () => {
        expect(await ok(call(t, 'shop', 'refund', { orderId, reason: '买多了' }, member))).toEqual({ orderId, status: 'REFUNDING' })
        expect(await ok(call(t, 'shop', 'refund', { orderId, reason: '买多了' }, member))).toEqual({ orderId, status: 'REFUNDING' })
      })
      const d = await ok(call(t, 'shop', 'order', { orderId }, member))
      expect(d.refund.outRefundNo).toBe(`RF${d.orderNo}`)
      const n = await sim(t).completeRefund(d.refund.outRefundNo)
      const codes = await Promise.all(Array.from({ length: 5 }, () => notify(t, n, '/pay/refund-notify')))
      expect(new Set(codes)).toEqual(new Set([204]))
      expect((await ok(call(t, 'shop', 'order', { orderId }, member))).status).toBe('REFUNDED')
      expect(await stockOf(t, pid)).toBe(5)
      expect(await auditCount(t, orderId, 'order.refunded')).toBe(1)
    })

    it('should refuse a refund before payment', async () => {
      const pid = await newProduct(t, 5)
      const { orderId } = await buy(t, member, pid)
      expect((await call(t, 'shop', 'refund', { orderId, reason: '不想要了' }, member)).body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    })
  })

  describe('union bulk purchase, products and ledger', () => {
    it('should let staff buy 2,700 gift packs for a union in scope, with an invoice, counted in its ledger', async () => {
      const pack = await productByName(t, '送清凉礼包（茶饮组合）')
      const [guomao] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001001'`)
      const body = {
        requestId: rid(),
        unionId: guomao.id,
        items: [{ productId: pack.id, qty: 2700 }],
        invoice: { title: '北京国贸物业管理有限公司工会委员会', taxNo: '81110105MC1234567X' },
        delivery: { name: '王会计', phone: '13900002222', region: '北京市朝阳区', detail: '建国门外大街1号国贸工会办公室' },
      }
      const o = await ok(call(t, 'shop', 'bulkOrder', body, staff))
      expect(o.payableFen).toBe(2700 * pack.member_price_fen)
      expect(await stockOf(t, pack.id)).toBe(300)
      await payOrder(t, staff, o.orderId)
      const ledger = await ok(call(t, 'shop', 'ledger', { by: 'union' }, staff))
      const row = ledger.rows.find((r: { label: string }) => r.label === '北京国贸物业管理有限公司工会')
      expect(row.qty).toBeGreaterThanOrEqual(2700)
      const line = ledger.lines.find((l: { orderId: string }) => l.orderId === o.orderId)
      expect(line).toMatchObject({ kind: 'bulk', qty: 2700, invoiceTitle: body.invoice.title, invoiceTaxNo: body.invoice.taxNo, county: '十堰市丹江口市', supplier: '丹江口武当道茶有限公司' })
      expect(line.transactionId).toMatch(/^4200/)
      expect(line.outTradeNo).toBe(line.orderNo)
    })

    it('should refuse bulk orders for unions out of scope or with a bad tax number', async () => {
      const pack = await productByName(t, '金秋助学文具礼包')
      const [hd] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110108001002'`)
      const body = { requestId: rid(), unionId: hd.id, items: [{ productId: pack.id, qty: 10 }], invoice: { title: '海淀区中关村物业服务企业联合工会', taxNo: '81110108MC7654321Y' }, delivery: { name: '张会计', phone: '13900003333', region: '北京市海淀区', detail: '中关村大街1号' } }
      expect((await call(t, 'shop', 'bulkOrder', body, staff)).status).toBe(403)
      expect((await call(t, 'shop', 'bulkOrder', body, member)).status).toBe(403)
      const badTax = await call(t, 'shop', 'bulkOrder', { ...body, invoice: { ...body.invoice, taxNo: '123' } }, hdStaff)
      expect(badTax.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'invoice.taxNo': expect.any(String) } } })
    })

    it('should let staff manage products of their own union only', async () => {
      const [jw] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001'`)
      const [city] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110000'`)
      const form = {
        unionId: jw.id,
        name: '建外驿站专供 敖汉小米',
        province: '内蒙古自治区',
        county: '赤峰市敖汉旗',
        category: 'grain_oil',
        supplier: { name: '敖汉旗惠隆杂粮种植农民专业合作社', licenseNo: 'JY11504300012345', contact: '0476-4321234' },
        unit: '袋',
        priceFen: 3990,
        memberPriceFen: 3590,
        stock: 100,
        relief: true,
        status: 'on_sale',
      }
      const { id } = await ok(call(t, 'shop', 'saveProduct', form, staff))
      await ok(call(t, 'shop', 'saveProduct', { ...form, id, stock: 80 }, staff))
      expect(await stockOf(t, id)).toBe(80)
      expect((await call(t, 'shop', 'saveProduct', { ...form, unionId: city.id }, staff)).status).toBe(403)
      expect((await call(t, 'shop', 'saveProduct', { ...form, id, unionId: jw.id }, hdStaff)).status).toBe(403)
      expect((await call(t, 'shop', 'saveProduct', { ...form, memberPriceFen: 5000 }, staff)).body).toMatchObject({ ok: false, error: { fields: { memberPriceFen: '会员价不能高于原价' } } })
      expect((await call(t, 'shop', 'saveProduct', { ...form, stock: -1 }, staff)).status).toBe(400)
    })
  })

  it('should sign wx.requestPayment parameters over appId, timeStamp, nonceStr and package', async () => {
    const pid = await newProduct(t, 5)
    const { orderId } = await buy(t, member, pid)
    const { params } = await ok(call(t, 'shop', 'pay', { orderId }, member))
    const message = `${sim(t).appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
    expect(rsaVerify(sim(t).publicKeyPem, message, params.paySign)).toBe(true)
    expect(rsaVerify(sim(t).publicKeyPem, message.replace('prepay_id=', 'prepay_id=x'), params.paySign)).toBe(false)
  })
})
