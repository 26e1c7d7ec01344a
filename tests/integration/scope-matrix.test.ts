// Staff of one union see and change nothing outside their subtree: every staff action of every domain,
// called by a Haidian street-union clerk against the Jianwai street union's members, stations, orders and campaigns.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { functions } from '../../cloud/functions'
import { address, newProduct, payOrder, rid } from '../support/shop'
import { application, budget, filedHousehold, person } from '../support/subsidy'
import { adminUser, cardHolder, member as cardMember, staff as staffOf, station, unionTree } from '../support/fixtures'

type Case = { data: Record<string, unknown>; expect: 'forbidden' } | { data: Record<string, unknown>; expect: 'excludes'; list: (body: any) => string[]; target: string }
/** A decision tried by the one person four eyes keep from taking it: named `<function>.<action> <why>`. */
type OwnCase = { actor: string; data: Record<string, unknown> }

describe.each(backends())('staff scope matrix on %s', (backend) => {
  let t: TestApp
  let outsider: string
  const ids: Record<string, string> = {}
  let cases: Record<string, Case>
  let ownCases: Record<string, OwnCase>

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    const unions = await unionTree(t)
    outsider = await staffOf(t, 'haidian-staff', '110108001')
    const staff = await staffOf(t, 'street-staff', '110105001')
    const gm = await staffOf(t, 'guomao-staff', '110105001001')
    await adminUser(t, 'platform-admin')
    const member = (await cardMember(t, 'card-member', { union: '110105001001', name: '李建国' })).token
    const one = async <T>(sql: string, params: unknown[] = []) => (await t.app.db.query<T>(sql, params))[0]
    ids.jianwai = unions['110105001']
    ids.guomao = unions['110105001001']
    ids.pendingName = '赵强'
    ids.pendingMember = (await cardHolder(t, 'pending-guard', { union: '110105001004', name: ids.pendingName, status: 'pending' })).memberId
    ids.station = await station(t, { union: '110105001' })
    ids.qr = (await ok(call(t, 'member', 'myCard', {}, member))).qr
    // A paid order for a product sold by the Jianwai counter, waiting to be shipped.
    const product = await newProduct(t, 10, '110105001')
    ids.product = product
    const order = await ok(call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: product, qty: 1 }], delivery: address }, member))
    await payOrder(t, member, order.orderId)
    ids.order = order.orderId
    const claim = { kind: 'send_warmth', title: '冬送温暖：防寒包免费领', body: '建外街道总工会为辖区会员准备了防寒包。', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86400_000).toISOString(), action: 'claim', quota: 10, stationId: ids.station }
    const campaign = (await ok(call(t, 'campaign', 'save', claim, staff))).id
    await ok(call(t, 'campaign', 'publish', { id: campaign }, staff))
    ids.campaign = campaign
    ids.code = (await ok(call(t, 'campaign', 'join', { id: campaign }, member))).code
    ids.draft = (await ok(call(t, 'campaign', 'save', { kind: 'activity', title: '建外读书会', body: '每周六下午在职工之家读书分享。', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 86400_000).toISOString(), action: 'signup' }, staff))).id

    // Hardship relief: an application checked by the company union, waiting for the street union, and a Jianwai file.
    const guard = await person(t, 'matrix-guard', { name: '刘德胜', phone: '13910102020', memberUnion: '110105001001' })
    ids.application = (await ok(call(t, 'subsidy', 'apply', application({ phone: '13910102020' }), guard.token))).applicationId
    await ok(call(t, 'subsidy', 'review', { applicationId: ids.application, decision: 'pass', step: 'check' }, gm))
    const care = await cardHolder(t, 'matrix-care', { union: '110105001003', name: '何秀英' })
    ids.file = await filedHousehold(t, care, { household: [{ relation: 'self', monthlyIncomeFen: 220000 }, { relation: 'parent', monthlyIncomeFen: 30000 }], conditions: ['serious_illness'] })
    await budget(t, '110105001', 'winter_warmth', 5_000_000)
    await budget(t, '110105001', 'comfort_serious', 3_000_000)
    // A budget increase by the Jianwai clerk, waiting for a second person.
    const year = (await one<{ year: number }>(`select year from subsidy_budgets where union_id = $1 and programme = 'winter_warmth'`, [ids.jianwai])).year
    ids.change = (await ok(call(t, 'subsidy', 'setBudget', { unionId: ids.jianwai, programme: 'winter_warmth', year, totalFen: 6_000_000 }, staff))).changeId

    const productForm = { unionId: ids.jianwai, name: '越权商品', province: '河北省', county: '张北县', category: 'grain_oil', supplier: { name: '某合作社', licenseNo: 'JY1234567890', contact: '0313-1234567' }, unit: '袋', priceFen: 1000, memberPriceFen: 900, stock: 10, relief: true, status: 'on_sale' }
    const stationForm = { unionId: ids.jianwai, kind: 'warm_station', name: '越权驿站', address: '北京市朝阳区建国路1号', district: '朝阳区', lat: 39.9, lng: 116.45, services: ['water'], hours: { is24h: true } }
    const campaignForm = { unionId: ids.jianwai, kind: 'activity', title: '越权活动', body: '这是一个越权创建的活动。', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 86400_000).toISOString(), action: 'signup' }
    cases = {
      'member.pending': { data: {}, expect: 'excludes', list: (b) => b.items.map((i: { name: string }) => i.name), target: ids.pendingName },
      'member.review': { data: { memberId: ids.pendingMember, approve: true }, expect: 'forbidden' },
      'member.verifyCard': { data: { qr: ids.qr }, expect: 'forbidden' },
      'station.save': { data: stationForm, expect: 'forbidden' },
      'station.close': { data: { id: ids.station, reason: '越权关闭' }, expect: 'forbidden' },
      'station.reopen': { data: { id: ids.station }, expect: 'forbidden' },
      'station.stats': { data: { unionId: ids.jianwai }, expect: 'forbidden' },
      'station.list': { data: { unionId: ids.jianwai }, expect: 'forbidden' },
      'station.ranking': { data: {}, expect: 'excludes', list: (b) => b.items.map((i: { id: string }) => i.id), target: ids.station },
      'shop.fulfil': { data: { orderId: ids.order, trackingNo: 'SF000' }, expect: 'forbidden' },
      'shop.bulkOrder': { data: { requestId: rid(), unionId: ids.guomao, items: [{ productId: product, qty: 1 }], invoice: { title: '越权团购工会', taxNo: '81110105MC1234567X' }, delivery: { name: '张三', phone: '13800000000', region: '北京市', detail: '朝阳区建国路1号' } }, expect: 'forbidden' },
      'shop.saveProduct': { data: productForm, expect: 'forbidden' },
      'shop.ledger': { data: { by: 'union', unionId: ids.guomao }, expect: 'forbidden' },
      'campaign.save': { data: campaignForm, expect: 'forbidden' },
      'campaign.publish': { data: { id: ids.draft }, expect: 'forbidden' },
      'campaign.close': { data: { id: ids.campaign }, expect: 'forbidden' },
      'campaign.verifyClaim': { data: { code: ids.code }, expect: 'forbidden' },
      'campaign.stats': { data: { id: ids.campaign }, expect: 'forbidden' },
      'campaign.list': { data: {}, expect: 'excludes', list: (b) => b.items.map((i: { id: string }) => i.id), target: ids.campaign },
      'console.dashboard': { data: { unionId: ids.jianwai }, expect: 'forbidden' },
      'console.export': { data: { table: 'members', unionId: ids.jianwai }, expect: 'forbidden' },
      'admin.staff': { data: { unionId: ids.jianwai }, expect: 'forbidden' },
      'subsidy.queue': { data: {}, expect: 'excludes', list: (b) => b.items.map((i: { applicationId: string }) => i.applicationId), target: ids.application },
      'subsidy.review': { data: { applicationId: ids.application, decision: 'pass' }, expect: 'forbidden' },
      'subsidy.disburse': { data: { requestId: rid(), fileId: ids.file, programme: 'comfort_serious' }, expect: 'forbidden' },
      'subsidy.files': { data: { filter: 'all' }, expect: 'excludes', list: (b) => b.items.map((i: { fileId: string }) => i.fileId), target: ids.file },
      'subsidy.file': { data: { fileId: ids.file }, expect: 'forbidden' },
      'subsidy.plan': { data: { fileId: ids.file, goal: '越权修改帮扶计划', measures: ['越权'], responsible: '某人', contact: '13800000000', nextReviewDate: '2030-01-01' }, expect: 'forbidden' },
      'subsidy.formalize': { data: { fileId: ids.file }, expect: 'forbidden' },
      'subsidy.archive': { data: { fileId: ids.file, reason: '越权归档' }, expect: 'forbidden' },
      'subsidy.budgets': { data: {}, expect: 'excludes', list: (b) => b.items.map((i: { unionId: string }) => i.unionId), target: ids.jianwai },
      'subsidy.setBudget': { data: { unionId: ids.jianwai, programme: 'winter_warmth', year: 2026, totalFen: 1 }, expect: 'forbidden' },
      'subsidy.confirmBudget': { data: { changeId: ids.change, approve: true }, expect: 'forbidden' },
    }

    // Four eyes: staff who are members too, with their own cases, and budget increases waiting for a second person.
    const clerk = await person(t, 'matrix-clerk', { name: '吴秀梅', phone: '13700000102', memberUnion: '110105001001', staffUnion: '110105001001' })
    const officer = await person(t, 'matrix-officer', { name: '钱国栋', phone: '13700000103', memberUnion: '110105001001', staffUnion: '110105001' })
    const husband = await person(t, 'matrix-husband', { name: '孙建华', phone: '13700000104', memberUnion: '110105001003', staffUnion: '110105001001' })
    const wife = await person(t, 'matrix-wife', { name: '李淑芬', phone: '13700000105', memberUnion: '110105001001' })
    const clerkApp = (await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000102' }), clerk.token))).applicationId
    const officerApp = (await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000103' }), officer.token))).applicationId
    await ok(call(t, 'subsidy', 'review', { applicationId: officerApp, decision: 'pass' }, gm))
    const wifeApp = (await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000104' }), wife.token))).applicationId
    // The officer's household was filed earlier as temporary (no counted condition): a file to pay or make formal.
    const officerFile = await filedHousehold(t, officer, { household: [{ relation: 'self', monthlyIncomeFen: 150000 }], conditions: [] }, '13700000103')
    const district = await staffOf(t, 'chaoyang-staff', '110105')
    const districtChange = (await ok(call(t, 'subsidy', 'setBudget', { unionId: ids.jianwai, programme: 'comfort_serious', year, totalFen: 9_000_000 }, district))).changeId
    ids.clerkApp = clerkApp
    ids.districtChange = districtChange
    ownCases = {
      'subsidy.review (a clerk checks their own application)': { actor: clerk.token, data: { applicationId: clerkApp, decision: 'pass', step: 'check' } },
      'subsidy.review (an officer approves their own application someone else checked)': { actor: officer.token, data: { applicationId: officerApp, decision: 'pass', step: 'approve' } },
      'subsidy.review (a clerk checks the application giving their phone as the household contact)': { actor: husband.token, data: { applicationId: wifeApp, decision: 'pass', step: 'check' } },
      'subsidy.disburse (an officer pays their own file)': { actor: officer.token, data: { requestId: rid(), fileId: officerFile, programme: 'winter_warmth' } },
      'subsidy.formalize (an officer makes their own file formal)': { actor: officer.token, data: { fileId: officerFile } },
      'subsidy.confirmBudget (a clerk confirms their own increase)': { actor: staff, data: { changeId: ids.change, approve: true } },
      'subsidy.confirmBudget (a clerk below the proposer confirms an increase)': { actor: staff, data: { changeId: districtChange, approve: true } },
    }
  }, 90_000)
  afterAll(() => t?.close())

  it('should cover every staff action of every domain', () => {
    const staffActions = Object.values(functions).flatMap((f) => Object.entries(f.access).filter(([, a]) => a === 'staff').map(([action]) => `${f.name}.${action}`))
    expect(staffActions.filter((a) => !(a in cases))).toEqual([])
  })

  it('should refuse or filter every staff action aimed outside the subtree, and change nothing', async () => {
    const count = async () => (await t.app.db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0].n
    const before = await count()
    const failures: string[] = []
    for (const [name, c] of Object.entries(cases)) {
      const [fn, action] = name.split('.')
      const r = await call(t, fn, action, c.data, outsider)
      if (c.expect === 'forbidden') {
        if (r.status !== 403 || (r.body as any).error?.code !== 'FORBIDDEN') failures.push(`${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`)
      } else if (!r.body.ok || c.list((r.body as any).data).includes(c.target)) failures.push(`${name}: shows out-of-scope data`)
    }
    expect(failures).toEqual([])
    expect(await count()).toBe(before)
  })

  it('should cover every decision on a hardship case or a budget increase with four eyes', () => {
    const decisions = ['subsidy.review', 'subsidy.disburse', 'subsidy.formalize', 'subsidy.confirmBudget']
    expect(decisions.filter((d) => !Object.keys(ownCases).some((k) => k.startsWith(`${d} `)))).toEqual([])
  })

  it('should refuse every decision on one’s own or household’s case and every increase without a second person, and change nothing', async () => {
    const count = async () => (await t.app.db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0].n
    const before = await count()
    const failures: string[] = []
    for (const [name, c] of Object.entries(ownCases)) {
      const [fn, action] = name.split(' ')[0].split('.')
      const r = await call(t, fn, action, c.data, c.actor)
      if (r.status !== 403 || (r.body as any).error?.code !== 'FORBIDDEN') failures.push(`${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`)
    }
    expect(failures).toEqual([])
    expect(await count()).toBe(before)
  })

  it('should let the owning union do the same actions (the matrix is not refusing everyone)', async () => {
    const staff = await login(t, 'street-staff')
    expect((await call(t, 'member', 'verifyCard', { qr: ids.qr }, staff)).status).toBe(200)
    expect((await call(t, 'station', 'stats', { unionId: ids.jianwai }, staff)).status).toBe(200)
    expect((await call(t, 'campaign', 'stats', { id: ids.campaign }, staff)).status).toBe(200)
    expect((await call(t, 'console', 'dashboard', { unionId: ids.jianwai }, staff)).status).toBe(200)
    expect((await call(t, 'shop', 'ledger', { by: 'union', unionId: ids.guomao }, staff)).status).toBe(200)
    expect((await ok(call(t, 'member', 'pending', {}, staff))).items.map((i: { name: string }) => i.name)).toContain(ids.pendingName)
    expect((await call(t, 'subsidy', 'file', { fileId: ids.file }, staff)).status).toBe(200)
    expect((await ok(call(t, 'subsidy', 'queue', {}, staff))).items.map((i: { applicationId: string }) => i.applicationId)).toContain(ids.application)
    expect((await ok(call(t, 'subsidy', 'budgets', {}, staff))).items.map((i: { unionId: string }) => i.unionId)).toContain(ids.jianwai)
    // Four eyes refuse one person, not the case: another clerk checks, a higher union confirms.
    expect((await call(t, 'subsidy', 'review', { applicationId: ids.clerkApp, decision: 'pass', step: 'check' }, await login(t, 'guomao-staff'))).status).toBe(200)
    expect((await call(t, 'subsidy', 'confirmBudget', { changeId: ids.districtChange, approve: true }, await login(t, 'platform-admin'))).status).toBe(200)
  })
})
