export default definePageConfig({ navigationBarTitleText: '暖心工会' })
