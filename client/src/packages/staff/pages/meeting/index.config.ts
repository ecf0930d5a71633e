export default definePageConfig({
  navigationBarTitleText: '屋场会',
  enablePageMeta: true,
})
