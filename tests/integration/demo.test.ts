// The demo as the demo: what `npm start` shows on an empty database, loaded once however often it is asked.
// Other test files build their own data (tests/support/fixtures.ts) or use the demo as a ready-made city.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
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
})
