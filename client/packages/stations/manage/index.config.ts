export default definePageConfig({ navigationBarTitleText: '驿站统计与评选', enablePullDownRefresh: true })
