// Every page name of client/services/routes.ts is a page of app.config.ts and the other way round, links
// carry their query encoded, and preloadRule names only real pages and subpackages.
import { url, type PageName } from '../../client/services/routes'

type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[]; preloadRule?: Record<string, { packages: string[] }> }
;(global as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
// eslint-disable-next-line @typescript-eslint/no-var-requires
const app: AppConfig = require('../../client/app.config').default

// Record<PageName, true> makes the type checker insist on every name, and on nothing else.
const NAMES: Record<PageName, true> = {
  index: true, card: true, login: true, me: true, stations: true,
  'member/register': true, 'member/transfer': true, 'member/messages': true, 'member/privacy': true, 'member/scan-login': true,
  'admin/review': true, 'admin/verify': true,
  'campaign/feed': true, 'campaign/detail': true, 'campaign/claims': true, 'campaign/manage': true, 'campaign/edit': true, 'campaign/verify': true,
  'console/index': true, 'console/login': true,
  'stations/detail': true, 'stations/manage': true,
  'subsidy/check': true, 'subsidy/apply': true, 'subsidy/mine': true, 'subsidy/queue': true, 'subsidy/file': true, 'subsidy/files': true, 'subsidy/budget': true, 'subsidy/notices': true,
  'shop/index': true, 'shop/product': true, 'shop/cart': true, 'shop/confirm': true, 'shop/pay': true, 'shop/orders': true, 'shop/order': true, 'shop/bulk': true, 'shop/ledger': true,
}

const appRoutes = () => [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))].map((r) => `/${r}`).sort()

describe('routes', () => {
  test('the page names are exactly the pages of app.config.ts', () => {
    expect(Object.keys(NAMES).map((n) => url(n as PageName)).sort()).toEqual(appRoutes())
  })

  test('links carry their query, encoded, and leave out what is not given', () => {
    expect(url('card')).toBe('/pages/card/index')
    expect(url('shop/product', { id: 'p-1' })).toBe('/packages/shop/product/index?id=p-1')
    expect(url('shop/confirm', { seller: 'a b/c' })).toBe('/packages/shop/confirm/index?seller=a%20b%2Fc')
    expect(url('shop/confirm', { buyNow: 1, seller: undefined })).toBe('/packages/shop/confirm/index?buyNow=1')
    expect(url('subsidy/files')).toBe('/packages/subsidy/files/index')
  })

  test('preloadRule keys are pages and its packages are subpackage roots', () => {
    const roots = app.subPackages.map((s) => s.root)
    const rules = Object.entries(app.preloadRule ?? {})
    expect(rules.length).toBeGreaterThan(0)
    for (const [page, rule] of rules) {
      expect(appRoutes()).toContain(`/${page}`)
      for (const p of rule.packages) expect(roots).toContain(p)
      // A page never preloads the subpackage it lives in.
      expect(rule.packages.some((p) => page.startsWith(`${p}/`))).toBe(false)
    }
  })
})
