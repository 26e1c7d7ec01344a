// A card shown offline: member.offlineCodes hands an active card's holder a batch of signed codes, one per
// QR lifetime for the policy's hours; a station keeper's verifyCard accepts each inside its own window only.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'

describe.each(backends())('offline card codes on %s', (backend) => {
  let t: TestApp
  let member: string
  let staff: string

  beforeAll(async () => {
    t = await startTestApp(backend)
    member = await login(t, 'demo-member')
    staff = await login(t, 'demo-staff')
  }, 60_000)
  afterAll(() => t?.close())

  const verifyAt = async (qr: string, shiftS: number) => {
    const realNow = t.app.now
    t.app.now = () => new Date(Date.now() + shiftS * 1000)
    try {
      return await call(t, 'member', 'verifyCard', { qr }, staff)
    } finally {
      t.app.now = realNow
    }
  }

  it('should give the policy hours of codes, each verifiable in its own window', async () => {
    const r = await ok(call(t, 'member', 'offlineCodes', {}, member))
    const { qrTtlSeconds, offlineQrHours } = t.app.policies.membership
    expect(r.codes).toHaveLength(Math.ceil((offlineQrHours * 3600) / qrTtlSeconds))
    expect(Math.abs(Date.parse(r.serverTime) - Date.now())).toBeLessThan(5_000)
    const third = r.codes[2]
    const startS = (Date.parse(third.validFrom) - Date.now()) / 1000
    expect((await ok(call(t, 'member', 'verifyCard', { qr: r.codes[0].qr }, staff))).name).toBe('李建国')
    expect((await ok(call(t, 'member', 'verifyCard', { qr: r.codes[0].qr }, staff))).valid).toBe(true)
    expect((await call(t, 'member', 'verifyCard', { qr: third.qr }, staff)).body).toMatchObject({ ok: false, error: { code: 'QR_EXPIRED', message: expect.stringContaining('尚未生效') } })
    expect((await verifyAt(third.qr, startS + 10)).body).toMatchObject({ ok: true, data: { valid: true } })
    const last = r.codes[r.codes.length - 1]
    const pastS = (Date.parse(last.validUntil) - Date.now()) / 1000 + 5
    expect((await verifyAt(last.qr, pastS)).body).toMatchObject({ ok: false, error: { code: 'QR_EXPIRED' } })
  })

  it('should keep the keeper scope and give codes only to an active card', async () => {
    const r = await ok(call(t, 'member', 'offlineCodes', {}, member))
    const hdStaff = await login(t, 'demo-staff-haidian')
    expect((await call(t, 'member', 'verifyCard', { qr: r.codes[0].qr }, hdStaff)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const newcomer = await login(t, 'offline-newcomer')
    expect((await call(t, 'member', 'offlineCodes', {}, newcomer)).body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect((await call(t, 'member', 'offlineCodes', {})).status).toBe(401)
  })
})
