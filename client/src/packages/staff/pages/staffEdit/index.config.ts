export default definePageConfig({
  navigationBarTitleText: '修改工作人员',
  enablePageMeta: true,
})
