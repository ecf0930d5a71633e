export default definePageConfig({
  navigationBarTitleText: '一网',
  enablePageMeta: true,
})
