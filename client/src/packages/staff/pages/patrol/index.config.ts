export default definePageConfig({
  navigationBarTitleText: '巡查记录',
  enablePageMeta: true,
})
