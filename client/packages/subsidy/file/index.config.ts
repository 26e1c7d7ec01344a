export default definePageConfig({ navigationBarTitleText: '困难职工档案详情' })
