export default definePageConfig({
  navigationBarTitleText: '工作记录',
  enablePageMeta: true,
})
