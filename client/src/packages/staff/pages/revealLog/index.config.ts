export default definePageConfig({
  navigationBarTitleText: '号码查看记录',
  enablePageMeta: true,
})
