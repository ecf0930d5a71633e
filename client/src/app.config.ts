export default defineAppConfig({
  // Main package: resident pages only (the 2 MB limit). Staff pages live in subpackages.
  pages: ['pages/index/index', 'pages/report/index', 'pages/mine/index', 'pages/messages/index'],
  subPackages: [
    {
      root: 'packages/staff',
      name: 'staff',
      pages: ['pages/inbox/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '一网',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  lazyCodeLoading: 'requiredComponents',
})
