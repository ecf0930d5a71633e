export default defineAppConfig({
  // Main package: resident pages only (the 2 MB limit). Staff pages live in the subpackage.
  pages: [
    'pages/index/index',
    'pages/report/index',
    'pages/mine/index',
    'pages/ticket/index',
    'pages/messages/index',
    'pages/grid/index',
    'pages/bind/index',
    'pages/me/index',
  ],
  subPackages: [
    {
      root: 'packages/staff',
      name: 'staff',
      pages: [
        'pages/inbox/index',
        'pages/ticket/index',
        'pages/patrol/index',
        'pages/proxy/index',
        'pages/overdue/index',
        'pages/returned/index',
        'pages/roster/index',
        'pages/addStaff/index',
        'pages/records/index',
        'pages/meeting/index',
        'pages/campaign/index',
        'pages/session/index',
        'pages/stats/index',
        'pages/scorecards/index',
        'pages/staffEdit/index',
        'pages/importRoster/index',
        'pages/gridTeam/index',
        'pages/auditLog/index',
        'pages/structure/index',
        'pages/revealLog/index',
        'pages/townSettings/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '一网',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  // The report form's place: the phone's position (getLocation) or a place picked on the map
  // (chooseLocation); both must be declared, and getLocation needs the permission text too.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于标注您上报的问题发生在哪里' } },
  lazyCodeLoading: 'requiredComponents',
})
