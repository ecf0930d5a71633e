export default definePageConfig({
  navigationBarTitleText: '退单待派',
  enablePageMeta: true,
})
