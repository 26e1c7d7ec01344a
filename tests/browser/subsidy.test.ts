// The hardship self-check end to end in headless Chromium: no login, a household of three, the result
// with every reason explained, and the programmes the household may apply for; then a member applies
// from the result and staff take it through the review queue and the files.
import path from 'node:path'
import { SCREENSHOTS, describeBrowser, loginAs, openRoute, screenshot, startStack, type Stack } from '../support/browser'

describeBrowser('hardship relief in the browser', () => {
  let s: Stack

  beforeAll(async () => {
    s = await startStack()
  }, 240_000)
  afterAll(() => s?.stop())

  const open = (route: string) => openRoute(s, route)
  const income = (row: number) => s.page.locator(`.member-${row} .income-input input`).first()
  const runCheck = async () => {
    await s.page.locator('.check-submit').click()
    await s.page.waitForSelector('.check-result', { timeout: 20_000 })
    // The page scrolls to the result; a tap during that animation can land beside the button.
    await s.page.waitForFunction(() => new Promise<boolean>((r) => {
      const y = window.scrollY
      setTimeout(() => r(window.scrollY === y), 250)
    }))
  }

  it('should run a self-check with its explanation', async () => {
    const { page } = s
    await page.goto(`${s.url}/#/packages/subsidy/check/index`)
    await page.waitForSelector('.subsidy-check', { timeout: 20_000 })
    expect(await page.locator('.privacy-note').innerText()).toContain('测算不保存任何信息')

    // 本人 is the fixed first row; one tap adds a spouse, one a child.
    await page.locator('.add-spouse').click()
    await page.locator('.add-child').click()
    await income(0).fill('2000')
    await income(1).fill('1000')
    // An empty income is explained, not taken as 0.
    await page.locator('.check-submit').click()
    await page.waitForSelector('.member-2 .income-error')
    expect(await page.locator('.member-2 .income-error').innerText()).toContain('没有收入请填0')
    await income(2).fill('0')
    await page.locator('.cond-school_costs').click()
    expect(await page.locator('.cond-school_costs').getAttribute('aria-checked')).toBe('true')
    await runCheck()

    const result = page.locator('.check-result')
    expect((await result.locator('.result-category').innerText()).trim()).toBe('深度困难')
    expect(await result.locator('.result-decision').innerText()).toMatch(/\S/)
    const reasons = await result.locator('.reason-row').allInnerTexts()
    expect(reasons.length).toBeGreaterThanOrEqual(3)
    const all = reasons.join('\n')
    expect(all).toContain('1,000.00')
    expect(all).toContain('1,320.00')
    for (const r of reasons) expect(r.trim()).toMatch(/^[✓✗]/)
    // The deciding rule is highlighted, and it is the per-capita income against the standard.
    const decisive = result.locator('.reason-decisive')
    expect(await decisive.count()).toBe(1)
    const decisiveText = await decisive.innerText()
    expect(decisiveText).toContain('1,000.00')
    expect(decisiveText).toContain('1,320.00')
    expect(decisiveText).toContain('关键依据')
    expect(await page.locator('.check-outcome').innerText()).toContain('您可能可以申请')
    expect(await page.locator('.programme', { hasText: '金秋助学' }).count()).toBe(1)
    expect(await page.locator('.check-apply').isVisible()).toBe(true)
    // Incomes never travel in the URL.
    expect(page.url()).not.toContain('2000')
    await screenshot(page, 'subsidy-check-deep')
    await page.locator('.check-outcome').screenshot({ path: path.join(SCREENSHOTS, 'subsidy-check-deep-result.png') })

    // Income up so that per-capita is 1,500 (between 1,320 and 1,980): relative difficulty.
    await income(0).fill('3500')
    await page.waitForSelector('.check-result', { state: 'detached' })
    await runCheck()
    expect((await result.locator('.result-category').innerText()).trim()).toBe('相对困难')
    const relative = (await result.locator('.reason-row').allInnerTexts()).join('\n')
    expect(relative).toContain('1,500.00')
    expect(await result.locator('.reason-decisive').innerText()).toContain('1,980.00')
    await screenshot(page, 'subsidy-check-relative')
    await page.locator('.check-outcome').screenshot({ path: path.join(SCREENSHOTS, 'subsidy-check-relative-result.png') })
  }, 120_000)
  it('should let a member apply from the self-check and follow the application', async () => {
    const { page } = s
    await loginAs(s, 'demo-member')
    await open('/packages/subsidy/check/index')
    await page.waitForSelector('.link-mine', { timeout: 20_000 })
    await page.locator('.add-child').click()
    await income(0).fill('1800')
    await income(1).fill('0')
    await page.locator('.cond-chronic_illness').click()
    await runCheck()
    expect((await page.locator('.result-category').innerText()).trim()).toBe('深度困难')
    await page.locator('.check-apply').click()

    await page.waitForSelector('.subsidy-apply', { timeout: 20_000 })
    expect(await page.locator('.prefilled-note').isVisible()).toBe(true)
    expect(await income(0).inputValue()).toBe('1800')
    await page.locator('.apply-phone input').first().fill('13811112222')
    await page.locator('.add-evidence').click()
    await page.locator('.evidence-ref input').first().fill('门诊慢特病证明 2026-118')
    await page.locator('.consent-row').click()
    await page.locator('.apply-submit').click()

    await page.waitForSelector('.subsidy-mine .application', { timeout: 20_000 })
    const card = page.locator('.application').first()
    expect(await card.locator('.sb-status').innerText()).toBe('待基层工会核实')
    expect(await card.locator('.step-check').getAttribute('class')).toContain('step-current')
    await screenshot(page, 'subsidy-mine')
  }, 120_000)

  it('should take staff through checking, the four-eyes rule, approval and the files', async () => {
    const { page } = s
    await loginAs(s, 'demo-staff')
    await open('/packages/subsidy/queue/index')
    const member = page.locator('.queue-item', { hasText: '李建国' })
    await member.waitFor({ timeout: 20_000 })
    expect(await member.innerText()).toContain('证明材料 1 份')
    await member.locator('.act-check').click()
    await member.waitFor({ state: 'detached', timeout: 20_000 })

    // Checked by demo-staff, so demo-staff may not also approve it; 刘德胜 was checked by another clerk.
    await page.locator('.tab-checked').click()
    const mine = page.locator('.queue-item', { hasText: '李建国' })
    await mine.waitFor({ timeout: 20_000 })
    expect(await mine.locator('.pass-button').count()).toBe(0)
    expect(await mine.locator('.waiting').innerText()).toContain('另一位工作人员')
    const liu = page.locator('.queue-item', { hasText: '刘德胜' })
    await liu.locator('.act-approve').click()
    await liu.waitFor({ state: 'detached', timeout: 20_000 })
    await page.locator('.tab-notice').click()
    await page.locator('.queue-item', { hasText: '刘德胜' }).waitFor({ timeout: 20_000 })
    expect(await page.locator('.queue-item', { hasText: '刘德胜' }).locator('.waiting').innerText()).toContain('公示至')
    await screenshot(page, 'subsidy-queue')

    await page.locator('.link-files').click()
    const he = page.locator('.file-row', { hasText: '何秀英' })
    await he.waitFor({ timeout: 20_000 })
    expect(await he.innerText()).toContain('一年未更新')
    expect(await page.locator('.filter-all').innerText()).toMatch(/全部 \d+/)
    await he.click()
    await page.waitForSelector('.subsidy-file .plan-view', { timeout: 20_000 })
    const text = await page.locator('.subsidy-file').innerText()
    expect(text).toContain('深度困难')
    expect(text).toContain('每季度入户走访一次')
    expect(text).toContain('冬季送温暖慰问金')
    expect(await page.locator('.household-table').innerText()).toContain('父母')
    await screenshot(page, 'subsidy-file')
  }, 120_000)

  it('should let staff raise a relief budget, counted once a higher union confirms it', async () => {
    const { page } = s
    await loginAs(s, 'demo-staff')
    await open('/packages/subsidy/budget/index')
    const winterOf = (name: string) => page.locator('.budget-union', { hasText: name }).locator('.budget-row', { hasText: '冬季送温暖慰问金' })
    let winter = winterOf('建外街道总工会')
    await winter.waitFor({ timeout: 20_000 })
    expect(await winter.locator('.budget-total').innerText()).toBe('¥50,000.00')
    expect(await winter.locator('.budget-spent').innerText()).toContain('¥1,000.00')
    expect(await winter.locator('.budget-remaining').innerText()).toContain('¥49,000.00')
    await screenshot(page, 'subsidy-budget')

    await winter.locator('.budget-adjust').click()
    await winter.locator('.budget-input input').first().fill('60000')
    await winter.locator('.budget-save').click()
    const confirm = page.locator('.taro__modal .taro-model__confirm')
    await confirm.waitFor({ timeout: 10_000 })
    expect(await page.locator('.taro__modal .taro-modal__text').innerText()).toContain('¥60,000.00')
    await confirm.click()
    // Four eyes: the increase waits for a second person; the total is unchanged until then.
    await winter.locator('.budget-pending', { hasText: '¥60,000.00' }).waitFor({ timeout: 20_000 })
    expect(await winter.locator('.budget-total').innerText()).toBe('¥50,000.00')
    expect(await winter.locator('.budget-confirm').count()).toBe(0)
    expect(await winter.locator('.budget-edit').count()).toBe(0)

    await loginAs(s, 'demo-staff-chaoyang')
    await open('/packages/subsidy/budget/index')
    winter = winterOf('建外街道总工会')
    await winter.locator('.budget-confirm').waitFor({ timeout: 20_000 })
    expect(await winter.locator('.budget-pending').innerText()).toContain('建外街道总工会提交')
    await winter.locator('.budget-confirm').click()
    await confirm.waitFor({ timeout: 10_000 })
    await confirm.click()
    await winter.locator('.budget-total', { hasText: '¥60,000.00' }).waitFor({ timeout: 20_000 })
    expect(await winter.locator('.budget-remaining').innerText()).toContain('¥59,000.00')
    expect(await winter.locator('.budget-pending').count()).toBe(0)
    await screenshot(page, 'subsidy-budget-confirmed')
  }, 120_000)
})
