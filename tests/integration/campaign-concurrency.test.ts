// The quota under concurrent claims, on the PostgreSQL server.
import { call, login, ok, startTestApp, type TestApp } from '../support/app'
import { idNumber as makeIdNumber, staff as staffOf, station as newStation, unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('campaign quota under concurrent claims on postgres', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('postgres', { demo: false })
    await unionTree(t)
  }, 60_000)
  afterAll(() => t?.close())

  it('should hand out exactly the quota when 120 members claim at once, and one claim per member', async () => {
    const staff = await staffOf(t, 'street-staff', '110105001')
    const station = { id: await newStation(t, { union: '110105001' }) }
    const [union] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001003'`)
    const { id } = await ok(
      call(t, 'campaign', 'save', { kind: 'send_coolness', title: '送清凉：防暑降温包', body: '高温季节为户外劳动者准备防暑降温包，数量有限。', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86400_000).toISOString(), action: 'claim', quota: 30, stationId: station.id }, staff),
    )
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    const tokens: string[] = []
    for (let i = 0; i < 120; i++) {
      const tok = await login(t, `claimer-${i}`)
      await ok(call(t, 'member', 'register', { name: '抢领测试', idNumber: makeIdNumber('110105', '19900505', i), phone: '13500000000', unionId: union.id, occupation: 'courier' }, tok))
      tokens.push(tok)
    }
    // Everyone taps twice.
    const results = await Promise.all([...tokens, ...tokens].map((tok) => call(t, 'campaign', 'join', { id }, tok)))
    const winners = new Set(results.filter((r) => r.body.ok).map((r) => (r.body as any).data.code))
    expect(winners.size).toBe(30)
    expect(results.filter((r) => !r.body.ok).every((r) => (r.body as any).error.code === 'QUOTA_FULL')).toBe(true)
    const [row] = await t.app.db.query<{ taken: number; joins: number }>('select taken, (select count(*)::int from campaign_joins where campaign_id = $1) as joins from campaigns where id = $1', [id])
    expect(row).toEqual({ taken: 30, joins: 30 })
  }, 120_000)
})
