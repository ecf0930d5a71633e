export default definePageConfig({
  navigationBarTitleText: '我要上报',
  enablePageMeta: true,
})
