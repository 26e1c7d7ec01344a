// Who is calling: the caller read in one database call per request, by session token (gateway) or by
// WeChat openid (cloud functions), with roles and union scope as the database says at that moment.
import { backends, login, startTestApp, type TestApp } from '../support/app'
import { cardHolder, staffUser, unionIdOf, unionTree } from '../support/fixtures'
import { callerByOpenid, callerByToken } from '../../cloud/platform/caller'

const lastLogin = async (t: TestApp, openid: string) =>
  (await t.app.db.query<{ at: Date | null }>('select last_login_at as at from users where openid = $1', [openid]))[0]?.at ?? null

describe.each(backends())('the caller on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
  }, 60_000)
  afterAll(() => t?.close())
  afterEach(() => {
    t.app.now = () => new Date()
  })

  it('should read a card holder who is also staff, with both unions, from the session token', async () => {
    await cardHolder(t, 'caller-both', { union: '110105001001', name: '王秀兰' })
    await staffUser(t, 'caller-both', '110105001')
    const c = await callerByToken(t.app, await login(t, 'caller-both'))
    expect(c).toMatchObject({
      openid: 'caller-both',
      isAdmin: false,
      isMember: true,
      roles: ['member', 'staff'],
      memberUnionId: await unionIdOf(t, '110105001001'),
      staffUnion: { id: await unionIdOf(t, '110105001') },
      member: { name: '王秀兰', unionId: await unionIdOf(t, '110105001001'), district: expect.any(String) },
    })
  })

  it('should see no member once the card is no longer active, on the very next call', async () => {
    const { memberId } = await cardHolder(t, 'caller-lost', { union: '110105001001' })
    const token = await login(t, 'caller-lost')
    expect((await callerByToken(t.app, token))?.isMember).toBe(true)
    await t.app.db.query(`update cards set status = 'suspended' where member_id = $1`, [memberId])
    expect(await callerByToken(t.app, token)).toMatchObject({ isMember: false, member: null, memberUnionId: null, roles: [] })
  })

  it('should know nobody for an expired, unknown or malformed token', async () => {
    const token = await login(t, 'caller-expired')
    t.app.now = () => new Date(Date.now() + 400 * 86_400_000)
    expect(await callerByToken(t.app, token)).toBeNull()
    t.app.now = () => new Date()
    expect(await callerByToken(t.app, 'A'.repeat(43))).toBeNull()
    expect(await callerByToken(t.app, "x' or '1'='1")).toBeNull()
  })

  it('should create the user behind a new openid, and note the last sign-in at most once an hour', async () => {
    const first = new Date('2026-12-01T02:00:00Z')
    t.app.now = () => first
    const c = await callerByOpenid(t.app, 'caller-wx-new')
    expect(c).toMatchObject({ openid: 'caller-wx-new', isMember: false, roles: [] })
    expect(await lastLogin(t, 'caller-wx-new')).toEqual(first)

    t.app.now = () => new Date(first.getTime() + 59 * 60_000)
    expect((await callerByOpenid(t.app, 'caller-wx-new')).userId).toBe(c.userId)
    expect(await lastLogin(t, 'caller-wx-new')).toEqual(first)

    const later = new Date(first.getTime() + 61 * 60_000)
    t.app.now = () => later
    await callerByOpenid(t.app, 'caller-wx-new')
    expect(await lastLogin(t, 'caller-wx-new')).toEqual(later)
    expect((await t.app.db.query('select 1 from users where openid = $1', ['caller-wx-new'])).length).toBe(1)
  })

  it('should give one user to one openid seen by many calls at once', async () => {
    const callers = await Promise.all(Array.from({ length: 12 }, () => callerByOpenid(t.app, 'caller-wx-burst')))
    expect(new Set(callers.map((c) => c.userId)).size).toBe(1)
  })
})
