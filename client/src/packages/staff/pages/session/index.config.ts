export default definePageConfig({
  navigationBarTitleText: '宣讲与党课',
  enablePageMeta: true,
})
