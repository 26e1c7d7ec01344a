export default definePageConfig({ navigationBarTitleText: '帮扶资金预算', enablePullDownRefresh: true })
