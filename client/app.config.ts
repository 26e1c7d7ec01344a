export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'packages/campaign', pages: ['feed/index', 'detail/index', 'claims/index', 'manage/index', 'edit/index', 'verify/index'] },
    { root: 'packages/console', pages: ['index/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '暖心工会',
    navigationBarTextStyle: 'white',
  },
})
