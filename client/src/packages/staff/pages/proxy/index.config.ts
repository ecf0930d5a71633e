export default definePageConfig({
  navigationBarTitleText: '代报',
  enablePageMeta: true,
})
