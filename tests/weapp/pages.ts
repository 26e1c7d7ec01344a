// The built mini-program walked the way a member or staff member uses it, for one transport: launch,
// the home page signs in silently, a tile opens the page, and the page must make its backend calls and
// show what it loaded, with no uncaught error, no unknown wx API and no error text.
import ExcelJS from 'exceljs'
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { buildDir, type Transport } from '../support/weapp/builds'
import { BAKED_CLOUD_ENV, cloudHost, gatewayHost } from '../support/weapp/host'
import { launchWeapp, type MiniProgram, type WeappPage } from '../support/weapp/mini-program'
import { BEIJING, type WxAnswers } from '../support/weapp/wx'
import { checkDigit } from '../../types/idcard'

/** What a page shows when it could not load. */
const ERROR_TEXTS = ['网络不太好', '服务暂时不可用', '请先登录', '登录已过期', '加载失败', '仅限工会工作人员使用']

export function describePages(transport: Transport): void {
  describe.each(backends())(`the ${transport} weapp on %s`, (backend) => {
    let t: TestApp
    const running: MiniProgram[] = []
    beforeAll(async () => {
      t = await startTestApp(backend)
    }, 60_000)
    afterAll(() => t?.close())
    // Whatever a test checked last, an uncaught error at any point fails it.
    afterEach(() => {
      const problems = running.map((mp) => mp.report()).filter(Boolean)
      while (running.length) running.pop()!.close()
      if (problems.length) throw new Error(`The mini-program reported problems:\n${problems.join('\n')}`)
    })

    async function launch(openid: string, answers?: WxAnswers): Promise<MiniProgram> {
      const host = transport === 'https' ? gatewayHost(t.url, openid) : cloudHost(t.app, openid)
      const mp = await launchWeapp({ dir: buildDir(transport), host, answers })
      running.push(mp)
      return mp
    }

    /** Opens the app on its home page as `openid`, taps `tile` and follows to the page it opens. */
    async function fromHome(openid: string, tile: string): Promise<{ mp: MiniProgram; page: WeappPage }> {
      const mp = await launch(openid)
      const home = await mp.open('pages/index/index')
      expectLoaded(mp, home, [], [tile])
      await home.tap({ cls: 'tile-title', text: new RegExp(`^${tile}$`) })
      return { mp, page: await mp.follow() }
    }

    /** The page made `calls` (function.action), each answered ok over this transport, and shows `texts`. */
    function expectLoaded(mp: MiniProgram, page: WeappPage, calls: string[], texts: string[]): void {
      const text = page.text()
      const made = page.callNames()
      const wrong = [
        ...mp.problems.map((p) => `problem: ${mp.report([p])}`),
        ...calls.filter((c) => !made.includes(c)).map((c) => `no call to ${c}`),
        ...page.calls.filter((c) => c.ok !== true).map((c) => `${c.fn}.${c.action} answered ${c.code ?? c.status ?? 'nothing'}`),
        ...page.calls.filter((c) => c.transport !== transport).map((c) => `${c.fn}.${c.action} went over ${c.transport}`),
        ...(transport === 'https' ? page.calls.filter((c) => !c.token && c.fn !== 'auth').map((c) => `${c.fn}.${c.action} carried no token`) : []),
        ...(transport === 'cloud' && page.calls.length && mp.record.cloudEnv !== BAKED_CLOUD_ENV ? [`wx.cloud.init env ${mp.record.cloudEnv}`] : []),
        ...texts.filter((s) => !text.includes(s)).map((s) => `does not show "${s}"`),
        ...ERROR_TEXTS.filter((s) => text.includes(s)).map((s) => `shows error text "${s}"`),
      ]
      if (wrong.length) throw new Error(`${page.route}:\n  ${wrong.join('\n  ')}\ncalls: ${made.join(', ') || 'none'}\nit shows:\n${text}`)
    }

    const signIn = transport === 'https' ? 'auth.login' : 'auth.me'

    describe('main pages', () => {
      it('should greet the member and sign in silently when the app opens on the home page', async () => {
        const mp = await launch('demo-member')
        const home = await mp.open('pages/index/index')
        expectLoaded(mp, home, [signIn], ['李建国，您好', '我的会员卡', '暖心驿站', '工会商城', '困难帮扶'])
        expect(home.text()).not.toContain('工作人员')
        if (transport === 'https') expect(mp.record.storage.get('wu.session')).toEqual(expect.any(String))
        else expect(mp.record.used).not.toContain('request')
      })

      it("should show 李建国's card with its QR code when the member opens it from home", async () => {
        const { mp, page } = await fromHome('demo-member', '我的会员卡')
        expect(page.route).toBe('pages/card/index')
        expectLoaded(mp, page, ['member.myCard'], ['李建国', '北京国贸物业管理有限公司工会', '状态：有效', '长按或出示二维码供工作人员核验'])
        expect(page.text()).toMatch(/\d{12}-\d{6}/)
        expect(page.attr({ cls: 'card-qr' }, 'src')).toMatch(/^data:image\/gif;base64,/)
        // Pull to refresh reloads the card; going back unloads the page and shows home again.
        await page.pullDownRefresh()
        expect(page.callNames().filter((c) => c === 'member.myCard')).toHaveLength(2)
        expect(mp.record.used).toContain('stopPullDownRefresh')
        const home = await mp.back()
        expect([page.state, home.route, home.state]).toEqual(['unloaded', 'pages/index/index', 'shown'])
        expectLoaded(mp, home, [], ['李建国，您好'])
      })

      it('should list the stations nearest to the member when the finder opens', async () => {
        const { mp, page } = await fromHome('demo-member', '暖心驿站')
        const token = await login(t, 'demo-member')
        const near = await ok(call(t, 'station', 'nearby', { lat: BEIJING.latitude, lng: BEIJING.longitude, radiusM: 3000, limit: 20 }, token))
        expect(near.items.length).toBeGreaterThan(2)
        expectLoaded(mp, page, ['station.nearby'], ['当前位置附近', ...near.items.slice(0, 3).map((s: { name: string }) => s.name)])
        expect(page.calls.find((c) => c.action === 'nearby')?.input).toMatchObject({ lat: BEIJING.latitude, lng: BEIJING.longitude })
        expect(mp.record.other.filter((o) => o.api === 'getLocation')).toEqual([]) // asked for GCJ-02
        expect(mp.record.used).toContain('getLocation')
      })

      it('should sign in with WeChat and go home when the member taps 微信一键登录', async () => {
        const mp = await launch('demo-member')
        const page = await mp.open('pages/login/index')
        expectLoaded(mp, page, [], ['微信一键登录'])
        expect(page.text()).not.toMatch(/dev:|快速体验/)
        await page.tap('微信一键登录')
        expect(page.callNames()).toContain(signIn)
        expect(mp.record.navigations.map((n) => `${n.api} ${n.route}`)).toEqual(['reLaunch pages/index/index'])
        const home = await mp.follow()
        expect(mp.stack.map((p) => p.route)).toEqual(['pages/index/index'])
        expectLoaded(mp, home, [], ['李建国，您好'])
      })

      it("should show the member's name, union and roles, never the account id, when the me page opens", async () => {
        const { mp, page } = await fromHome('demo-member', '我的')
        expectLoaded(mp, page, ['member.myCard'], ['李建国', '北京国贸物业管理有限公司工会', '会员', '我的会员卡'])
        expect(page.text()).not.toContain('demo-member')
        // Over wx.cloud WeChat itself is the session: nothing to sign out of.
        expect(page.text().includes('退出登录')).toBe(transport === 'https')
      })
    })

    describe('subpackages', () => {
      it('should register a newcomer and show the new card when the form is filled in', async () => {
        const openid = `weapp-newcomer-${transport}-${Date.now().toString(36)}`
        const { mp, page } = await fromHome(openid, '入会申请')
        expectLoaded(mp, page, ['union.list'], ['加入工会，领取电子会员卡', '朝阳区快递行业工会联合会'])
        const first17 = `11010519900307${String(100 + Math.floor(Math.random() * 800))}`
        await page.input({ cls: 'reg-name' }, '张新民')
        await page.input({ cls: 'reg-idNumber' }, first17 + checkDigit(first17))
        await page.input({ cls: 'reg-phone' }, '13912340000')
        await page.tap({ cls: 'union-option', text: '顺丰速运朝阳营业区工会' })
        await page.tap({ cls: 'occ-courier' })
        await page.tap({ cls: 'consent-row' })
        await page.tap('提交入会申请')
        expectLoaded(mp, page, ['member.register'], [])
        expect(mp.record.toasts.map((x) => x.title)).toEqual([expect.stringMatching(/入会成功|已提交审核/)])
        const card = await mp.follow()
        expect(card.route).toBe('pages/card/index')
        expectLoaded(mp, card, ['member.myCard'], ['张新民', '顺丰速运朝阳营业区工会'])
      })

      it("should list the applications waiting for demo-staff's review when the review page opens", async () => {
        const { mp, page } = await fromHome('demo-staff', '会员审核')
        expect(page.route).toBe('packages/admin/review/index')
        expectLoaded(mp, page, ['member.pending'], ['赵强', '刘洋', '王芳', '通过', '不通过'])
        expect(page.text()).toMatch(/待审核 \d+ 条/)
      })

      it("should list the campaigns of the member's union when the campaign feed opens", async () => {
        const { mp, page } = await fromHome('demo-member', '工会活动')
        expectLoaded(mp, page, ['campaign.feed'], ['冬送温暖：户外劳动者防寒包免费领', '建外街道总工会', '我的报名与领取'])
      })

      it("should show demo-staff's dashboard, open an Excel export in WeChat's viewer and save a CSV when the console opens", async () => {
        const { mp, page } = await fromHome('demo-staff', '工会工作台')
        expectLoaded(mp, page, ['console.dashboard'], ['建外街道总工会', '有效会员', '待审核入会申请'])
        // Excel by default: written as bytes, opened with openDocument, forwarded to a chat on a tap.
        await page.tap('会员名册')
        expect(page.calls.filter((c) => c.action === 'export').map((c) => c.input)).toEqual([{ table: 'members', format: 'xlsx' }])
        const [[xlsxPath, xlsx]] = [...mp.record.files]
        expect(xlsxPath).toMatch(/^wxfile:\/\/usr\/.+-会员-\d{8}\.xlsx$/)
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer)
        const names = wb.getWorksheet('会员')!.getColumn(1).values
        expect(names).toContain('姓名')
        expect(names).toContain('李建国')
        expect(mp.record.other.filter((o) => o.api === 'openDocument').map((o) => o.args)).toEqual([expect.objectContaining({ filePath: xlsxPath, fileType: 'xlsx', showMenu: true })])
        await page.tap({ cls: 'export-share' })
        expect(mp.record.other.filter((o) => o.api === 'shareFileMessage').map((o) => o.args)).toEqual([expect.objectContaining({ filePath: xlsxPath, fileName: xlsxPath.split('/').pop() })])
        expect(mp.record.modals).toEqual([])
        // CSV on request: saved as text, and the path is told.
        await page.tap({ cls: 'format-csv' })
        await page.tap('会员名册')
        const csv = [...mp.record.files].find(([p]) => p.endsWith('.csv'))
        expect(csv?.[0]).toMatch(/^wxfile:\/\/usr\/.+\.csv$/)
        expect(csv?.[1]).toContain('李建国')
        expect(mp.record.modals.map((m) => m.title)).toEqual(['已导出'])
        mp.assertHealthy()
      })

      it("should show the nearest station's details when the member taps it in the finder", async () => {
        const { mp, page: finder } = await fromHome('demo-member', '暖心驿站')
        expectLoaded(mp, finder, ['station.nearby'], [])
        const name = finder.find({ cls: 'station-item-name' })[0]?.text
        expect(name).toBeTruthy()
        await finder.tap({ cls: 'station-item-name', text: name })
        const detail = await mp.follow()
        expect(detail.route).toBe('packages/stations/detail/index')
        expect(detail.query.id).toMatch(/^[0-9a-f-]{36}$/)
        expectLoaded(mp, detail, ['station.detail'], [name])
      })

      it('should estimate a household when the member runs the hardship self-check', async () => {
        const { mp, page } = await fromHome('demo-member', '困难帮扶')
        expectLoaded(mp, page, [], ['先测一测，能不能申请困难帮扶', '测算不保存任何信息，不需要登录。'])
        await page.input({ cls: 'income-input' }, '600')
        await page.tap({ cls: 'check-submit' })
        expectLoaded(mp, page, ['subsidy.evaluate'], [])
        expect(page.find({ cls: 'check-outcome' })).toHaveLength(1)
      })

      it('should show the relief products and open one when the member browses the shop', async () => {
        const { mp, page } = await fromHome('demo-member', '工会商城')
        const products = await ok(call(t, 'shop', 'products', { limit: 20 }, await login(t, 'demo-member')))
        const names = products.items.slice(0, 3).map((p: { name: string }) => p.name)
        expectLoaded(mp, page, ['shop.products'], ['购物车', '我的订单', ...names])
        await page.tap(names[0])
        const product = await mp.follow()
        expect(product.route).toBe('packages/shop/product/index')
        expectLoaded(mp, product, ['shop.product'], [names[0]])
      })

      it('should buy a product with the simulated payment when the member checks out on a development server', async () => {
        const { mp, page: shop } = await fromHome('demo-member', '工会商城')
        await shop.tap({ cls: 'product-name' })
        const product = await mp.follow()
        await product.tap({ cls: 'buy-now' })
        const confirm = await mp.follow()
        expect(confirm.route).toBe('packages/shop/confirm/index')
        const address = { name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号国贸物业301' }
        for (const [k, v] of Object.entries(address)) await confirm.input({ cls: `addr-${k}` }, v)
        await confirm.tap({ cls: 'submit-order' })
        expectLoaded(mp, confirm, ['shop.createOrder'], [])
        const pay = await mp.follow()
        expect(pay.route).toBe('packages/shop/pay/index')
        expectLoaded(mp, pay, ['shop.order'], ['立即支付'])
        await pay.tap({ cls: 'pay-now' })
        await pay.waitForText('支付成功')
        // The simulated cashier, then whether to be told of shipping and refunds (allowed: recorded once).
        expect(mp.record.modals.map((m) => m.title)).toEqual(['模拟支付', '接收结果通知'])
        expect(pay.callNames()).toContain('notify.optIn')
        expect(mp.record.payments).toEqual([]) // no WeChat cashier on a development server
        expectLoaded(mp, pay, ['shop.pay', 'shop.simulatePay'], ['支付成功', '查看订单'])
      })
    })

    describe('deep links', () => {
      // A share card or a QR code opens a page first, before home has signed anyone in.
      it.each([
        ['demo-member', 'packages/campaign/feed/index', ['campaign.feed'], ['冬送温暖：户外劳动者防寒包免费领']],
        ['demo-staff', 'packages/console/index/index', ['console.dashboard'], ['建外街道总工会', '有效会员']],
        ['demo-member', 'pages/card/index', ['member.myCard'], ['李建国', '状态：有效']],
      ])('should sign %s in silently and load when %s is the first page opened', async (openid, route, calls, texts) => {
        const mp = await launch(openid)
        const page = await mp.open(route)
        expectLoaded(mp, page, calls, texts)
        expect(mp.record.navigations).toEqual([])
      })

      it('should sign in again silently and load when the stored session has expired', async () => {
        const mp = await launch('demo-member')
        if (transport === 'https') mp.record.storage.set('wu.session', 'expired-token-0000000000000000')
        const page = await mp.open('packages/campaign/feed/index')
        expect(page.text()).toContain('冬送温暖：户外劳动者防寒包免费领')
        const calls = page.calls.map((c) => `${c.fn}.${c.action}:${c.ok ? 'ok' : c.code}`)
        expect(calls).toEqual(transport === 'https' ? ['campaign.feed:UNAUTHENTICATED', 'auth.login:ok', 'campaign.feed:ok'] : ['campaign.feed:ok'])
        expect(mp.record.navigations).toEqual([])
      })
    })
  })
}
