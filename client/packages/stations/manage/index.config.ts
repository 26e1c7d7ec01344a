export default definePageConfig({ navigationBarTitleText: '驿站管理与统计', enablePullDownRefresh: true })
