export default definePageConfig({ navigationBarTitleText: '工会工作台' })
