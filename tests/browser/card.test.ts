// The union card end to end in headless Chromium: a newcomer logs in, registers and sees the e-card;
// demo-staff sees the review queue and verifies the card.
import { describeBrowser, loginAs, screenshot, startStack, uniqueOpenid, type Stack } from '../support/browser'
import { makeIdNumber } from '../../cloud/demo/people'

describeBrowser('union card in the browser', () => {
  let s: Stack

  beforeAll(async () => {
    s = await startStack()
  }, 240_000)
  afterAll(() => s?.stop())

  const field = (cls: string) => s.page.locator(`.${cls} input`).first()

  it('should let a newcomer register and see the e-card with its QR', async () => {
    const { page } = s
    await loginAs(s, uniqueOpenid('browser'))
    await page.goto(`${s.url}/#/pages/card/index`)
    await page.locator('.join-now').click()
    await page.waitForSelector('.register')

    // Inline validation: a wrong check digit is explained before submitting.
    const id = makeIdNumber('110105', '19940615', 321)
    await field('reg-idNumber').fill(id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))
    await field('reg-name').click()
    await page.waitForSelector('text=身份证号校验位不正确')

    await field('reg-name').fill('赵晓梅')
    await field('reg-idNumber').fill(id)
    await field('reg-phone').fill('13912345678')
    await field('union-search').fill('国贸物业')
    await page.locator('.union-option', { hasText: '北京国贸物业管理有限公司工会' }).first().click()
    await page.locator('.occ-property_service').click()
    // Submit stays disabled until the personal-data consent is given.
    await page.locator('.consent-label').click()
    await page.locator('.register-submit').click()

    await page.waitForSelector('.e-card', { timeout: 20_000 })
    await page.waitForSelector('.card-qr')
    const cardNo = (await page.locator('.card-no').innerText()).trim()
    expect(cardNo).toMatch(/^110105001001-\d{6}$/)
    expect(await page.locator('.e-card-name').innerText()).toContain('赵晓梅')
    const text = await page.locator('.card-page').innerText()
    expect(text).toContain(`${id.slice(0, 6)}********${id.slice(14)}`)
    expect(text).toContain('139****5678')
    expect(text).not.toContain(id)
    await screenshot(page, 'card-newcomer')
  }, 120_000)

  it('should show demo-staff the review queue', async () => {
    const { page } = s
    await loginAs(s, 'demo-staff')
    await page.goto(`${s.url}/#/packages/admin/review/index`)
    await page.waitForSelector('.review-item', { timeout: 20_000 })
    const names = await page.locator('.review-item .name').allInnerTexts()
    expect(names).toEqual(expect.arrayContaining(['赵强', '刘洋', '王芳']))
    expect(names).not.toContain('陈静') // another district's applicant
    await screenshot(page, 'review-queue')
  }, 60_000)
})
