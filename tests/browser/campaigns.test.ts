// Campaigns end to end in headless Chromium: the Jianwai street-union clerk posts a send-warmth claim drive,
// a member of a company union below it claims a kit and gets a code, and the clerk verifies the code once.
import { describeBrowser, loginAs, screenshot, startStack, type Stack } from '../support/browser'

describeBrowser('campaigns in the browser', () => {
  let s: Stack
  const title = `冬送温暖：防寒包免费领 ${Date.now() % 10000}`

  beforeAll(async () => {
    s = await startStack()
  }, 240_000)
  afterAll(() => s?.stop())

  it('should let staff post a campaign, a member claim it, and staff verify the code once', async () => {
    const { page } = s
    await loginAs(s, 'demo-staff')
    await page.goto(`${s.url}/#/packages/campaign/manage/index`)
    await page.locator('.campaign-manage .new-campaign').click()
    const edit = page.locator('.campaign-edit')
    await edit.locator('.edit-title input').waitFor({ timeout: 20_000 })
    await edit.locator('.edit-title input').fill(title)
    await edit.locator('.edit-body textarea').fill('为户外劳动者准备防寒包（手套、围巾、暖宝宝），凭领取码到驿站领取，每人一份。')
    await edit.locator('.edit-quota input').fill('2')
    // Claim drives need a pickup station: take the first of the union's stations.
    await edit.locator('.edit-station').click()
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
    await page.waitForFunction(() => !document.querySelector('.campaign-edit .edit-station')?.textContent?.includes('请选择'))
    await screenshot(page, 'campaign-edit')
    await edit.locator('.save-publish').click()
    await page.locator('.campaign-manage .manage-item', { hasText: title }).waitFor({ timeout: 20_000 })
    expect(await page.locator('.campaign-manage .manage-item', { hasText: title }).innerText()).toContain('进行中')

    await loginAs(s, 'demo-member')
    await page.goto(`${s.url}/#/packages/campaign/feed/index`)
    await page.locator('.campaign-feed .campaign-item', { hasText: title }).click({ timeout: 20_000 })
    const detail = page.locator('.campaign-detail')
    await detail.locator('.campaign-title', { hasText: title }).waitFor({ timeout: 20_000 })
    await detail.locator('.join-button').click()
    await detail.locator('.claim-code').waitFor({ timeout: 20_000 })
    const code = (await detail.locator('.claim-code').innerText()).trim()
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    await screenshot(page, 'campaign-claimed')

    await loginAs(s, 'demo-staff')
    await page.goto(`${s.url}/#/packages/campaign/verify/index`)
    const verify = page.locator('.claim-verify')
    await verify.locator('.verify-code input').fill(code)
    await verify.locator('.verify-button').click()
    await verify.locator('.verify-result .result-ok').waitFor({ timeout: 20_000 })
    expect(await verify.locator('.verify-result').innerText()).toContain('李建国')
    // The same code a second time is refused.
    await verify.locator('.verify-button').click()
    await verify.locator('.verify-result .result-bad').waitFor({ timeout: 20_000 })
    await screenshot(page, 'campaign-verified')
  }, 180_000)
})
