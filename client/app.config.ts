export default defineAppConfig({
  pages: ['pages/index/index', 'pages/card/index', 'pages/login/index', 'pages/me/index', 'pages/stations/index'],
  subPackages: [
    { root: 'packages/member', pages: ['register/index', 'transfer/index', 'messages/index', 'privacy/index', 'scan-login/index'] },
    { root: 'packages/admin', pages: ['review/index', 'verify/index'] },
    { root: 'packages/campaign', pages: ['feed/index', 'detail/index', 'claims/index', 'manage/index', 'edit/index', 'verify/index'] },
    { root: 'packages/console', pages: ['index/index', 'login/index'] },
    { root: 'packages/stations', pages: ['detail/index', 'manage/index'] },
    { root: 'packages/subsidy', pages: ['check/index', 'apply/index', 'mine/index', 'queue/index', 'file/index', 'files/index', 'budget/index', 'notices/index'] },
    { root: 'packages/shop', pages: ['index/index', 'product/index', 'cart/index', 'confirm/index', 'pay/index', 'orders/index', 'order/index', 'bulk/index', 'ledger/index'] },
  ],
  // Subpackages a page leads to, fetched in the background once it shows (WeChat: at most 2 MB per page).
  // Home leads to every member package (card and 我的 are reached from it); staff packages come from the
  // console, on Wi-Fi only, so members on a weak signal never pay for them.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/member', 'packages/campaign', 'packages/shop', 'packages/subsidy'] },
    'pages/stations/index': { network: 'all', packages: ['packages/stations'] },
    'packages/console/index/index': { packages: ['packages/admin', 'packages/campaign', 'packages/stations', 'packages/shop', 'packages/subsidy'] },
  },
  // WeChat refuses getLocation without these declarations.
  requiredPrivateInfos: ['getLocation'],
  // Privacy answers go through the app's own sheet (onNeedPrivacyAuthorization, components/privacy-sheet).
  __usePrivacyCheck__: true,
  permission: { 'scope.userLocation': { desc: '用于查找您附近的暖心驿站，位置不会被保存' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '暖心工会',
    navigationBarTextStyle: 'white',
  },
})
