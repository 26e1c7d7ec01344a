// Offline in headless Chromium: once the service worker holds the app, reloading the finder, a station or
// the e-card with no network shows the app and the last results with their time; the card's offline QR
// still verifies at a station and says how long it is valid and how to refresh it.
import qrcode from 'qrcode-generator'
import type { Page } from 'playwright-core'
import { describeBrowser, loginAs, screenshot, startStack, type Stack } from '../support/browser'

/** Near Jianwai SOHO, Beijing (WGS-84). */
const POSITION = { latitude: 39.9073, longitude: 116.4435 }

/** Waits until the service worker is active (the whole app precached) and controls the page. */
async function swReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }))
  })
}

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null')?.data ?? null, key)

describeBrowser('offline in the browser', () => {
  let s: Stack
  const errors: string[] = []

  beforeAll(async () => {
    s = await startStack()
    await s.page.context().grantPermissions(['geolocation'], { origin: s.url })
    await s.page.context().setGeolocation(POSITION)
    s.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text())
    })
  }, 240_000)
  afterAll(() => s?.stop())

  it('should reload the finder with no network and show the last stations with their time, without the position', async () => {
    const { page } = s
    // A new visitor: the finder needs no login.
    await page.goto(`${s.url}/#/pages/stations/index`)
    await page.locator('#app .station-item').first().waitFor({ timeout: 30_000 })
    const online = await page.locator('#app .station-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
    await swReady(page)
    const cache = JSON.stringify(await stored(page, 'wu.stations.last'))
    expect(cache).not.toContain('distanceM')
    for (const v of [POSITION.latitude, POSITION.longitude]) expect(cache).not.toContain(String(v))

    await page.context().setOffline(true)
    try {
      await page.reload()
      await page.locator('#app .finder-offline').waitFor({ timeout: 30_000 })
      expect(await page.locator('#app .offline-banner').innerText()).toMatch(/^离线数据，更新于 \d{2}:\d{2}/)
      const shown = await page.locator('#app .station-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
      expect(shown).toEqual(online)
      await screenshot(page, 'offline-finder')
    } finally {
      await page.context().setOffline(false)
    }
  }, 180_000)

  it('should open a cached station offline with its address, hours, phone and navigation', async () => {
    const { page } = s
    const last = await stored(page, 'wu.stations.last')
    const st = last.items.find((x: { phone: string | null }) => x.phone) ?? last.items[0]
    await page.context().setOffline(true)
    try {
      await page.goto(`${s.url}/#/packages/stations/detail/index?id=${st.id}`)
      const box = page.locator('#app .detail-offline')
      await box.waitFor({ timeout: 30_000 })
      expect(await box.locator('.notice-offline').innerText()).toMatch(/^离线数据，更新于/)
      expect(await box.locator('.station-name').innerText()).toBe(st.name)
      expect(await box.locator('.detail-address').innerText()).toBe(st.address)
      expect(await box.locator('.detail-today').innerText()).toContain('今日开放')
      expect(await box.locator('.hours-row').count()).toBe(7)
      if (st.phone) expect(await box.locator('.phone-button').innerText()).toContain(st.phone)
      expect(await box.locator('.navigate-button').count()).toBe(1)
      // The hand-off to a map: plain browsers get Amap's marker page.
      // Offline the map page itself cannot load (the popup shows Chromium's error page): record where it was sent.
      await page.evaluate(() => {
        const open = window.open.bind(window)
        ;(window as unknown as { opened: string[] }).opened = []
        window.open = (u?: string | URL, target?: string, features?: string) => ((window as unknown as { opened: string[] }).opened.push(String(u)), open(u, target, features))
      })
      const popup = page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null)
      await box.locator('.navigate-button').click()
      const opened = await popup
      expect(opened).not.toBeNull()
      expect(await page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual([expect.stringContaining(`uri.amap.com/marker?position=${st.lng},${st.lat}`)])
      await opened?.close()
      await screenshot(page, 'offline-station-detail')
    } finally {
      await page.context().setOffline(false)
    }
  }, 120_000)

  it('should show the e-card offline with its number, name, union and status, and an offline QR a keeper can verify', async () => {
    const { page } = s
    await loginAs(s, 'demo-member')
    await page.goto(`${s.url}/#/pages/card/index`)
    await page.locator('#app .e-card-name', { hasText: '李建国' }).first().waitFor({ timeout: 30_000 })
    const cardNo = await page.locator('#app .card-no').first().innerText()
    const union = await page.locator('#app .e-card-union').first().innerText()
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem('wu.card.offline') || 'null')?.data?.codes?.length ?? 0) > 0, undefined, { timeout: 30_000 })
    await swReady(page)
    const kept = await stored(page, 'wu.card.offline')
    // Only what the card page shows: masked numbers, no raw ID or phone, no internal ids.
    expect(kept.card.idNumberMasked).toMatch(/\*{4,}/)
    expect(JSON.stringify(kept)).not.toMatch(/(?<!\d)(\d{17}[\dX]|1[3-9]\d{9})(?!\d)/)
    expect(kept.card).not.toHaveProperty('memberId')

    await page.context().setOffline(true)
    let shownQr = ''
    try {
      await page.reload()
      await page.locator('#app .card-offline').waitFor({ timeout: 30_000 })
      expect(await page.locator('#app .card-offline').innerText()).toMatch(/^离线数据，更新于/)
      expect(await page.locator('#app .e-card-name').innerText()).toContain('李建国')
      expect(await page.locator('#app .card-no').innerText()).toBe(cardNo)
      expect(await page.locator('#app .e-card-union').innerText()).toBe(union)
      expect(await page.locator('#app .e-card-status').innerText()).toContain('有效')
      // The QR's own validity, and how to get new codes.
      expect(await page.locator('#app .qr-offline-validity').innerText()).toMatch(/^离线二维码，有效至 \d{2}:\d{2}/)
      expect(await page.locator('#app .qr-offline-batch').innerText()).toMatch(/离线可核验至 .*联网后.*刷新二维码/)
      shownQr = (await page.locator('#app .card-qr').first().getAttribute('src')) ?? ''
      await screenshot(page, 'offline-card')
    } finally {
      await page.context().setOffline(false)
    }

    // The image is the code for this moment, and the station keeper's check accepts it.
    const now = Date.now() + kept.offsetMs
    const code = kept.codes.filter((c: { validFrom: string; validUntil: string }) => Date.parse(c.validFrom) <= now && now < Date.parse(c.validUntil)).pop()
    const q = qrcode(0, 'M')
    q.addData(code.qr)
    q.make()
    expect(shownQr).toBe(q.createDataURL(8, 4))
    const staff = await (await fetch(`${s.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: 'dev:demo-staff' } }) })).json()
    const verified = await fetch(`${s.url}/api/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff.data.token}` },
      body: JSON.stringify({ action: 'verifyCard', data: { qr: code.qr } }),
    })
    expect(await verified.json()).toMatchObject({ ok: true, data: { valid: true, name: '李建国', cardNo } })
  }, 180_000)

  it('should say when the offline codes are used up and how to refresh', async () => {
    const { page } = s
    await page.evaluate(() => {
      const v = JSON.parse(localStorage.getItem('wu.card.offline')!)
      v.data.codes = v.data.codes.map((c: { validFrom: string; validUntil: string }) => ({ ...c, validFrom: '2020-01-01T00:00:00Z', validUntil: '2020-01-01T00:05:00Z' }))
      localStorage.setItem('wu.card.offline', JSON.stringify(v))
    })
    await page.context().setOffline(true)
    try {
      await page.reload()
      await page.locator('#app .card-offline').waitFor({ timeout: 30_000 })
      expect(await page.locator('#app .qr-offline .qr-main-hint').innerText()).toBe('离线二维码已用完')
      expect(await page.locator('#app .qr-offline .qr-offline-batch').innerText()).toContain('请连上网络后刷新')
      expect(await page.locator('#app .card-qr').count()).toBe(0)
    } finally {
      await page.context().setOffline(false)
    }
    // Back online, 刷新二维码 brings the live card and a new batch.
    await page.locator('#app .qr-offline .qr-refresh').click()
    await page.locator('#app .card-qr').first().waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => Date.parse(JSON.parse(localStorage.getItem('wu.card.offline')!).data.codes[0].validFrom) > Date.parse('2021-01-01'), undefined, { timeout: 30_000 })
    expect(errors).toEqual([])
  }, 120_000)
})
