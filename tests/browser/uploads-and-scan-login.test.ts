// In headless Chromium: a member attaches a photo of a bill to a hardship application and the clerk
// checking it opens it (its location gone); a desktop browser logs in to the console by scan, the phone's
// side going through the API as the mini-program would.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeBrowser, loginAs, openRoute, screenshot, startStack, type Stack } from '../support/browser'
import { jpegWithGps } from '../support/images'
import { hasGps } from '../../cloud/platform/storage/location'

describeBrowser('uploads and scan-to-login in the browser', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack()
  }, 240_000)
  afterAll(() => s?.stop())

  const open = (route: string) => openRoute(s, route)
  const api = async (fn: string, action: string, data: unknown, token?: string) => {
    const r = await fetch(`${s.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ action, data }) })
    return (await r.json()) as any
  }
  const tokenOf = async (openid: string) => (await api('auth', 'login', { code: `dev:${openid}` })).data.token as string

  it('should attach a photo to a hardship application that the checking clerk opens without its location', async () => {
    const { page } = s
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wu-photo-')), 'bill.jpg')
    fs.writeFileSync(photo, jpegWithGps())
    await loginAs(s, 'demo-member')
    await open('/packages/subsidy/apply/index')
    await page.waitForSelector('.subsidy-apply', { timeout: 20_000 })
    await page.locator('.add-child').click()
    await page.locator('.member-0 .income-input input').first().fill('1800')
    await page.locator('.member-1 .income-input input').first().fill('0')
    await page.locator('.cond-chronic_illness').click()
    await page.locator('.apply-phone input').first().fill('13811112222')
    await page.locator('.add-evidence').click()
    await page.locator('.evidence-ref input').first().fill('住院费用发票 0012345')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.evidence-photo').first().click()
    await (await chooser).setFiles(photo)
    await page.locator('.evidence-upload-state', { hasText: '已上传' }).waitFor({ timeout: 20_000 })
    await page.locator('.consent-row').click()
    await page.locator('.apply-submit').click()
    await page.waitForSelector('.subsidy-mine .application', { timeout: 20_000 })

    await loginAs(s, 'demo-staff-gm')
    await open('/packages/subsidy/queue/index')
    const item = page.locator('.queue-item', { hasText: '李建国' })
    await item.waitFor({ timeout: 20_000 })
    const thumb = item.locator('.ev-thumb-img img, img.ev-thumb-img').first()
    await thumb.waitFor({ timeout: 20_000 })
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await thumb.elementHandle(), { timeout: 20_000 })
    const src = await thumb.getAttribute('src')
    expect(src).toMatch(/\/files\/[0-9a-f-]{36}\?e=\d+&s=/)
    const res = await page.request.get(new URL(src!, s.url).toString())
    expect([res.status(), res.headers()['content-type']]).toEqual([200, 'image/jpeg'])
    expect(hasGps(Buffer.from(await res.body()))).toBe(false)
    await screenshot(page, 'queue-evidence-thumbnail')

    // Staff of another district get FORBIDDEN for the same file.
    const fileId = /\/files\/([0-9a-f-]{36})/.exec(src!)![1]
    expect((await api('file', 'url', { fileId }, await tokenOf('demo-staff-haidian'))).error.code).toBe('FORBIDDEN')
  }, 180_000)

  it('should log a desktop browser in to the console when staff scan its QR and confirm', async () => {
    const desktop = await s.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await desktop.newPage()
    const challenge = page.waitForResponse((r) => r.url().endsWith('/api/auth') && r.request().postData()?.includes('loginQr') === true)
    await page.goto(`${s.url}/#/packages/console/login/index`)
    const body = await (await challenge).json()
    await page.locator('.desktop-login-qr').first().waitFor({ timeout: 20_000 })
    expect(await page.locator('.desktop-login-hint').innerText()).toContain('扫码登录电脑版')

    // The phone: scan (which desktop?) and confirm, as the mini-program calls them.
    const phone = await tokenOf('demo-staff')
    const seen = await api('auth', 'scanQr', { challenge: body.data.challenge }, phone)
    expect(seen.data.desktop.browser).toMatch(/Chrome|浏览器/)
    await page.locator('.desktop-login-hint', { hasText: '已扫码' }).waitFor({ timeout: 10_000 })
    expect((await api('auth', 'confirmQr', { challenge: body.data.challenge }, phone)).ok).toBe(true)

    await page.waitForFunction(() => location.hash.includes('packages/console/index'), undefined, { timeout: 20_000 })
    await page.locator('.staff-console').first().waitFor({ timeout: 20_000 })
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('wu.session') ?? 'null')?.data ?? localStorage.getItem('wu.session'))
    expect((await api('auth', 'me', {}, token)).data.openid).toBe('demo-staff')
    await screenshot(page, 'desktop-console-after-scan')
    await desktop.close()
  }, 120_000)
})
