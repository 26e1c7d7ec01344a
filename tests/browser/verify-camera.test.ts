// Staff verify a card on H5 through the camera: Chromium's fake camera shows the real QR of demo-member's
// card (member.myCard, drawn like the card page into a Y4M file), the page reads it and reports the card valid.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeBrowser, loginAs, screenshot, startStack, type Stack } from '../support/browser'
import { writeQrY4m } from '../support/y4m'

async function api(url: string, fn: string, action: string, data: unknown, token?: string) {
  const r = await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ action, data }) })
  const body = (await r.json()) as { ok: boolean; data: any; error?: unknown }
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
  return body.data
}

describeBrowser('card verification by camera', () => {
  let s: Stack
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-camera-'))
  const video = path.join(dir, 'card-qr.y4m')
  let payload = ''

  beforeAll(async () => {
    s = await startStack({
      chromiumArgs: async (url) => {
        const { token } = await api(url, 'auth', 'login', { code: 'dev:demo-member' })
        payload = (await api(url, 'member', 'myCard', {}, token)).qr
        writeQrY4m(video, payload)
        return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]
      },
    })
    await s.page.context().grantPermissions(['camera'], { origin: s.url })
  }, 240_000)
  afterAll(async () => {
    await s?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("should report demo-member's card as valid when staff hold its QR to the camera", async () => {
    const { page } = s
    expect(payload).toBeTruthy()
    await loginAs(s, 'demo-staff')
    await page.goto(`${s.url}/#/packages/admin/verify/index`)
    await page.locator('.camera-start').first().click()
    const result = page.locator('.verify-result')
    await result.waitFor({ state: 'visible', timeout: 20_000 })
    expect(await page.locator('.result-title').innerText()).toContain('✓ 有效')
    expect(await result.innerText()).toContain('李建国')
    expect(await result.innerText()).toContain('北京国贸物业管理有限公司工会')
    // The code read is the card's own payload, shown in the paste box; the camera is off again.
    expect(await page.locator('.verify-input textarea').first().inputValue()).toBe(payload)
    expect(await page.locator('.camera-view-off').count()).toBe(1)
    await screenshot(page, 'verify-camera')
  }, 90_000)

  it('should still verify a pasted payload when the camera is not used', async () => {
    const { page } = s
    await page.goto(`${s.url}/#/packages/admin/verify/index`)
    await page.locator('.verify-input textarea').first().fill('not-a-card')
    await page.locator('.verify-submit').first().click()
    await page.locator('.verify-result').waitFor({ state: 'visible', timeout: 15_000 })
    expect(await page.locator('.result-title').innerText()).toMatch(/✗/)
  }, 60_000)
})
