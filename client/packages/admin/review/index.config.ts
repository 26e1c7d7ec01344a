export default definePageConfig({ navigationBarTitleText: '会员审核', enablePullDownRefresh: true })
