// Every member page in both modes (normal and 长辈版) with axe-core and the measured MIIT checks
// (tests/support/a11y-pages.ts). Staff pages: a11y-staff.test.ts.
import { describeA11y, type A11yPage } from '../support/a11y-pages'
import { gatewayCall, gatewayToken } from '../support/a11y'
import { uniqueOpenid, type Stack } from '../support/browser'

const newcomer = uniqueOpenid('a11y')

/** Puts the product in the cart through its page, as a member would. */
async function cartOne(s: Stack, ids: Record<string, string>): Promise<void> {
  await s.page.goto(`${s.url}/#/packages/shop/product/index?id=${ids.product}`)
  await s.page.locator('.product-page .add-to-cart').first().click({ timeout: 20_000 })
  await s.page.waitForTimeout(500)
}

const PAGES: A11yPage[] = [
  { route: 'pages/index/index', user: 'demo-member', main: true, home: true },
  { route: 'pages/card/index', user: 'demo-member', main: true },
  { route: 'pages/me/index', user: 'demo-member', main: true },
  { route: (i) => `packages/campaign/detail/index?id=${i.campaign}`, user: 'demo-member', main: true },
  { route: 'packages/campaign/feed/index', user: 'demo-member' },
  { route: 'packages/campaign/claims/index', user: 'demo-member' },
  { route: 'packages/member/transfer/index', user: 'demo-member' },
  { route: 'packages/member/messages/index', user: 'demo-member' },
  { route: 'packages/member/privacy/index', user: 'demo-member' },
  { route: 'packages/member/scan-login/index', user: 'demo-member' },
  { route: (i) => `packages/stations/detail/index?id=${i.station}`, user: 'demo-member', main: true },
  { route: 'packages/subsidy/check/index', user: 'demo-member', main: true },
  { route: 'packages/subsidy/apply/index', user: 'demo-member' },
  { route: 'packages/subsidy/notices/index', user: 'demo-member' },
  { route: 'packages/shop/index/index', user: 'demo-member', main: true },
  { route: (i) => `packages/shop/product/index?id=${i.product}`, user: 'demo-member', main: true },
  { route: 'packages/shop/cart/index', user: 'demo-member', prepare: cartOne },
  { route: 'packages/shop/confirm/index', user: 'demo-member' },
  { route: 'packages/shop/orders/index', user: 'demo-member' },
  { route: (i) => `packages/shop/order/index?orderId=${i.order}`, user: 'demo-member' },
  { route: (i) => `packages/shop/pay/index?orderId=${i.order}`, user: 'demo-member' },
  { route: 'pages/stations/index', user: 'demo-m-rider', main: true },
  { route: 'packages/subsidy/mine/index', user: 'demo-m-care' },
  { route: 'packages/member/register/index', user: newcomer },
  { route: 'pages/login/index', user: newcomer, main: true },
]

describeA11y('member pages', PAGES, async (s) => {
  const token = await gatewayToken(s, 'demo-member')
  const feed = await gatewayCall<{ items: { id: string }[] }>(s, 'campaign', 'feed', { limit: 5 }, token)
  const near = await gatewayCall<{ items: { id: string }[] }>(s, 'station', 'nearby', { lat: 39.9087, lng: 116.3975, radiusM: 5000, limit: 5 }, token)
  const products = await gatewayCall<{ items: { id: string; stock: number }[] }>(s, 'shop', 'products', { limit: 20 }, token)
  const product = products.items.find((p) => p.stock > 5)!.id
  const order = await gatewayCall<{ orderId: string }>(
    s,
    'shop',
    'createOrder',
    { requestId: `a11y-${Date.now()}`, items: [{ productId: product, qty: 1 }], delivery: { type: 'address', name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号国贸物业301' } },
    token,
  )
  return { campaign: feed.items[0].id, station: near.items[0].id, product, order: order.orderId }
})
