export default definePageConfig({
  navigationBarTitleText: '新增工作人员',
  enablePageMeta: true,
})
