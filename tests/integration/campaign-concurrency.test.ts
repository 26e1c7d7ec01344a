// The quota under concurrent claims, on the PostgreSQL server.
import { call, login, ok, startTestApp, type TestApp } from '../support/app'
import { idNumber as makeIdNumber, staff as staffOf, station as newStation, unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

async function members(t: TestApp, prefix: string, n: number, from = 0): Promise<string[]> {
  const [union] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001003'`)
  const tokens: string[] = []
  for (let i = 0; i < n; i++) {
    const tok = await login(t, `${prefix}-${i}`)
    await ok(call(t, 'member', 'register', { name: '抢领测试', idNumber: makeIdNumber('110105', '19900505', from + i), phone: '13500000000', unionId: union.id, occupation: 'courier' }, tok))
    tokens.push(tok)
  }
  return tokens
}

onServer('campaign quota under concurrent claims on postgres', () => {
  let t: TestApp
  let staff: string
  let stationId: string
  beforeAll(async () => {
    t = await startTestApp('postgres', { demo: false })
    await unionTree(t)
    staff = await staffOf(t, 'street-staff', '110105001')
    stationId = await newStation(t, { union: '110105001' })
  }, 60_000)
  afterAll(() => t?.close())

  const publish = async (quota: number | undefined, action: 'claim' | 'signup' = 'claim') => {
    const { id } = await ok(
      call(t, 'campaign', 'save', { kind: 'send_coolness', title: '送清凉：防暑降温包', body: '高温季节为户外劳动者准备防暑降温包，数量有限。', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86400_000).toISOString(), action, quota, stationId }, staff),
    )
    await ok(call(t, 'campaign', 'publish', { id }, staff))
    return id as string
  }
  const row = async (id: string) =>
    (await t.app.db.query<{ taken: number; joins: number }>('select taken, (select count(*)::int from campaign_joins where campaign_id = $1) as joins from campaigns where id = $1', [id]))[0]

  it('should hand out exactly the quota when 120 members claim at once, and one claim per member', async () => {
    const id = await publish(30)
    const tokens = await members(t, 'claimer', 120)
    // Everyone taps twice.
    const results = await Promise.all([...tokens, ...tokens].map((tok) => call(t, 'campaign', 'join', { id }, tok)))
    const winners = new Set(results.filter((r) => r.body.ok).map((r) => (r.body as any).data.code))
    expect(winners.size).toBe(30)
    expect(results.filter((r) => !r.body.ok).every((r) => (r.body as any).error.code === 'QUOTA_FULL')).toBe(true)
    expect(await row(id)).toEqual({ taken: 30, joins: 30 })
  }, 120_000)

  it('should give each of 40 members tapping twice at once one place, the same code on both taps, the code kept for them', async () => {
    const id = await publish(50)
    const tokens = await members(t, 'twice', 40, 200)
    const results = await Promise.all([...tokens, ...tokens].map((tok) => ok(call(t, 'campaign', 'join', { id }, tok))))
    const stored = await t.app.db.query<{ openid: string; code: string }>(
      `select u.openid, j.code from campaign_joins j join members m on m.id = j.member_id join users u on u.id = m.user_id where j.campaign_id = $1`,
      [id],
    )
    const codeOf = new Map(stored.map((r) => [r.openid, r.code]))
    for (let i = 0; i < 40; i++) {
      expect(results[i].code).toMatch(/^[A-Z0-9]{8}$/)
      expect(results[i + 40].code).toBe(results[i].code)
      expect(codeOf.get(`twice-${i}`)).toBe(results[i].code)
    }
    expect(await row(id)).toEqual({ taken: 40, joins: 40 })
    expect(Math.min(...results.map((r) => r.remaining ?? 50))).toBe(10)
  }, 120_000)

  it('should sign up everyone once for a campaign without a quota, however many arrive together', async () => {
    const id = await publish(undefined, 'signup')
    const tokens = await members(t, 'signup', 60, 400)
    const results = await Promise.all([...tokens, ...tokens].map((tok) => ok(call(t, 'campaign', 'join', { id }, tok))))
    expect(results.every((r) => r.action === 'signup' && r.code === null && r.remaining === null)).toBe(true)
    expect(await row(id)).toEqual({ taken: 60, joins: 60 })
  }, 120_000)
})
