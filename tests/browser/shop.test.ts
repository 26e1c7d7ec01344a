// The relief shop end to end in headless Chromium: a new member buys a product, pays with the simulated
// provider and sees the order paid; demo-staff opens the relief-purchase ledger and buys in bulk.
// Taro H5 keeps earlier pages in the DOM (hidden), so every selector is scoped by its page's class.
import type { Page } from 'playwright-core'
import { describeBrowser, loginAs, screenshot, startStack, uniqueOpenid, type Stack } from '../support/browser'

/** The development server's simulated provider asks 模拟支付 before "paying" (a Taro modal on <body>). */
async function confirmSimulatedPay(page: Page): Promise<void> {
  const modal = page.locator('.taro-modal__content', { hasText: '不会真实扣款' })
  await modal.locator('.taro-model__confirm', { hasText: '模拟支付' }).click({ timeout: 10_000 })
}

describeBrowser('relief shop in the browser', () => {
  let s: Stack

  beforeAll(async () => {
    s = await startStack()
  }, 240_000)
  afterAll(() => s?.stop())

  it('should let a member buy a product and see it paid', async () => {
    const { page } = s
    await loginAs(s, uniqueOpenid('shop'))
    await page.goto(`${s.url}/#/packages/shop/index/index`)
    const home = page.locator('.shop-home')
    await home.locator('.product-card').first().waitFor({ timeout: 20_000 })
    expect(await home.locator('.product-card').count()).toBe(20)
    await home.locator('.load-more').click()
    await page.waitForFunction(() => document.querySelectorAll('.shop-home .product-card').length > 20)
    await home.locator('.shop-search input').fill('赤峰小米')
    const card = page.locator('.shop-home .product-card', { hasText: '赤峰小米 5斤装' }).first()
    await card.waitFor({ timeout: 20_000 })
    expect(await card.innerText()).toContain('帮扶')
    expect(await card.innerText()).toContain('¥35.90')
    await screenshot(page, 'shop-home')
    await card.click()

    await page.waitForSelector('.product-page .product-title')
    const detail = page.locator('.product-page')
    expect(await detail.locator('.product-title').innerText()).toBe('赤峰小米 5斤装')
    expect(await detail.locator('.product-supplier').innerText()).toContain('敖汉旗惠隆杂粮种植农民专业合作社')
    expect(await detail.locator('.product-member-price').innerText()).toBe('¥35.90')
    expect(await detail.locator('.product-origin-full').innerText()).toContain('内蒙古自治区·赤峰市敖汉旗')
    await detail.locator('.stepper-plus').click()
    await detail.locator('.add-to-cart').click()
    await detail.locator('.cart-badge', { hasText: '2' }).waitFor()
    await detail.locator('.shop-cart-link').click()

    const cart = page.locator('.cart-page')
    await cart.locator('.cart-line').first().waitFor()
    expect(await cart.locator('.cart-line').count()).toBe(1)
    expect(await cart.locator('.line-qty').innerText()).toBe('2')
    await cart.locator('.checkout').click()

    const confirm = page.locator('.confirm-page')
    await confirm.locator('.addr-name input').waitFor()
    // Inline validation before anything is sent.
    await confirm.locator('.addr-phone input').fill('1381111')
    await confirm.locator('.addr-name input').click()
    await confirm.locator('.error-phone', { hasText: '请填写11位手机号' }).waitFor()
    await confirm.locator('.addr-name input').fill('李建国')
    await confirm.locator('.addr-phone input').fill('13811112222')
    await confirm.locator('.addr-region input').fill('北京市朝阳区建外街道')
    await confirm.locator('.addr-detail input').fill('建国门外大街1号国贸物业301')
    // Not a card holder: the list price applies.
    await confirm.locator('.confirm-total', { hasText: '¥79.80' }).waitFor()
    await screenshot(page, 'shop-confirm')
    await confirm.locator('.submit-order').click()

    const pay = page.locator('.pay-page')
    await pay.locator('.pay-now').waitFor({ timeout: 20_000 })
    expect(await pay.locator('.pay-amount-value').innerText()).toBe('¥79.80')
    expect(await pay.locator('.pay-countdown').innerText()).toMatch(/请在 \d\d:\d\d 内完成支付/)
    await pay.locator('.pay-now').click()
    await confirmSimulatedPay(page)
    await pay.locator('.pay-done', { hasText: '支付成功' }).waitFor({ timeout: 20_000 })
    await screenshot(page, 'shop-paid')
    await pay.locator('.view-order').click()

    const order = page.locator('.order-page')
    await order.locator('.order-detail-status').waitFor({ timeout: 20_000 })
    expect(await order.locator('.order-detail-status').innerText()).toBe('待发货')
    expect(await order.locator('.order-payable').innerText()).toBe('¥79.80')
    expect(await order.locator('.order-delivery').innerText()).toContain('建国门外大街1号国贸物业301')
    expect(await order.locator('.order-timeline').innerText()).toContain('待发货')
    expect(await order.locator('.order-refund-open').count()).toBe(1)
    expect(await order.locator('.order-pay').count()).toBe(0)
    const orderNo = (await order.innerText()).match(/订单号：(WU\d+)/)?.[1]
    expect(orderNo).toBeTruthy()
    await screenshot(page, 'shop-order')

    // The cart no longer holds what was bought.
    expect(await page.evaluate(() => localStorage.getItem('wu.cart'))).toBeNull()

    await page.goto(`${s.url}/#/packages/shop/orders/index`)
    const row = page.locator('.orders-page .order-row', { hasText: orderNo! })
    await row.waitFor({ timeout: 20_000 })
    expect(await row.locator('.order-row-status').innerText()).toBe('待发货')
    expect(await row.innerText()).toContain('赤峰小米 5斤装')
    await page.locator('.orders-page .tab-paid').click()
    await page.locator('.orders-page .order-row', { hasText: orderNo! }).waitFor()
    await page.locator('.orders-page .tab-pending').click()
    await page.locator('.orders-page .state-empty').waitFor()
    await screenshot(page, 'shop-orders')
  }, 180_000)

  it('should show demo-staff the ledger with the bulk order traceable, and let them buy in bulk', async () => {
    const { page } = s
    await loginAs(s, 'demo-staff')
    await page.goto(`${s.url}/#/packages/shop/ledger/index`)
    const ledger = page.locator('.ledger-page')
    await ledger.locator('.ledger-row').first().waitFor({ timeout: 20_000 })
    const rows = await ledger.locator('.ledger-row-label').allInnerTexts()
    expect(rows).toEqual(expect.arrayContaining(['内蒙古自治区 赤峰市敖汉旗']))
    const amounts = await ledger.locator('.ledger-row-amount').allInnerTexts()
    expect(amounts.every((a) => /^¥[\d,]+\.\d\d$/.test(a))).toBe(true)
    // 2,700 gift packs at ¥138.00.
    const total = await ledger.locator('.ledger-total-amount').innerText()
    expect(Number(total.replace(/[¥,]/g, ''))).toBeGreaterThanOrEqual(372_600)
    expect(await ledger.locator('.ledger-total-relief').innerText()).toMatch(/^¥[\d,]+\.\d\d$/)

    const top = ledger.locator('.ledger-row', { hasText: '内蒙古自治区 赤峰市敖汉旗' })
    await top.locator('.shop-row-top').click()
    await top.locator('.ledger-line', { hasText: '送温暖慰问礼包' }).waitFor()
    const trace = await top.locator('.ledger-line', { hasText: '送温暖慰问礼包' }).innerText()
    expect(trace).toContain('× 2700')
    expect(trace).toContain('81110105MC1234567X')
    expect(trace).toMatch(/订单号 WU\d+/)
    await screenshot(page, 'shop-ledger')

    await ledger.locator('.ledger-tab-union').click()
    await ledger.locator('.ledger-row-label', { hasText: '北京国贸物业管理有限公司工会' }).waitFor({ timeout: 20_000 })
    await ledger.locator('.ledger-bulk').click()

    // Bulk purchase for the staff member's own union, with an invoice, paid like a member order.
    const bulk = page.locator('.bulk-page')
    await bulk.locator('.bulk-union').waitFor({ timeout: 20_000 })
    expect(await bulk.locator('.bulk-union').innerText()).toBe('建外街道总工会')
    await bulk.locator('.bulk-product', { hasText: '送温暖慰问礼包（粮油米面组合）' }).locator('.bulk-add').click()
    await bulk.locator('.bulk-line').first().waitFor()
    await bulk.locator('.bulk-qty input').fill('2700')
    await bulk.locator('.bulk-tax-no input').fill('8111010')
    await bulk.locator('.bulk-submit').click()
    await bulk.locator('.error-invoice-taxNo', { hasText: '纳税人识别号格式不正确' }).waitFor()
    await bulk.locator('.bulk-tax-no input').fill('81110105MC1234567X')
    await bulk.locator('.bulk-name input').fill('王志刚')
    await bulk.locator('.bulk-phone input').fill('13900001111')
    await bulk.locator('.bulk-region input').fill('北京市朝阳区建外街道')
    await bulk.locator('.bulk-detail input').fill('建国门外大街甲6号工会办公室')
    expect(await bulk.locator('.bulk-total').innerText()).toBe('¥372,600.00')
    await bulk.locator('.bulk-submit').click()

    const pay = page.locator('.pay-page')
    await pay.locator('.pay-now').waitFor({ timeout: 20_000 })
    expect(await pay.locator('.pay-amount-value').innerText()).toBe('¥372,600.00')
    await pay.locator('.pay-now').click()
    await confirmSimulatedPay(page)
    await pay.locator('.pay-done', { hasText: '支付成功' }).waitFor({ timeout: 20_000 })
    await screenshot(page, 'shop-bulk-paid')
  }, 120_000)

  it('should let a member with a hardship file pay part of a relief order with the relief-purchase subsidy', async () => {
    const { page } = s
    await loginAs(s, 'demo-m-care') // 何秀英: deep-difficulty file in the Jianwai community union
    await page.goto(`${s.url}/#/packages/shop/index/index`)
    const home = page.locator('.shop-home')
    await home.locator('.shop-search input').fill('赤峰小米')
    await page.locator('.shop-home .product-card', { hasText: '赤峰小米 5斤装' }).first().click()
    await page.locator('.product-page .buy-now').click()

    const confirm = page.locator('.confirm-page')
    await confirm.locator('.relief-label', { hasText: '本年度余额 ¥500.00' }).waitFor({ timeout: 20_000 })
    await confirm.locator('.relief-row').click()
    await confirm.locator('.addr-name input').fill('何秀英')
    await confirm.locator('.addr-phone input').fill('13522223333')
    await confirm.locator('.addr-region input').fill('北京市朝阳区建外街道')
    await confirm.locator('.addr-detail input').fill('建外街道养老照料中心宿舍2号楼')
    await confirm.locator('.submit-order').click()

    // Member price ¥35.90; the subsidy pays half (¥17.95), the member pays the rest.
    const pay = page.locator('.pay-page')
    await pay.locator('.pay-now').waitFor({ timeout: 20_000 })
    expect(await pay.locator('.pay-subsidy').innerText()).toBe('已用消费帮扶补贴抵扣 ¥17.95')
    expect(await pay.locator('.pay-amount-value').innerText()).toBe('¥17.95')
    await pay.locator('.pay-now').click()
    await confirmSimulatedPay(page)
    await pay.locator('.pay-done', { hasText: '支付成功' }).waitFor({ timeout: 20_000 })
    await screenshot(page, 'shop-relief-subsidy')
  }, 120_000)
})
