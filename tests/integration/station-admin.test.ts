// The staff's station list (station.list): their scope only, searched on the server, paged with a total, closed
// stations on request; and the station form's checks worded in Chinese.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { staff as staffOf, station, unionTree } from '../support/fixtures'

type Item = { id: string; name: string; address: string; district: string; status: string; unionName: string; closedReason: string | null }

describe.each(backends())('staff station list on %s', (backend) => {
  let t: TestApp
  let staff: string
  let hdStaff: string
  let member: string
  let jianwai: string
  let inScope: number

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    // 45 Jianwai stations on three roads (more than two pages), and a few in Haidian.
    const roads = ['建国门外大街', '光华路', '东三环中路']
    for (let i = 0; i < 45; i++) await station(t, { union: i % 2 ? '110105001' : '110105001003', name: `建外职工驿站${String(i + 1).padStart(2, '0')}`, address: `北京市朝阳区${roads[i % 3]}${i + 1}号` })
    for (let i = 0; i < 3; i++) await station(t, { union: '110108001', name: `中关村职工驿站${i + 1}`, address: `北京市海淀区中关村大街${i + 1}号`, district: '海淀区' })
    staff = await staffOf(t, 'street-staff', '110105001')
    hdStaff = await staffOf(t, 'haidian-staff', '110108001')
    member = await login(t, 'station-member')
    jianwai = (await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001'`))[0].id
    inScope = (
      await t.app.db.query<{ n: number }>(
        `select count(*)::int as n from stations s join unions u on u.id = s.union_id where s.status = 'active' and u.path like (select path from unions where id = $1) || '%'`,
        [jianwai],
      )
    )[0].n
  }, 60_000)
  afterAll(() => t?.close())

  const list = async (input: Record<string, unknown>, token = staff) => (await ok(call(t, 'station', 'list', input, token))) as { items: Item[]; nextCursor: string | null; total: number }
  const all = async (input: Record<string, unknown>, token = staff) => {
    const items: Item[] = []
    let cursor: string | null = null
    do {
      const page = await list({ ...input, limit: 50, ...(cursor ? { cursor } : {}) }, token)
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  it('should page through every active station in scope once when staff list without a search', async () => {
    const first = await list({})
    expect(first.items).toHaveLength(20)
    expect(first.total).toBe(inScope)
    const items = await all({})
    expect(items).toHaveLength(inScope)
    expect(new Set(items.map((i) => i.id)).size).toBe(inScope)
    expect(items.every((i) => i.status === 'active' && i.district === '朝阳区')).toBe(true)
  })

  it('should search names, addresses and districts on the server when staff type a search', async () => {
    const [one] = await t.app.db.query<{ name: string; address: string }>(
      `select s.name, s.address from stations s join unions u on u.id = s.union_id where u.code = '110105001' and s.status = 'active' order by s.name limit 1`,
    )
    const byName = await list({ q: one.name })
    expect(byName.items[0].name).toBe(one.name)
    const road = one.address.replace(/^北京市朝阳区/, '').replace(/\d+号$/, '')
    const byRoad = await all({ q: road })
    expect(byRoad.length).toBeGreaterThan(0)
    expect(byRoad.every((i) => i.name.includes(road) || i.address.includes(road))).toBe(true)
    // Several words must all match; a word found nowhere finds nothing.
    expect((await all({ q: `${road} 朝阳区` })).length).toBe(byRoad.length)
    expect(await list({ q: '火星基地' })).toEqual({ items: [], nextCursor: null, total: 0 })
    expect((await list({ q: '100%' })).items).toEqual([])
  })

  it("should keep other unions' stations out when staff of another district search for them", async () => {
    const [jw] = await t.app.db.query<{ name: string }>(`select s.name from stations s join unions u on u.id = s.union_id where u.code = '110105001' order by s.name limit 1`)
    expect((await list({ q: jw.name }, hdStaff)).items.map((i) => i.name)).not.toContain(jw.name)
    expect((await call(t, 'station', 'list', { unionId: jianwai }, hdStaff)).status).toBe(403)
    expect((await call(t, 'station', 'list', {}, member)).status).toBe(403)
  })

  it('should list a closed station with its reason only when closed stations are asked for', async () => {
    const form = { unionId: jianwai, kind: 'warm_station', name: '建外测试关闭驿站', address: '北京市朝阳区建国门外大街2号', district: '朝阳区', lat: 39.908, lng: 116.45, services: ['water'], hours: { is24h: true } }
    const { id } = await ok(call(t, 'station', 'save', form, staff))
    expect((await list({})).items[0].id).toBe(id) // the newest change first
    await ok(call(t, 'station', 'close', { id, reason: '场地到期' }, staff))
    expect((await all({ q: '建外测试关闭驿站' })).map((i) => i.id)).toEqual([])
    expect((await list({ q: '建外测试关闭驿站', status: 'closed' })).items).toEqual([expect.objectContaining({ id, status: 'closed', closedReason: '场地到期' })])
    expect((await list({ q: '建外测试关闭驿站', status: 'all' })).total).toBe(1)
  })

  it('should answer the count past the last page and refuse a forged cursor', async () => {
    const past = await list({ cursor: Buffer.from('o:9000').toString('base64url') })
    expect(past).toEqual({ items: [], nextCursor: null, total: inScope })
    const bad = await call(t, 'station', 'list', { cursor: 'bm9wZQ' }, staff)
    expect(bad.status).toBe(400)
  })

  it('should give only the busiest stations with totals over all when stats are asked with a limit', async () => {
    const s = await ok(call(t, 'station', 'stats', { days: 30, limit: 5 }, staff))
    expect(s.items).toHaveLength(5)
    expect(s.totals.stations).toBe(inScope)
  })

  it('should explain in Chinese what is wrong when a station form is saved with bad fields', async () => {
    const r = await call(t, 'station', 'save', { unionId: jianwai, kind: 'warm_station', name: '站', address: '', district: '', lat: 39.9, lng: 116.4, services: [], hours: { weekly: [{ day: 1, open: '8点', close: '20:00' }] }, phone: '电话' }, staff)
    expect(r.status).toBe(400)
    expect((r.body as any).error.fields).toMatchObject({
      name: '站点名称至少2个字',
      address: '请填写详细地址，如“北京市朝阳区建国路1号”',
      district: '请选择所在区',
      services: '请至少选择一项服务',
      'hours.weekly.0.open': '时间格式应为“08:00”这样的时:分',
      phone: '电话格式不正确，如 010-65001234 或 13800000000',
    })
  })
})

describe.each(backends())('staff station add, edit, close and reopen on %s', (backend) => {
  let t: TestApp
  let staff: string
  let hdStaff: string
  let jianwai: string
  let haidian: string

  beforeAll(async () => {
    t = await startTestApp(backend)
    staff = await login(t, 'demo-staff')
    hdStaff = await login(t, 'demo-staff-haidian')
    const u = await t.app.db.query<{ code: string; id: string }>(`select code, id from unions where code in ('110105001', '110108001')`)
    jianwai = u.find((r) => r.code === '110105001')!.id
    haidian = u.find((r) => r.code === '110108001')!.id
  }, 60_000)
  afterAll(() => t?.close())

  const form = (over: Record<string, unknown> = {}) => ({
    unionId: jianwai,
    kind: 'warm_station',
    name: '建外管理测试驿站',
    address: '北京市朝阳区建国门外大街8号',
    district: '朝阳区',
    lat: 39.909,
    lng: 116.452,
    services: ['water', 'rest'],
    hours: { is24h: false, weekly: [{ day: 1, open: '08:00', close: '20:00' }] },
    phone: '010-65008888',
    ...over,
  })
  const row = async (id: string) =>
    (await t.app.db.query(`select name, status, closed_reason, union_id, phone, updated_at from stations where id = $1`, [id]))[0]
  const trail = async (id: string) => (await t.app.db.query<{ action: string }>('select action from audit_log where entity_id = $1 order by id', [id])).map((a) => a.action)
  const code = (r: { body: any }) => r.body.error?.code

  it('should add, edit, close and reopen a station in scope, each step in the list and the audit trail', async () => {
    const { id } = await ok(call(t, 'station', 'save', form(), staff))
    const listed = async (status: string) => (await ok(call(t, 'station', 'list', { q: '建外管理测试驿站', status }, staff))).items.map((i: Item) => i.id)
    expect(await listed('active')).toEqual([id])
    await ok(call(t, 'station', 'save', form({ id, name: '建外管理测试驿站（新址）', phone: '010-65009999' }), staff))
    expect(await row(id)).toMatchObject({ name: '建外管理测试驿站（新址）', phone: '010-65009999', status: 'active' })
    expect(await ok(call(t, 'station', 'close', { id, reason: '场地装修' }, staff))).toEqual({ id, status: 'closed' })
    expect(await listed('active')).toEqual([])
    expect(await listed('closed')).toEqual([id])
    expect(await ok(call(t, 'station', 'reopen', { id }, staff))).toEqual({ id, status: 'active' })
    expect(await row(id)).toMatchObject({ status: 'active', closed_reason: null })
    expect(await listed('active')).toEqual([id])
    expect(await trail(id)).toEqual(['station.create', 'station.update', 'station.close', 'station.reopen'])
    const [a] = await t.app.db.query<{ before: any; after: any }>(`select before, after from audit_log where entity_id = $1 and action = 'station.reopen'`, [id])
    expect(a).toEqual({ before: { status: 'closed', reason: '场地装修' }, after: { status: 'active' } })
  })

  it('should refuse with INVALID_STATE closing a closed station or reopening an open one, changing nothing', async () => {
    const { id } = await ok(call(t, 'station', 'save', form({ name: '建外状态测试驿站' }), staff))
    const reopenOpen = await call(t, 'station', 'reopen', { id }, staff)
    expect([reopenOpen.status, code(reopenOpen)]).toEqual([409, 'INVALID_STATE'])
    await ok(call(t, 'station', 'close', { id, reason: '暂停服务' }, staff))
    const before = await row(id)
    const again = await call(t, 'station', 'close', { id, reason: '再次关闭' }, staff)
    expect([again.status, code(again)]).toEqual([409, 'INVALID_STATE'])
    expect(await row(id)).toEqual(before)
    expect(await trail(id)).toEqual(['station.create', 'station.close'])
  })

  it('should refuse with FORBIDDEN staff outside the station’s union editing, closing or reopening it, changing nothing', async () => {
    const { id } = await ok(call(t, 'station', 'save', form({ name: '建外越权测试驿站' }), staff))
    await ok(call(t, 'station', 'close', { id, reason: '暂停服务' }, staff))
    const before = await row(id)
    for (const r of [
      await call(t, 'station', 'reopen', { id }, hdStaff),
      await call(t, 'station', 'close', { id, reason: '越权关闭' }, hdStaff),
      await call(t, 'station', 'save', form({ id, unionId: haidian, name: '被越权改名' }), hdStaff),
      // Staff in scope cannot move their station out of it either.
      await call(t, 'station', 'save', form({ id, unionId: haidian }), staff),
    ])
      expect([r.status, code(r)]).toEqual([403, 'FORBIDDEN'])
    expect(await row(id)).toEqual(before)
    expect(await trail(id)).toEqual(['station.create', 'station.close'])
  })

  it('should refuse bad input with VALIDATION_FAILED in Chinese, changing nothing', async () => {
    const { id } = await ok(call(t, 'station', 'save', form({ name: '建外校验测试驿站' }), staff))
    const before = await row(id)
    const audits = async () => (await t.app.db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0].n
    const stations = async () => (await t.app.db.query<{ n: number }>('select count(*)::int as n from stations'))[0].n
    const [a0, s0] = [await audits(), await stations()]
    const cases: [string, Record<string, unknown>, Record<string, string>][] = [
      ['save', form({ id, name: '', lat: 200 }), { name: '站点名称至少2个字', lat: '纬度应在 -90 到 90 之间' }],
      ['save', form({ id, hours: { is24h: false, weekly: [] } }), { hours: '请填写开放时间或选择24小时开放' }],
      ['save', form({ name: '新站', services: [] }), { services: '请至少选择一项服务' }],
      ['close', { id, reason: '' }, { reason: '请填写关闭原因' }],
      ['reopen', { id: '不是编号' }, { id: '编号格式不正确' }],
    ]
    for (const [action, data, fields] of cases) {
      const r = await call(t, 'station', action, data, staff)
      expect([r.status, code(r)]).toEqual([400, 'VALIDATION_FAILED'])
      expect((r.body as any).error.fields ?? {}).toMatchObject(fields)
    }
    expect(await row(id)).toEqual(before)
    expect([await audits(), await stations()]).toEqual([a0, s0])
  })
})
