// union.list as the member's union picker: relevance first (search match, occupation, district, grassroots
// unions that accept members), with the total; a plain list stays in tree order for the staff's pickers.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { cardHolder } from '../support/fixtures'
import { insertDemoUnions } from '../../cloud/demo/unions'

type U = { name: string; level: string; acceptsMembers: boolean; parentName: string | null; reason?: string }

describe.each(backends())('union picker on %s', (backend) => {
  let t: TestApp
  let newcomer: string
  beforeAll(async () => {
    // The whole Beijing union tree (the ranking is about it), and nobody else but the callers below.
    t = await startTestApp(backend, { demo: false })
    await insertDemoUnions(t.app.db)
    await cardHolder(t, 'truck-driver', { union: '110108900', name: '马国庆', occupation: 'truck_driver' })
    newcomer = await login(t, 'picker-newcomer')
  }, 60_000)
  afterAll(() => t?.close())

  const list = async (input: Record<string, unknown>, token = newcomer) => (await ok(call(t, 'union', 'list', input, token))) as { items: U[]; total: number }
  const names = (r: { items: U[] }) => r.items.map((u) => u.name)

  it('should list grassroots unions before federations when a newcomer opens the picker', async () => {
    const r = await list({ acceptsMembers: true, limit: 100 })
    const levels = r.items.map((u) => u.level)
    expect(levels.indexOf('federation')).toBeGreaterThan(levels.lastIndexOf('grassroots'))
    expect(r.items.every((u) => u.acceptsMembers && !u.reason)).toBe(true)
    expect(r.total).toBe(r.items.length)
  })

  it('should report how many unions match when the limit cuts the list', async () => {
    const all = await list({ acceptsMembers: true, limit: 100 })
    const few = await list({ acceptsMembers: true, limit: 5 })
    expect(few.items).toHaveLength(5)
    expect(few.total).toBe(all.total)
    expect(names(few)).toEqual(names(all).slice(0, 5))
  })

  it('should put unions fitting the occupation first, grassroots first, when the occupation is given', async () => {
    const r = await list({ acceptsMembers: true, occupation: 'courier', limit: 100 })
    const fitting = r.items.filter((u) => u.reason === 'occupation').map((u) => u.name)
    expect(fitting.slice(0, 3).sort()).toEqual(['中通快递朝阳分拨中心工会', '京东物流望京营业部工会', '顺丰速运朝阳营业区工会'].sort())
    expect(fitting).toContain('朝阳区快递行业工会联合会')
    expect(names(r).slice(0, fitting.length)).toEqual(fitting)
  })

  it("should rank the member's own occupation and district first when a member with a card lists unions", async () => {
    const truck = await login(t, 'truck-driver') // truck driver, card in 海淀区货运司机工会联合会
    const r = await list({ acceptsMembers: true, limit: 100 }, truck)
    expect(r.items[0].reason).toBe('occupation')
    // Fits the occupation and is in the member's district, then fits the occupation only.
    expect(names(r).slice(0, 2)).toEqual(['海淀区货运司机工会联合会', '京东物流望京营业部工会'])
    const firstOther = r.items.findIndex((u) => u.reason !== 'occupation')
    expect(r.items[firstOther]).toMatchObject({ reason: 'district', name: '海淀区中关村物业服务企业联合工会' })
  })

  it('should rank the district first when only the district is given', async () => {
    const r = await list({ acceptsMembers: true, district: '东城区', limit: 100 })
    expect(names(r).slice(0, 2).sort()).toEqual(['东华门街道网约车司机联合工会', '王府井百货集团工会'].sort())
    expect(r.items.slice(0, 2).every((u) => u.reason === 'district')).toBe(true)
  })

  it('should put the exact and the leading name match first when searching', async () => {
    const r = await list({ q: '朝阳区快递行业工会联合会', acceptsMembers: true })
    expect(names(r)[0]).toBe('朝阳区快递行业工会联合会')
    // Its sub-unions match through their parent's name, after it.
    expect(names(r).slice(1).sort()).toEqual(['中通快递朝阳分拨中心工会', '顺丰速运朝阳营业区工会'].sort())
    // Names starting with 建外 (grassroots first), then unions whose parent's name has it.
    const lead = names(await list({ q: '建外', acceptsMembers: true }))
    expect(lead[2]).toBe('建外SOHO楼宇工会联合会')
    expect(lead.slice(0, 2).sort()).toEqual(['建外街道家政服务行业工会', '建外街道社区联合工会'].sort())
    expect(lead.slice(3).sort()).toEqual(['北京云帆软件技术有限公司工会', '北京嘉禾传媒有限公司工会', '北京国贸物业管理有限公司工会', '北京安泰保安服务有限公司工会'].sort())
  })

  it('should find the unions under a street union when the search names the street', async () => {
    const r = await list({ q: '建外街道总工会', acceptsMembers: true })
    expect(names(r)).toEqual(expect.arrayContaining(['北京国贸物业管理有限公司工会', '北京安泰保安服务有限公司工会']))
    expect(r.items.every((u) => u.name.includes('建外街道总工会') || u.parentName === '建外街道总工会')).toBe(true)
  })

  it('should need every word when the search has several', async () => {
    expect(names(await list({ q: '建外 家政', acceptsMembers: true }))).toEqual(['建外街道家政服务行业工会'])
    expect((await list({ q: '建外 货运', acceptsMembers: true })).items).toEqual([])
  })

  it('should keep tree order when the list has no search, filter or hint', async () => {
    const r = await list({ limit: 100 })
    expect(r.items[0]).toMatchObject({ name: '北京市总工会', level: 'city' })
    expect(r.items.slice(1, 5).every((u) => u.level === 'district')).toBe(true)
    expect(r.items.some((u) => u.reason)).toBe(false)
  })

  it('should refuse an unknown occupation in Chinese', async () => {
    const r = await call(t, 'union', 'list', { occupation: 'pilot' }, newcomer)
    expect(r.status).toBe(400)
    expect((r.body as any).error.fields.occupation).toBe('未知的职业')
  })
})
