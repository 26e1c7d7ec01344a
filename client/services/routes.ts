// Every page of app.config.ts by name, and the one way to build a link to it. The page folder is the
// route: 'card' is /pages/card/index (main package), 'shop/product' is /packages/shop/product/index.
// tests/client/routes.test.tsx checks the names against app.config.ts.

export type MainPage = 'index' | 'card' | 'login' | 'me' | 'stations'
export type SubPage =
  | 'member/register'
  | 'member/transfer'
  | 'member/messages'
  | 'member/privacy'
  | 'member/scan-login'
  | 'admin/review'
  | 'admin/verify'
  | 'campaign/feed'
  | 'campaign/detail'
  | 'campaign/claims'
  | 'campaign/manage'
  | 'campaign/edit'
  | 'campaign/verify'
  | 'console/index'
  | 'console/login'
  | 'stations/detail'
  | 'stations/manage'
  | 'subsidy/check'
  | 'subsidy/apply'
  | 'subsidy/mine'
  | 'subsidy/queue'
  | 'subsidy/file'
  | 'subsidy/files'
  | 'subsidy/budget'
  | 'subsidy/notices'
  | 'shop/index'
  | 'shop/product'
  | 'shop/cart'
  | 'shop/confirm'
  | 'shop/pay'
  | 'shop/orders'
  | 'shop/order'
  | 'shop/bulk'
  | 'shop/ledger'
export type PageName = MainPage | SubPage

/** The query each page reads from useRouter(); pages not listed take none. */
export interface PageQuery {
  'campaign/detail': { id: string }
  'campaign/edit': { id?: string }
  'stations/detail': { id: string }
  'member/privacy': { consent?: 1 }
  'subsidy/apply': { from?: 'check' }
  'subsidy/mine': { applicationId?: string }
  'subsidy/file': { fileId: string }
  'subsidy/files': { filter?: string }
  'shop/product': { id: string }
  'shop/confirm': { buyNow?: 1; seller?: string }
  'shop/pay': { orderId: string }
  'shop/order': { orderId: string }
}

type QueryArg<N extends PageName> = N extends keyof PageQuery ? ({} extends PageQuery[N] ? [query?: PageQuery[N]] : [query: PageQuery[N]]) : []

/** url('shop/pay', { orderId }) -> '/packages/shop/pay/index?orderId=…' (values URI-encoded). */
export function url<N extends PageName>(name: N, ...[query]: QueryArg<N>): string {
  const path = name.includes('/') ? `/packages/${name}/index` : `/pages/${name}/index`
  const q = query as Record<string, string | number | undefined> | undefined
  const pairs = q ? Object.keys(q).filter((k) => q[k] !== undefined) : []
  return pairs.length ? `${path}?${pairs.map((k) => `${k}=${encodeURIComponent(String(q![k]))}`).join('&')}` : path
}
