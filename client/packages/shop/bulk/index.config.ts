export default definePageConfig({ navigationBarTitleText: '工会批量采购' })
