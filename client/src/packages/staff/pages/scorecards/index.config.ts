export default definePageConfig({
  navigationBarTitleText: '五员考核',
  enablePageMeta: true,
})
