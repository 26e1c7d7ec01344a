// Messages to members: each event gives one in-app message (notify.mine); a member who opted in for its
// kind is also sent a subscribe message, which the simulated provider records; nobody else is sent one.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { application, budget, filedHousehold, person } from '../support/subsidy'
import { cardHolder, member as member_, staff as staffOf, unionTree } from '../support/fixtures'
import { createSimulatedNotifyTest } from '../support/notify'
import { buy, newProduct, notify as deliver, payOrder, sim, withheld } from '../support/shop'

describe.each(backends())('notifications on %s', (backend) => {
  let t: TestApp
  let staff: string
  let gm: string
  const sent = createSimulatedNotifyTest(() => t)

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    staff = await staffOf(t, 'street-staff', '110105001')
    gm = await staffOf(t, 'guomao-staff', '110105001001')
    await cardHolder(t, 'applicant', { union: '110105001004', name: '赵强', status: 'pending' })
    await budget(t, '110105001', 'comfort_serious', 3_000_000)
  }, 60_000)
  afterAll(() => t?.close())

  it('should list the template ids the mini-program asks for, one per kind', async () => {
    const r = await ok(call(t, 'notify', 'templates', {}))
    expect(r.templates.map((x: { kind: string }) => x.kind)).toEqual(['card_decided', 'subsidy_progress', 'order_shipped', 'refund_completed', 'campaign_opened'])
  })

  it('should tell the member their card decision in the app and through WeChat when they opted in', async () => {
    const [p] = await t.app.db.query<{ id: string; openid: string }>(
      `select m.id, u.openid from members m join users u on u.id = m.user_id join cards c on c.member_id = m.id where c.status = 'pending' and m.claims_member_id is null order by m.name limit 1`,
    )
    const token = await login(t, p.openid)
    expect(await ok(call(t, 'notify', 'optIn', { accepted: ['card_decided'] }, token))).toEqual({ kinds: [{ kind: 'card_decided', remaining: 1 }] })
    await ok(call(t, 'member', 'review', { memberId: p.id, approve: true }, staff))
    const mine = await ok(call(t, 'notify', 'mine', {}, token))
    expect(mine.items[0]).toMatchObject({ kind: 'card_decided', title: '会员卡已办好', pushed: true, read: false, page: '/pages/card/index' })
    expect(mine.unread).toBe(1)
    expect(await sent.to(p.openid)).toEqual([expect.objectContaining({ template_id: 'SIM_CARD_DECIDED', page: '/pages/card/index' })])
    expect((await sent.to(p.openid))[0].data.thing1.value).toBe('会员卡已办好')
    expect(await ok(call(t, 'notify', 'read', { ids: [mine.items[0].id] }, token))).toEqual({ unread: 0 })
  })

  it('should tell each step and each payment of a hardship case, pushing only as many as the member allowed', async () => {
    const m = await person(t, 'notify-applicant', { name: '陈桂芳', phone: '13700000301', memberUnion: '110105001001' })
    await ok(call(t, 'notify', 'optIn', { accepted: ['subsidy_progress'] }, m.token))
    const { applicationId } = await ok(call(t, 'subsidy', 'apply', application({ phone: '13700000301' }), m.token))
    await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'check' }, gm))
    await ok(call(t, 'subsidy', 'review', { applicationId, decision: 'pass', step: 'approve' }, staff))
    const mine = await ok(call(t, 'notify', 'mine', {}, m.token))
    expect(mine.items.map((i: { title: string; pushed: boolean }) => [i.title, i.pushed])).toEqual([
      ['困难帮扶申请：公示中', false],
      ['困难帮扶申请：待街道（区）工会审批', true],
    ])
    expect(await sent.to('notify-applicant')).toHaveLength(1)

    const fileId = await filedHousehold(t, m, { household: [{ relation: 'self', monthlyIncomeFen: 100000 }], conditions: ['serious_illness'] }, '13700000301')
    await ok(call(t, 'notify', 'optIn', { accepted: ['subsidy_progress'] }, m.token))
    const pay = { requestId: `nt-${Date.now()}`, fileId, programme: 'comfort_serious', amountFen: 50000 }
    await ok(call(t, 'subsidy', 'disburse', pay, staff))
    // A replay of the same request is one payment and one message.
    expect((await ok(call(t, 'subsidy', 'disburse', pay, staff))).duplicate).toBe(true)
    const after = await ok(call(t, 'notify', 'mine', {}, m.token))
    expect(after.items[0]).toMatchObject({ kind: 'subsidy_progress', body: '¥500.00，请注意查收', pushed: true })
    expect(await sent.to('notify-applicant')).toHaveLength(2)
  })

  it('should tell a campaign to its audience only, listing it for everyone and pushing to those who opted in', async () => {
    const { token: member } = await member_(t, 'jianwai-member', { union: '110105001001' })
    await ok(call(t, 'notify', 'optIn', { accepted: ['campaign_opened'] }, member))
    const { token: rider } = await member_(t, 'haidian-member', { union: '110108001002' })
    const haidian = await staffOf(t, 'haidian-staff', '110108001')
    const now = Date.now()
    const { id } = await ok(
      call(t, 'campaign', 'save', { kind: 'activity', title: '建外读书会开张', body: '每周六下午在职工之家读书分享。', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 86400_000).toISOString(), action: 'signup' }, staff),
    )
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    const titles = async (tok: string) => (await ok(call(t, 'notify', 'mine', {}, tok))).items.filter((i: { kind: string }) => i.kind === 'campaign_opened').map((i: { title: string; pushed: boolean }) => [i.title, i.pushed])
    expect(await titles(member)).toEqual([['建外读书会开张', true]])
    expect(await titles(haidian)).toEqual([])
    const riderMessages = await titles(rider)
    expect(riderMessages.every(([, pushed]: [string, boolean]) => !pushed)).toBe(true)
    expect((await sent.to('jianwai-member')).filter((s) => s.template_id === 'SIM_CAMPAIGN_OPENED')).toHaveLength(1)
    expect((await sent.to('haidian-member')).filter((s) => s.template_id === 'SIM_CAMPAIGN_OPENED')).toHaveLength(0)
  })

  it('should tell the buyer when the order ships and when the refund arrives, once each', async () => {
    const { token: buyer } = await member_(t, 'notify-buyer', { union: '110105001001' })
    await ok(call(t, 'notify', 'optIn', { accepted: ['order_shipped', 'refund_completed'] }, buyer))
    const shipped = (await buy(t, buyer, await newProduct(t, 5, '110105001'))).orderId
    await payOrder(t, buyer, shipped)
    await ok(call(t, 'shop', 'fulfil', { orderId: shipped, trackingNo: 'SF1234567890' }, staff))
    const refunded = (await buy(t, buyer, await newProduct(t, 5, '110105001'))).orderId
    await payOrder(t, buyer, refunded)
    const n = await withheld(t, async () => {
      await ok(call(t, 'shop', 'refund', { orderId: refunded, reason: '买多了' }, buyer))
      return sim(t).completeRefund((await ok(call(t, 'shop', 'order', { orderId: refunded }, buyer))).refund.outRefundNo)
    })
    // The provider's notification delivered three times: one refund, one message.
    for (let i = 0; i < 3; i++) expect(await deliver(t, n, '/pay/refund-notify')).toBe(204)
    const mine = (await ok(call(t, 'notify', 'mine', {}, buyer))).items.filter((i: { kind: string }) => i.kind !== 'campaign_opened')
    expect(mine.map((i: { kind: string; title: string; pushed: boolean; page: string }) => [i.kind, i.title, i.pushed, i.page])).toEqual([
      ['refund_completed', '退款已到账', true, `/packages/shop/order/index?orderId=${refunded}`],
      ['order_shipped', '您的订单已发货', true, `/packages/shop/order/index?orderId=${shipped}`],
    ])
    expect(mine[0].body).toMatch(/^¥25\.00 已原路退回/)
    expect(mine[1].body).toContain('SF1234567890')
    expect((await sent.to('notify-buyer')).map((x) => x.template_id).sort()).toEqual(['SIM_ORDER_SHIPPED', 'SIM_REFUND_COMPLETED'])
  })

  it('should refuse unknown kinds and other people’s messages', async () => {
    // A member with a message of their own: their card decision.
    const { memberId } = await cardHolder(t, 'notify-member', { union: '110105001004', status: 'pending' })
    await ok(call(t, 'member', 'review', { memberId, approve: true }, staff))
    const token = await login(t, 'notify-member')
    expect((await call(t, 'notify', 'optIn', { accepted: ['spam'] }, token)).status).toBe(400)
    const other = await login(t, 'notify-nobody')
    expect(await ok(call(t, 'notify', 'mine', {}, other))).toEqual({ items: [], unread: 0, nextCursor: null })
    const mine = await ok(call(t, 'notify', 'mine', {}, token))
    expect(mine.items).toHaveLength(1)
    expect(await ok(call(t, 'notify', 'read', { ids: [mine.items[0].id] }, other))).toEqual({ unread: 0 })
    expect((await ok(call(t, 'notify', 'mine', {}, token))).unread).toBe(1)
  })
})
