import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'

describe.each(backends())('staff console on %s', (backend) => {
  let t: TestApp
  let staff: string
  let admin: string

  beforeAll(async () => {
    t = await startTestApp(backend)
    staff = await login(t, 'demo-staff')
    admin = await login(t, 'demo-admin')
  }, 60_000)
  afterAll(() => t?.close())

  it('should summarise members, stations, sales and campaigns of the staff subtree', async () => {
    const d = await ok(call(t, 'console', 'dashboard', {}, staff))
    expect(d.union.name).toBe('建外街道总工会')
    const [m] = await t.app.db.query<{ active: number; pending: number }>(
      `select count(*) filter (where c.status = 'active')::int as active, count(*) filter (where c.status = 'pending')::int as pending
       from cards c join unions u on u.id = c.union_id where u.path like (select path from unions where code = '110105001') || '%'`,
    )
    expect(d.members).toMatchObject({ active: m.active, pending: m.pending })
    expect(d.members.byOccupation.reduce((s: number, o: { count: number }) => s + o.count, 0)).toBe(m.active)
    expect(d.stations.count).toBeGreaterThan(50)
    expect(d.campaigns.published).toBeGreaterThanOrEqual(4)
    const city = await ok(call(t, 'console', 'dashboard', {}, admin))
    expect(city.union).toBeNull()
    expect(city.members.active).toBeGreaterThanOrEqual(d.members.active)
  })

  it('should export each table as CSV with masked personal data', async () => {
    for (const table of ['members', 'stations', 'orders', 'campaigns']) {
      const r = await ok(call(t, 'console', 'export', { table }, staff))
      expect(r.csv.startsWith('\uFEFF')).toBe(true)
      expect(r.filename).toMatch(/^建外街道总工会-.+-\d{8}\.csv$/)
      expect(r.csv.split('\n').filter(Boolean).length).toBe(r.rows + 1)
    }
    const members = await ok(call(t, 'console', 'export', { table: 'members' }, staff))
    expect(members.csv).toContain('李建国')
    expect(members.csv).not.toMatch(/\d{17}[\dX]/)
    expect(members.csv).not.toMatch(/1[3-9]\d{9}/)
  })

  it('should let only the platform admin assign and remove staff, with an audit trail', async () => {
    const [hd] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110108001002'`)
    expect((await call(t, 'admin', 'assignStaff', { openid: 'new-clerk', unionId: hd.id }, staff)).status).toBe(403)
    const a = await ok(call(t, 'admin', 'assignStaff', { openid: 'new-clerk', unionId: hd.id }, admin))
    expect(a).toMatchObject({ openid: 'new-clerk', unionName: '海淀区中关村物业服务企业联合工会' })
    const clerk = await login(t, 'new-clerk')
    expect((await ok(call(t, 'auth', 'me', {}, clerk))).roles).toEqual(['staff'])
    expect((await ok(call(t, 'member', 'pending', {}, clerk))).items.every((i: { unionName: string }) => i.unionName === '海淀区中关村物业服务企业联合工会')).toBe(true)
    expect((await ok(call(t, 'admin', 'staff', {}, admin))).items.map((s: { openid: string }) => s.openid)).toContain('new-clerk')
    expect(await ok(call(t, 'admin', 'removeStaff', { openid: 'new-clerk' }, admin))).toEqual({ openid: 'new-clerk', removed: true })
    expect((await call(t, 'member', 'pending', {}, clerk)).status).toBe(403)
    const trail = await t.app.db.query<{ action: string }>(`select action from audit_log where action like 'admin.%' order by id`)
    expect(trail.map((x) => x.action)).toEqual(['admin.assignStaff', 'admin.removeStaff'])
  })
})
