// The H5 app under its own security headers: the Content-Security-Policy allows exactly the app's files
// and its inline start-up script (by hash), and the app still renders and works with it, with no
// violation reported by the browser.
import crypto from 'node:crypto'
import { describeBrowser, loginAs, startStack, type Stack } from '../support/browser'

describeBrowser('security headers in the browser', () => {
  let s: Stack
  const violations: string[] = []

  beforeAll(async () => {
    s = await startStack()
    s.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
    })
  }, 240_000)
  afterAll(() => s?.stop())

  it('should send a CSP naming the inline script by hash, with no framing and no sniffing', async () => {
    const res = await fetch(`${s.url}/`)
    const html = await res.text()
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1])
    expect(inline.length).toBeGreaterThan(0)
    const csp = res.headers.get('content-security-policy') ?? ''
    for (const code of inline) expect(csp).toContain(`'sha256-${crypto.createHash('sha256').update(code).digest('base64')}'`)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('should render and run the app under that policy without a violation', async () => {
    await loginAs(s, 'demo-member')
    await s.page.goto(`${s.url}/#/pages/card/index`)
    await s.page.locator('.e-card-name', { hasText: '李建国' }).first().waitFor({ timeout: 20_000 })
    // The QR image is a data: URL, allowed by img-src.
    expect(await s.page.locator('.card-qr').first().getAttribute('src')).toMatch(/^data:image\//)
    expect(violations).toEqual([])
  }, 60_000)
})
