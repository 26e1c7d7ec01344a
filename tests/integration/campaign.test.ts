import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { admin, idNumber as makeIdNumber, member as cardMember, staff as staffOf, station as newStation, union, unionTree } from '../support/fixtures'

const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString()

describe.each(backends())('campaigns on %s', (backend) => {
  let t: TestApp
  let staff: string
  let hdStaff: string
  let member: string // 李建国, property_service, 国贸物业 union under 建外
  let courier: string // 王海涛, courier, 顺丰 union under the Chaoyang courier federation (not under 建外)
  let stationId: string
  let seq = 700

  const joinAs = async (openid: string, unionCode: string, occupation: string) => {
    const tok = await login(t, openid)
    const [u] = await t.app.db.query<{ id: string }>('select id from unions where code = $1', [unionCode])
    await ok(call(t, 'member', 'register', { name: '王小二', idNumber: makeIdNumber('110105', '19930101', seq++), phone: '13600001111', unionId: u.id, occupation }, tok))
    return tok
  }

  const form = (over: Record<string, unknown> = {}) => ({
    kind: 'send_warmth',
    title: '冬送温暖：领取防寒包',
    body: '建外街道总工会为辖区会员准备了防寒包，凭领取码到站点领取。',
    startsAt: inDays(-1),
    endsAt: inDays(30),
    action: 'claim',
    quota: 3,
    stationId,
    ...over,
  })

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    await union(t, { code: '110105900', name: '朝阳区快递行业工会联合会', level: 'federation', parent: '110105', district: '朝阳区', accepts: true })
    await union(t, { code: '110105900001', name: '顺丰速运朝阳营业区工会', level: 'grassroots', parent: '110105900', district: '朝阳区' })
    staff = await staffOf(t, 'street-staff', '110105001')
    hdStaff = await staffOf(t, 'haidian-staff', '110108001')
    member = (await cardMember(t, 'card-member', { union: '110105001001', name: '李建国', occupation: 'property_service' })).token
    courier = (await cardMember(t, 'courier', { union: '110105900001', name: '王海涛', occupation: 'courier' })).token
    stationId = await newStation(t, { union: '110105001' })
    // Stations of the district unions: Haidian's (another district) and Chaoyang's (above Jianwai).
    await newStation(t, { union: '110108', district: '海淀区' })
    await newStation(t, { union: '110105' })
  }, 60_000)
  afterAll(() => t?.close())

  it('should keep a draft out of the feed until published, then reach only the posting union subtree', async () => {
    const { id } = await ok(call(t, 'campaign', 'save', form({ title: '冬送温暖：建外专场' }), staff))
    const feedIds = async (tok: string) => (await ok(call(t, 'campaign', 'feed', {}, tok))).items.map((c: { id: string }) => c.id)
    expect(await feedIds(member)).not.toContain(id)
    expect((await call(t, 'campaign', 'detail', { id }, member)).status).toBe(404)
    expect(await ok(call(t, 'campaign', 'publish', { id }, staff))).toEqual({ id, status: 'published' })
    expect(await feedIds(member)).toContain(id)
    expect(await feedIds(courier)).not.toContain(id)
  })

  it('should narrow the audience to occupations and districts', async () => {
    const riderOnly = (await ok(call(t, 'campaign', 'save', form({ kind: 'send_coolness', title: '夏送清凉：骑手专享', audience: { occupations: ['food_delivery', 'courier'] } }), staff))).id
    const haidianOnly = (await ok(call(t, 'campaign', 'save', form({ kind: 'activity', title: '海淀会员读书会', action: 'signup', stationId: undefined, audience: { districts: ['海淀区'] } }), staff))).id
    await ok(call(t, 'campaign', 'publish', { id: riderOnly }, staff))
    await ok(call(t, 'campaign', 'publish', { id: haidianOnly }, staff))
    const rider = await joinAs('jw-rider', '110105001003', 'food_delivery')
    const guard = await joinAs('jw-guard', '110105001003', 'security_guard')
    const ids = async (tok: string) => (await ok(call(t, 'campaign', 'feed', {}, tok))).items.map((c: { id: string }) => c.id)
    expect(await ids(rider)).toContain(riderOnly)
    expect(await ids(guard)).not.toContain(riderOnly)
    expect(await ids(guard)).not.toContain(haidianOnly) // a Chaoyang union
    const d = await ok(call(t, 'campaign', 'detail', { id: riderOnly }, guard))
    expect(d).toMatchObject({ canJoin: false })
    const denied = await call(t, 'campaign', 'join', { id: riderOnly }, guard)
    expect(denied.body).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } })
    const stats = await ok(call(t, 'campaign', 'stats', { id: riderOnly }, staff))
    expect(stats.items[0].reach).toBeGreaterThanOrEqual(1)
  })

  it('should claim once per member, give a code station staff mark used once, and never pass the quota', async () => {
    const { id } = await ok(call(t, 'campaign', 'save', form({ title: '冬送温暖：限量3份', quota: 2 }), staff))
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    const a = await ok(call(t, 'campaign', 'join', { id }, member))
    expect(a.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(a.remaining).toBe(1)
    expect((await ok(call(t, 'campaign', 'join', { id }, member))).code).toBe(a.code)
    const b = await joinAs('jw-b', '110105001001', 'property_service')
    await ok(call(t, 'campaign', 'join', { id }, b))
    const c = await joinAs('jw-c', '110105001001', 'property_service')
    const full = await call(t, 'campaign', 'join', { id }, c)
    expect(full.status).toBe(409)
    expect(full.body).toMatchObject({ ok: false, error: { code: 'QUOTA_FULL', message: '名额已满' } })
    const [row] = await t.app.db.query<{ taken: number }>('select taken from campaigns where id = $1', [id])
    expect(row.taken).toBe(2)

    const mine = await ok(call(t, 'campaign', 'myClaims', {}, member))
    expect(mine.items.find((i: { campaignId: string }) => i.campaignId === id)).toMatchObject({ code: a.code, usedAt: null, stationName: expect.any(String) })
    expect((await call(t, 'campaign', 'verifyClaim', { code: a.code }, hdStaff)).status).toBe(403)
    expect((await call(t, 'campaign', 'verifyClaim', { code: a.code }, member)).status).toBe(403)
    const used = await ok(call(t, 'campaign', 'verifyClaim', { code: a.code.toLowerCase() }, staff))
    expect(used).toMatchObject({ campaignTitle: '冬送温暖：限量3份', memberName: '李建国' })
    const twice = await call(t, 'campaign', 'verifyClaim', { code: a.code }, staff)
    expect(twice.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // The clerk reads the time it was used on Beijing's clock.
    const [{ used_at }] = await t.app.db.query<{ used_at: Date }>('select used_at from campaign_joins where code = $1', [a.code])
    const beijing = new Date(used_at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
    expect((twice.body as any).error.message).toBe(`该领取码已于 ${beijing} 核销，不能重复领取`)
    expect((await call(t, 'campaign', 'verifyClaim', { code: 'ZZZZZZZZ' }, staff)).status).toBe(404)
    const s = await ok(call(t, 'campaign', 'stats', { id }, staff))
    expect(s.items[0]).toMatchObject({ joined: 2, used: 1, quota: 2 })
  })

  it('should refuse staff outside the subtree and members, changing nothing', async () => {
    const { id } = await ok(call(t, 'campaign', 'save', form({ title: '建外街道送温暖' }), staff))
    expect((await call(t, 'campaign', 'publish', { id }, hdStaff)).status).toBe(403)
    expect((await call(t, 'campaign', 'close', { id }, hdStaff)).status).toBe(403)
    expect((await call(t, 'campaign', 'save', { ...form(), id, title: '被改了吗' }, hdStaff)).status).toBe(403)
    expect((await call(t, 'campaign', 'stats', { id }, hdStaff)).status).toBe(403)
    expect((await call(t, 'campaign', 'save', form(), member)).status).toBe(403)
    const [jw] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001'`)
    expect((await call(t, 'campaign', 'save', { ...form(), unionId: jw.id }, hdStaff)).status).toBe(403)
    const [row] = await t.app.db.query<{ status: string; title: string }>('select status, title from campaigns where id = $1', [id])
    expect(row).toEqual({ status: 'draft', title: '建外街道送温暖' })
    expect((await ok(call(t, 'campaign', 'list', {}, hdStaff))).items.map((c: { id: string }) => c.id)).not.toContain(id)
  })

  it('should validate campaigns with clear messages', async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const r = await call(t, 'campaign', 'save', form(over), staff)
      expect(r.status).toBe(400)
      expect(Object.keys((r.body as any).error.fields)).toContain(field)
    }
    await bad({ endsAt: inDays(-2) }, 'endsAt')
    await bad({ kind: 'party' }, 'kind')
    await bad({ stationId: undefined }, 'stationId')
    await bad({ action: 'buy', stationId: undefined }, 'productIds')
    await bad({ quota: 0 }, 'quota')
    await bad({ startsAt: 'tomorrow' }, 'startsAt')
  })

  it("should refuse another district's station as the pickup point, and accept a station of a union above", async () => {
    const station = async (code: string) =>
      (await t.app.db.query<{ id: string }>(`select s.id from stations s join unions u on u.id = s.union_id where u.code = $1 and s.status = 'active' limit 1`, [code]))[0]?.id
    const haidian = await station('110108')
    expect(haidian).toBeTruthy()
    const before = (await t.app.db.query<{ n: number }>('select count(*)::int as n from campaigns'))[0].n
    const r = await call(t, 'campaign', 'save', form({ stationId: haidian }), staff)
    expect([r.status, (r.body as any).error.fields]).toEqual([400, { stationId: '请选择辖区内的站点' }])
    expect((await t.app.db.query<{ n: number }>('select count(*)::int as n from campaigns'))[0].n).toBe(before)
    // The Chaoyang district union's own station serves its streets.
    const chaoyang = await station('110105')
    expect(chaoyang).toBeTruthy()
    await ok(call(t, 'campaign', 'save', form({ stationId: chaoyang }), staff))
  })

  it('should show the budget only to staff who manage the campaign when anyone opens its detail', async () => {
    const { id } = await ok(call(t, 'campaign', 'save', form({ title: '冬送温暖：预算内部可见', budgetFen: 8_000_000 }), staff))
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    expect((await ok(call(t, 'campaign', 'detail', { id }, staff))).budgetFen).toBe(8_000_000)
    expect((await ok(call(t, 'campaign', 'detail', { id }, await admin(t, 'platform-admin')))).budgetFen).toBe(8_000_000)
    expect((await ok(call(t, 'campaign', 'detail', { id }, member))).budgetFen).toBeNull()
    expect((await ok(call(t, 'campaign', 'detail', { id }, hdStaff))).budgetFen).toBeNull()
    // The staff's own figures keep it.
    expect((await ok(call(t, 'campaign', 'stats', { id }, staff))).items[0].budgetFen).toBe(8_000_000)
  })

  it('should close a campaign so nobody can join it any more', async () => {
    const { id } = await ok(call(t, 'campaign', 'save', form({ title: '两节慰问报名', kind: 'holiday_visit', action: 'signup', stationId: undefined, quota: undefined }), staff))
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    await ok(call(t, 'campaign', 'close', { id }, staff))
    expect((await call(t, 'campaign', 'join', { id }, member)).body).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE', message: '活动已结束' } })
    expect((await call(t, 'campaign', 'publish', { id }, staff)).body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })
})
