// The demo as the demo: what `npm start` shows on an empty database, loaded once however often it is asked.
// Other test files build their own data (tests/support/fixtures.ts); a few use the demo as a ready-made city.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { productByName } from '../support/shop'
import { loadDemo } from '../../cloud/demo'

describe.each(backends())('demo data on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(backend)
  }, 60_000)
  afterAll(() => t?.close())

  const count = async (sql: string) => (await t.app.db.query<{ n: number }>(sql))[0].n

  it('should change nothing when the demo is loaded again', async () => {
    const tables = ['unions', 'users', 'members', 'cards', 'stations', 'products', 'campaigns', 'subsidy_applications', 'subsidy_files']
    const before = await Promise.all(tables.map((x) => count(`select count(*)::int as n from ${x}`)))
    await loadDemo(t.app)
    expect(await Promise.all(tables.map((x) => count(`select count(*)::int as n from ${x}`)))).toEqual(before)
  })

  it('should give demo-member the active card of 李建国 in the Guomao property union', async () => {
    const card = await ok(call(t, 'member', 'myCard', {}, await login(t, 'demo-member')))
    expect(card).toMatchObject({ status: 'active', name: '李建国', unionName: '北京国贸物业管理有限公司工会', phoneMasked: '138****2222' })
  })

  it('should make demo-staff the Jianwai street clerk with registrations waiting, and demo-admin the platform admin', async () => {
    const staff = await login(t, 'demo-staff')
    expect(await ok(call(t, 'auth', 'me', {}, staff))).toMatchObject({ roles: expect.arrayContaining(['staff']) })
    const queue = await ok(call(t, 'member', 'pending', {}, staff))
    expect(queue.items.map((i: { name: string }) => i.name).sort()).toEqual(['刘洋', '王芳', '赵强'].sort())
    expect(await ok(call(t, 'auth', 'me', {}, await login(t, 'demo-admin')))).toMatchObject({ roles: expect.arrayContaining(['admin']) })
  })

  it('should hold 2,000 stations, a shop on sale, published campaigns and hardship cases to show', async () => {
    expect(await count(`select count(*)::int as n from stations where status = 'active'`)).toBe(2000)
    expect(await count(`select count(*)::int as n from products where status = 'on_sale'`)).toBeGreaterThan(0)
    expect(await count(`select count(*)::int as n from campaigns where status = 'published'`)).toBe(4)
    expect(await count(`select count(*)::int as n from subsidy_files`)).toBeGreaterThan(0)
    const near = await ok(call(t, 'station', 'nearby', { lat: 39.9087, lng: 116.4605, radiusM: 3000 }, await login(t, 'demo-member')))
    expect(near.items.length).toBeGreaterThan(0)
  })

  describe('the demo shop', () => {
    let member: string
    let staff: string
    let hdStaff: string
    beforeAll(async () => {
      member = await login(t, 'demo-member')
      staff = await login(t, 'demo-staff')
      hdStaff = await login(t, 'demo-staff-haidian')
    })

    it('should list relief products by category and origin without login, and search by name or county', async () => {
      const all = await ok(call(t, 'shop', 'products', { limit: 50 }))
      expect(all.items.length).toBeGreaterThanOrEqual(40)
      expect(all.origins.some((o: { county: string }) => o.county === '和田地区洛浦县')).toBe(true)
      const tea = await ok(call(t, 'shop', 'products', { category: 'tea' }))
      expect(tea.items.length).toBeGreaterThan(0)
      expect(tea.items.every((p: { category: string }) => p.category === 'tea')).toBe(true)
      const xj = await ok(call(t, 'shop', 'products', { province: '新疆维吾尔自治区' }))
      expect(xj.items.every((p: { province: string }) => p.province === '新疆维吾尔自治区')).toBe(true)
      expect((await ok(call(t, 'shop', 'products', { q: '小米' }))).items.map((p: { name: string }) => p.name)).toContain('赤峰小米 5斤装')
      expect((await ok(call(t, 'shop', 'products', { q: '张北' }))).items.length).toBeGreaterThan(0)
      const p1 = await ok(call(t, 'shop', 'products', { limit: 10 }))
      const p2 = await ok(call(t, 'shop', 'products', { limit: 10, cursor: p1.nextCursor }))
      expect([...p1.items, ...p2.items].map((p: { id: string }) => p.id)).toEqual(all.items.slice(0, 20).map((p: { id: string }) => p.id))
    })

    it('should show a product with its supplier and licence', async () => {
      const p = await productByName(t, '洛浦红枣 1kg')
      const d = await ok(call(t, 'shop', 'product', { id: p.id }))
      expect(d).toMatchObject({ name: '洛浦红枣 1kg', county: '和田地区洛浦县', relief: true, supplier: { name: '洛浦县昆仑红枣有限公司' } })
      expect(d.supplier.licenseNo).toMatch(/^JY/)
    })

    it('should open every order in the demo history, the 2,700-pack union purchase included', async () => {
      for (const token of [member, staff]) {
        const mine = await ok(call(t, 'shop', 'myOrders', { limit: 50 }, token))
        expect(mine.items.length).toBeGreaterThan(0)
        for (const o of mine.items) expect((await call(t, 'shop', 'order', { orderId: o.orderId }, token)).status).toBe(200)
      }
      // An order from data seeded before contacts were sealed still opens, showing the masked copy.
      const seeded = (await ok(call(t, 'shop', 'myOrders', { limit: 50 }, member))).items.find((o: any) => o.status === 'COMPLETED')
      await t.app.db.query('update orders set contact_enc = null where id = $1', [seeded.orderId])
      expect(await ok(call(t, 'shop', 'order', { orderId: seeded.orderId }, member))).toMatchObject({ delivery: { type: 'address', name: '李**', phone: '138****2222' } })
      const bulk = (await ok(call(t, 'shop', 'myOrders', { limit: 50 }, staff))).items.find((o: any) => o.kind === 'bulk')
      expect(await ok(call(t, 'shop', 'order', { orderId: bulk.orderId }, staff))).toMatchObject({ status: 'COMPLETED', invoice: { taxNo: '81110105MC1234567X' }, delivery: { phone: '138****8000' } })
    })

    it('should total the ledger by origin, category, supplier and month, and export CSV, within scope', async () => {
      const byCounty = await ok(call(t, 'shop', 'ledger', { by: 'county' }, staff))
      const sumRows = byCounty.rows.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0)
      const sumLines = byCounty.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0)
      expect(sumRows).toBe(byCounty.totals.amountFen)
      expect(sumLines).toBe(byCounty.totals.amountFen)
      expect(byCounty.rows.find((r: { label: string }) => r.label === '内蒙古自治区 赤峰市敖汉旗').qty).toBeGreaterThanOrEqual(2700)
      for (const by of ['category', 'supplier', 'month']) {
        const l = await ok(call(t, 'shop', 'ledger', { by }, staff))
        expect(l.rows.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0)).toBe(byCounty.totals.amountFen)
      }
      const jan = await ok(call(t, 'shop', 'ledger', { by: 'month', from: '2026-01-01', to: '2026-01-31' }, staff))
      expect(jan.rows.map((r: { label: string }) => r.label)).toEqual(['2026-01'])
      const csv = await ok(call(t, 'shop', 'ledger', { by: 'category', format: 'csv' }, staff))
      expect(csv.csv.startsWith('\uFEFF按品类汇总,数量,金额（元）,订单数')).toBe(true)
      expect(csv.csv).toContain('订单号,支付时间,购买工会')
      expect(csv.csv).toContain('81110105MC1234567X')
      // Another district's staff see none of these purchases.
      const other = await ok(call(t, 'shop', 'ledger', { by: 'union' }, hdStaff))
      expect(other.lines.some((l: { buyerUnion: string }) => l.buyerUnion === '北京国贸物业管理有限公司工会')).toBe(false)
      expect((await call(t, 'shop', 'ledger', { by: 'county' }, member)).status).toBe(403)
      expect((await call(t, 'shop', 'ledger', { by: 'colour' }, staff)).status).toBe(400)
    })
  })
})
