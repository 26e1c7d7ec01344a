// The finder is public: nearby and detail answer without a session (and with an expired one); what the
// caller did at a station, and check-in and rating, need a session.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'

describe.each(backends())('public station finder on %s', (backend) => {
  let t: TestApp

  beforeAll(async () => {
    t = await startTestApp(backend)
  }, 60_000)
  afterAll(() => t?.close())

  const near = { lat: 39.9087, lng: 116.4605 }

  it('should list nearby stations with their phone and hours to anyone', async () => {
    const r = await ok(call(t, 'station', 'nearby', near))
    expect(r.items.length).toBeGreaterThan(0)
    for (const s of r.items) {
      expect(s).toHaveProperty('phone')
      expect(s.hours).toMatchObject({ is24h: expect.any(Boolean), weekly: expect.any(Array) })
    }
    expect(r.items.some((s: { phone: string | null }) => s.phone)).toBe(true)
  })

  it('should open a station to anyone, without what only a member has', async () => {
    const [first] = (await ok(call(t, 'station', 'nearby', near))).items
    const d = await ok(call(t, 'station', 'detail', { id: first.id }))
    expect(d).toMatchObject({ id: first.id, myRating: null, checkedInToday: false, canReport: false, phone: first.phone, hours: first.hours })
  })

  it('should read with an expired session as anyone, and ask for a session to check in or rate', async () => {
    const stale = 'x'.repeat(43)
    const [first] = (await ok(call(t, 'station', 'nearby', near, stale))).items
    expect((await call(t, 'station', 'detail', { id: first.id }, stale)).status).toBe(200)
    expect((await call(t, 'station', 'checkIn', { stationId: first.id })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    expect((await call(t, 'station', 'rate', { stationId: first.id, stars: 5 }, stale)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const rider = await login(t, 'demo-m-rider')
    expect((await ok(call(t, 'station', 'checkIn', { stationId: first.id }, rider))).visitCount).toBeGreaterThan(0)
    expect((await ok(call(t, 'station', 'detail', { id: first.id }, rider))).checkedInToday).toBe(true)
  })
})
