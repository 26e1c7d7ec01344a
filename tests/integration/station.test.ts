import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { greatCircleM, isOpenAt } from '../../cloud/domain/station/rules'
import { prng } from '../../cloud/demo/stations'
import type { Hours, Service } from '../../types/station'
import { staff as staffOf, stationsOverBeijing, unionTree } from '../support/fixtures'

interface Row {
  id: string
  lat: number
  lng: number
  services: Service[]
  kind: string
  hours: Hours
  live_status: string | null
}

const sh = (isoLocal: string) => new Date(`${isoLocal}+08:00`)

describe.each(backends())('warm-station finder on %s', (backend) => {
  let t: TestApp
  let member: string
  let staff: string
  let hdStaff: string
  let jianwai: string
  let haidian: string
  let all: Row[]

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    const u = await unionTree(t)
    jianwai = u['110105001']
    haidian = u['110108001']
    await stationsOverBeijing(t, 2000)
    member = await login(t, 'finder-member')
    staff = await staffOf(t, 'street-staff', '110105001')
    hdStaff = await staffOf(t, 'haidian-staff', '110108001')
    all = await t.app.db.query<Row>(`select id, lat, lng, services, kind, hours, live_status from stations where status = 'active'`)
  }, 60_000)
  afterAll(() => t?.close())

  const nearbyAll = async (input: Record<string, unknown>, token = member) => {
    const items: any[] = []
    let cursor: string | null | undefined
    do {
      const page = await ok(call(t, 'station', 'nearby', { ...input, limit: 50, ...(cursor ? { cursor } : {}) }, token))
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  it('should return the nearest stations in order with distances matching brute force, at random points', async () => {
    const rand = prng(42)
    for (let i = 0; i < 12; i++) {
      const lat = 39.75 + rand() * 0.35
      const lng = 116.15 + rand() * 0.55
      const services: Service[] | undefined = i % 3 === 0 ? ['meal_heating', 'toilet'] : undefined
      const radiusM = 1500 + Math.floor(rand() * 4000)
      const expected = all
        .filter((s) => !services || services.every((x) => s.services.includes(x)))
        .map((s) => ({ id: s.id, d: greatCircleM(lat, lng, s.lat, s.lng) }))
        .filter((s) => s.d <= radiusM)
        .sort((a, b) => a.d - b.d)
      const got = await nearbyAll({ lat, lng, radiusM, services })
      expect(got.map((g) => g.id).sort()).toEqual(expected.map((e) => e.id).sort())
      got.forEach((g, k) => {
        expect(Math.abs(g.distanceM - expected[k].d)).toBeLessThanOrEqual(1.5)
        if (k > 0) expect(g.distanceM).toBeGreaterThanOrEqual(got[k - 1].distanceM)
      })
    }
  })

  it('should page with a cursor without repeating or skipping a station', async () => {
    const input = { lat: 39.9087, lng: 116.4497, radiusM: 5000 }
    const one = await ok(call(t, 'station', 'nearby', { ...input, limit: 50 }, member))
    const p1 = await ok(call(t, 'station', 'nearby', { ...input, limit: 20 }, member))
    const p2 = await ok(call(t, 'station', 'nearby', { ...input, limit: 20, cursor: p1.nextCursor }, member))
    expect([...p1.items, ...p2.items].map((s: { id: string }) => s.id)).toEqual(one.items.slice(0, 40).map((s: { id: string }) => s.id))
  })

  it('should mark open-now in Shanghai time and filter by it', async () => {
    const at = sh('2026-11-29T23:30') // a Sunday night
    const realNow = t.app.now
    t.app.now = () => at
    try {
      const got = await nearbyAll({ lat: 39.92, lng: 116.44, radiusM: 4000 })
      expect(got.length).toBeGreaterThan(20)
      const byId = new Map(all.map((s) => [s.id, s]))
      for (const g of got) expect(g.openNow).toBe(isOpenAt(byId.get(g.id)!.hours, at))
      expect(got.some((g) => g.openNow)).toBe(true)
      expect(got.some((g) => !g.openNow)).toBe(true)
      const open = await nearbyAll({ lat: 39.92, lng: 116.44, radiusM: 4000, openNow: true })
      expect(open.map((g) => g.id)).toEqual(got.filter((g) => g.openNow).map((g) => g.id))
    } finally {
      t.app.now = realNow
    }
  })

  it('should reject bad input with coded errors', async () => {
    const bad = async (data: Record<string, unknown>, field: string) => {
      const r = await call(t, 'station', 'nearby', { lat: 39.9, lng: 116.4, ...data }, member)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
      expect(Object.keys((r.body as any).error.fields)[0]).toMatch(new RegExp(`^${field}`))
    }
    await bad({ lat: 91 }, 'lat')
    await bad({ lng: -181 }, 'lng')
    await bad({ radiusM: 60_000 }, 'radiusM')
    await bad({ services: ['sauna'] }, 'services')
    await bad({ limit: 500 }, 'limit')
    await bad({ kind: 'castle' }, 'kind')
    expect((await call(t, 'station', 'nearby', { lat: 39.9, lng: 116.4, cursor: 'bogus' }, member)).status).toBe(400)
    const stars = await call(t, 'station', 'rate', { stationId: all[0].id, stars: 6 }, member)
    expect(stars.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { stars: '请选择 1 到 5 颗星' } } })
    expect((await call(t, 'station', 'detail', { id: '00000000-0000-4000-8000-000000000000' }, member)).status).toBe(404)
  })

  it('should count one check-in per member, station and Shanghai day', async () => {
    const s = all[5].id
    const realNow = t.app.now
    try {
      t.app.now = () => new Date('2026-11-24T15:50:00Z') // 23:50 in Shanghai
      const first = await ok(call(t, 'station', 'checkIn', { stationId: s }, member))
      expect(first.alreadyToday).toBe(false)
      const again = await ok(call(t, 'station', 'checkIn', { stationId: s }, member))
      expect(again).toEqual({ alreadyToday: true, visitCount: first.visitCount, day: '2026-11-24' })
      t.app.now = () => new Date('2026-11-24T16:05:00Z') // 00:05 the next day in Shanghai
      const next = await ok(call(t, 'station', 'checkIn', { stationId: s }, member))
      expect(next).toEqual({ alreadyToday: false, visitCount: first.visitCount + 1, day: '2026-11-25' })
      const other = await ok(call(t, 'station', 'checkIn', { stationId: s }, await login(t, 'finder-rider')))
      expect(other.visitCount).toBe(first.visitCount + 2)
      expect((await ok(call(t, 'station', 'detail', { id: s }, member))).checkedInToday).toBe(true)
    } finally {
      t.app.now = realNow
    }
  })

  it('should keep average and count right when members rate and edit their rating', async () => {
    const s = all[7].id
    const a = await ok(call(t, 'station', 'rate', { stationId: s, stars: 5, comment: '有热水' }, member))
    expect(a).toEqual({ ratingAvg: 5, ratingCount: 1, myStars: 5 })
    const rider = await login(t, 'finder-rider')
    expect(await ok(call(t, 'station', 'rate', { stationId: s, stars: 2 }, rider))).toEqual({ ratingAvg: 3.5, ratingCount: 2, myStars: 2 })
    expect(await ok(call(t, 'station', 'rate', { stationId: s, stars: 4 }, member))).toEqual({ ratingAvg: 3, ratingCount: 2, myStars: 4 })
    const d = await ok(call(t, 'station', 'detail', { id: s, lat: 39.9, lng: 116.4 }, member))
    expect(d).toMatchObject({ ratingAvg: 3, ratingCount: 2, myRating: { stars: 4, comment: null } })
    expect(d.distanceM).toBeGreaterThan(0)
  })

  it('should let a keeper or staff in scope report live status, shown with its time, and refuse others', async () => {
    // A keeper of one Jianwai station.
    const [kept] = await t.app.db.query<{ station_id: string }>('select id as station_id from stations where union_id = $1 order by name limit 1', [jianwai])
    const keeper = await login(t, 'station-keeper')
    await t.app.db.query(`insert into station_keepers (station_id, user_id) select $1, id from users where openid = 'station-keeper'`, [kept.station_id])
    expect((await ok(call(t, 'station', 'detail', { id: kept.station_id }, keeper))).canReport).toBe(true)
    const r = await ok(call(t, 'station', 'report', { stationId: kept.station_id, status: 'water_out', note: '桶装水下午送到' }, keeper))
    expect(r.liveStatus).toBe('water_out')
    const d = await ok(call(t, 'station', 'detail', { id: kept.station_id }, member))
    expect(d).toMatchObject({ liveStatus: 'water_out', liveStatusNote: '桶装水下午送到', canReport: false })
    expect(Date.now() - new Date(d.liveStatusAt).getTime()).toBeLessThan(60_000)
    const denied = await call(t, 'station', 'report', { stationId: kept.station_id, status: 'open' }, member)
    expect(denied.status).toBe(403)
    expect((await call(t, 'station', 'report', { stationId: kept.station_id, status: 'open' }, hdStaff)).status).toBe(403)
    // A fresh "temporarily closed" report takes the station out of open-now.
    await ok(call(t, 'station', 'report', { stationId: kept.station_id, status: 'temporarily_closed' }, staff))
    expect((await ok(call(t, 'station', 'detail', { id: kept.station_id }, member))).openNow).toBe(false)
  })

  describe('staff', () => {
    const form = (over: Record<string, unknown> = {}) => ({
      unionId: jianwai,
      kind: 'warm_station',
      name: '建外SOHO暖心驿站',
      address: '北京市朝阳区东三环中路39号',
      district: '朝阳区',
      lat: 39.9056,
      lng: 116.4603,
      services: ['water', 'meal_heating', 'toilet'],
      hours: { is24h: false, weekly: [{ day: 5, open: '22:00', close: '06:00' }] },
      phone: '010-65001234',
      ...over,
    })

    it('should create, find, edit and close a station within scope, with an audit trail', async () => {
      const { id } = await ok(call(t, 'station', 'save', form(), staff))
      const realNow = t.app.now
      t.app.now = () => sh('2026-11-28T03:00') // Saturday 03:00: inside Friday night's hours
      try {
        const found = (await ok(call(t, 'station', 'nearby', { lat: 39.9056, lng: 116.4603, radiusM: 100, openNow: true }, member))).items
        expect(found.map((s: { id: string }) => s.id)).toContain(id)
      } finally {
        t.app.now = realNow
      }
      await ok(call(t, 'station', 'save', form({ id, name: '建外SOHO暖心驿站（东区）', hours: { is24h: true } }), staff))
      const d = await ok(call(t, 'station', 'detail', { id }, member))
      expect(d).toMatchObject({ name: '建外SOHO暖心驿站（东区）', is24h: true, openNow: true })
      await ok(call(t, 'station', 'close', { id, reason: '场地改造' }, staff))
      const after = (await ok(call(t, 'station', 'nearby', { lat: 39.9056, lng: 116.4603, radiusM: 100 }, member))).items
      expect(after.map((s: { id: string }) => s.id)).not.toContain(id)
      const trail = await t.app.db.query<{ action: string }>('select action from audit_log where entity_id = $1 order by id', [id])
      expect(trail.map((a) => a.action)).toEqual(['station.create', 'station.update', 'station.close'])
    })

    it('should refuse staff outside the owning union and members, changing nothing', async () => {
      const before = await t.app.db.query('select count(*)::int as n from stations')
      expect((await call(t, 'station', 'save', form({ unionId: haidian }), staff)).status).toBe(403)
      expect((await call(t, 'station', 'save', form(), member)).status).toBe(403)
      const jwStation = (await t.app.db.query<{ id: string }>('select id from stations where union_id = $1 and status = $2 limit 1', [jianwai, 'active']))[0].id
      expect((await call(t, 'station', 'close', { id: jwStation, reason: '测试越权' }, hdStaff)).status).toBe(403)
      expect((await call(t, 'station', 'save', form({ id: jwStation, unionId: haidian }), hdStaff)).status).toBe(403)
      expect(await t.app.db.query('select count(*)::int as n from stations')).toEqual(before)
      expect((await ok(call(t, 'station', 'detail', { id: jwStation }, member))).status).toBe('active')
    })

    it('should show visit statistics and an award ranking only for stations in scope', async () => {
      const stats = await ok(call(t, 'station', 'stats', { days: 30 }, staff))
      const [inScope] = await t.app.db.query<{ n: number }>(
        `select count(*)::int as n from stations s join unions u on u.id = s.union_id where s.status = 'active' and u.path like (select path from unions where id = $1) || '%'`,
        [jianwai],
      )
      expect(stats.totals.stations).toBe(inScope.n)
      expect(stats.items.every((i: { district: string }) => i.district === '朝阳区')).toBe(true)
      expect((await call(t, 'station', 'stats', { unionId: haidian }, staff)).status).toBe(403)
      const rank = await ok(call(t, 'station', 'ranking', { limit: 10 }, staff))
      expect(rank.items).toHaveLength(10)
      const ids = new Set(stats.items.map((i: { id: string }) => i.id))
      expect(rank.items.every((i: { id: string }) => ids.has(i.id))).toBe(true)
      for (let k = 1; k < rank.items.length; k++) expect(rank.items[k].score).toBeLessThanOrEqual(rank.items[k - 1].score)
      expect((await call(t, 'station', 'ranking', {}, member)).status).toBe(403)
    })
  })
})
