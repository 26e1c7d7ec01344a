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
