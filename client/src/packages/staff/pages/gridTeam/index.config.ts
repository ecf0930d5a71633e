export default definePageConfig({
  navigationBarTitleText: '一格五员',
  enablePageMeta: true,
})
