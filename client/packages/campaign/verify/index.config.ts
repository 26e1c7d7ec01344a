export default definePageConfig({ navigationBarTitleText: '核销领取码' })
