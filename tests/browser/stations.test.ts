// The warm-station finder in headless Chromium: a rider near Jianwai finds the nearest stations, keeps those
// that heat meals, and opens one for its hours and navigation.
import { describeBrowser, loginAs, screenshot, startStack, type Stack } from '../support/browser'

describeBrowser('warm-station finder in the browser', () => {
  let s: Stack

  beforeAll(async () => {
    s = await startStack()
    // Browser geolocation is WGS-84; near Jianwai SOHO, Beijing.
    await s.page.context().grantPermissions(['geolocation'], { origin: s.url })
    await s.page.context().setGeolocation({ latitude: 39.9073, longitude: 116.4435 })
  }, 240_000)
  afterAll(() => s?.stop())

  const distances = async () =>
    (await s.page.locator('.station-item-distance').allInnerTexts()).map((t) => {
      const m = /([\d.]+)\s*(公里|km|米|m)/.exec(t)
      if (!m) throw new Error(`unreadable distance: ${t}`)
      return Number(m[1]) * (m[2] === '公里' || m[2] === 'km' ? 1000 : 1)
    })

  it('should list the nearest stations first, filter by a service and open the detail', async () => {
    const { page } = s
    await loginAs(s, 'demo-m-rider')
    await page.goto(`${s.url}/#/pages/stations/index`)
    await page.waitForSelector('.station-item', { timeout: 20_000 })
    expect(await page.locator('.finder-origin-label').innerText()).toContain('当前位置附近')
    const all = await distances()
    expect(all.length).toBeGreaterThan(3)
    expect(all).toEqual([...all].sort((a, b) => a - b))
    expect(all[0]).toBeLessThan(3000)

    // Only stations that heat meals.
    await page.locator('.chip-meal_heating').click()
    await page.waitForSelector('.chip-meal_heating.chip-on')
    await page.waitForFunction(() => {
      const lists = [...document.querySelectorAll('.station-item .station-services')]
      return !document.querySelector('.finder-loading') && lists.length > 0 && lists.every((e) => (e.textContent ?? '').includes('热饭'))
    }, undefined, { timeout: 20_000 })
    const services = await page.locator('.station-item .station-services').allInnerTexts()
    expect(services.length).toBeGreaterThan(0)
    for (const text of services) expect(text).toContain('热饭')
    const filtered = await distances()
    expect(filtered).toEqual([...filtered].sort((a, b) => a - b))
    await screenshot(page, 'stations-meal-heating')

    const name = (await page.locator('.station-item .station-item-name').first().innerText()).trim()
    await page.locator('.station-item').first().click()
    await page.waitForSelector('.station-detail[data-id]', { timeout: 20_000 })
    expect((await page.locator('.station-detail .station-name').innerText()).trim()).toBe(name)
    expect(await page.locator('.detail-today').innerText()).toContain('今日开放')
    expect(await page.locator('.navigate-button').count()).toBe(1)
    await screenshot(page, 'station-detail')
  }, 120_000)
})
