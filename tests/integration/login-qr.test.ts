// Scan-to-login for the desktop console, through the API: the desktop's challenge, the phone's scan and
// confirmation, one session collected once; expired, reused and foreign challenges refused with a code.
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { LOGIN_QR_PREFIX } from '../../types/auth'
import { admin, staff, unionTree } from '../support/fixtures'

const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

async function desktop(t: TestApp) {
  const res = await fetch(`${t.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': DESKTOP_UA }, body: JSON.stringify({ action: 'loginQr', data: {} }) })
  const body = (await res.json()) as any
  return body.data as { challenge: string; pollKey: string; qr: string; expiresAt: string }
}
const codeOf = (r: { body: any }) => (r.body.ok ? 'ok' : r.body.error.code)

describe.each(backends())('scan-to-login on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    await staff(t, 'qr-staff', '110105001')
  }, 60_000)
  afterAll(() => t?.close())

  it('should log the desktop in as the staff member who scanned and confirmed, handing the token out once', async () => {
    const d = await desktop(t)
    expect(d.qr).toBe(`${LOGIN_QR_PREFIX}${d.challenge}`)
    expect(new Date(d.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(120_000)
    expect(await ok(call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))).toEqual({ status: 'waiting' })
    const phone = await login(t, 'qr-staff')
    const seen = await ok(call(t, 'auth', 'scanQr', { challenge: d.challenge }, phone))
    expect(seen.desktop).toMatchObject({ browser: 'Windows 上的 Chrome', address: '127.0.*.*' })
    expect((await ok(call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))).status).toBe('scanned')
    expect(await ok(call(t, 'auth', 'confirmQr', { challenge: d.challenge }, phone))).toEqual({ confirmed: true })
    const got = await ok(call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))
    expect(got).toMatchObject({ status: 'confirmed', token: expect.any(String) })
    const me = await ok(call(t, 'auth', 'me', {}, got.token))
    expect(me).toMatchObject({ openid: 'qr-staff', roles: expect.arrayContaining(['staff']) })
    expect((await call(t, 'console', 'dashboard', {}, got.token)).status).toBe(200)
    // Collected once: the next poll, and a second confirmation, are refused.
    expect(codeOf(await call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))).toBe('QR_INVALID')
    expect(codeOf(await call(t, 'auth', 'confirmQr', { challenge: d.challenge }, phone))).toBe('QR_INVALID')
    // Logging out ends that desktop session only.
    expect(await ok(call(t, 'auth', 'logout', {}, got.token))).toEqual({ ended: true })
    expect(codeOf(await call(t, 'auth', 'me', {}, got.token))).toBe('UNAUTHENTICATED')
    expect(codeOf(await call(t, 'auth', 'me', {}, phone))).toBe('ok')
  })

  it('should refuse an expired challenge with QR_EXPIRED and report it expired to the desktop', async () => {
    const d = await desktop(t)
    const phone = await login(t, 'qr-staff')
    const clock = t.app.now
    t.app.now = () => new Date(Date.now() + 121_000)
    try {
      expect(codeOf(await call(t, 'auth', 'confirmQr', { challenge: d.challenge }, phone))).toBe('QR_EXPIRED')
      expect(codeOf(await call(t, 'auth', 'scanQr', { challenge: d.challenge }, phone))).toBe('QR_EXPIRED')
      expect(await ok(call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))).toEqual({ status: 'expired' })
    } finally {
      t.app.now = clock
    }
  })

  it("should refuse a foreign challenge: an unknown one, someone else's poll key, and a phone confirming what another phone scanned", async () => {
    const d = await desktop(t)
    const other = await desktop(t)
    const phone = await login(t, 'qr-staff')
    expect(codeOf(await call(t, 'auth', 'confirmQr', { challenge: 'A'.repeat(43) }, phone))).toBe('QR_INVALID')
    expect(codeOf(await call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: other.pollKey }))).toBe('QR_INVALID')
    await ok(call(t, 'auth', 'scanQr', { challenge: d.challenge }, phone))
    const intruder = await login(t, 'qr-member')
    expect(codeOf(await call(t, 'auth', 'confirmQr', { challenge: d.challenge }, intruder))).toBe('QR_INVALID')
    expect(codeOf(await call(t, 'auth', 'confirmQr', { challenge: d.challenge }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await call(t, 'auth', 'confirmQr', { challenge: 'short' }, phone))).toBe('VALIDATION_FAILED')
    // Nothing was handed out.
    expect((await ok(call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))).token).toBeUndefined()
  })

  it('should let only one of two simultaneous polls collect the session', async () => {
    const d = await desktop(t)
    await ok(call(t, 'auth', 'confirmQr', { challenge: d.challenge }, await admin(t, 'qr-admin')))
    const polls = await Promise.all([1, 2, 3].map(() => call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey })))
    expect(polls.filter((p) => p.body.ok && (p.body.data as any).token)).toHaveLength(1)
    expect(polls.filter((p) => codeOf(p) === 'QR_INVALID')).toHaveLength(2)
  })

  it('should confirm from the mini-program over wx.cloud, where WeChat names the caller', async () => {
    const d = await desktop(t)
    const { invokeFunction } = await import('../support/weapp/host')
    const r = (await invokeFunction(t.app, 'auth', { action: 'confirmQr', data: { challenge: d.challenge } }, 'qr-staff')) as any
    expect(r).toEqual({ ok: true, data: { confirmed: true } })
    const got = await ok(call(t, 'auth', 'pollQr', { challenge: d.challenge, pollKey: d.pollKey }))
    expect((await ok(call(t, 'auth', 'me', {}, got.token))).openid).toBe('qr-staff')
  })
})
