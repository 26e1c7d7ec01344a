export default definePageConfig({ navigationBarTitleText: '困难职工公示', enablePullDownRefresh: true })
