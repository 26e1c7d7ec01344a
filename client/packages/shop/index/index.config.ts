export default definePageConfig({ navigationBarTitleText: '工会商城', enablePullDownRefresh: true })
