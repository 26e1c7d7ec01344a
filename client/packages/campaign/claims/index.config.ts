export default definePageConfig({ navigationBarTitleText: '我的报名与领取' })
