export default definePageConfig({
  navigationBarTitleText: '本镇设置',
  enablePageMeta: true,
})
