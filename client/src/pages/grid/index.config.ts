export default definePageConfig({
  navigationBarTitleText: '选择网格',
  enablePageMeta: true,
})
