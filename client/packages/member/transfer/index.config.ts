export default definePageConfig({ navigationBarTitleText: '转会' })
