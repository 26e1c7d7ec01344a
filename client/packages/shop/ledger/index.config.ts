export default definePageConfig({ navigationBarTitleText: '消费帮扶台账', enablePullDownRefresh: true })
