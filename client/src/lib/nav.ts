/** Page addresses in one place, so a moved page is one edit. */
import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  report: '/pages/report/index',
  mine: '/pages/mine/index',
  messages: '/pages/messages/index',
  ticket: '/pages/ticket/index',
  grid: '/pages/grid/index',
  bind: '/pages/bind/index',
  me: '/pages/me/index',
  inbox: '/packages/staff/pages/inbox/index',
  task: '/packages/staff/pages/ticket/index',
  patrol: '/packages/staff/pages/patrol/index',
  proxy: '/packages/staff/pages/proxy/index',
  overdue: '/packages/staff/pages/overdue/index',
  returned: '/packages/staff/pages/returned/index',
  roster: '/packages/staff/pages/roster/index',
  addStaff: '/packages/staff/pages/addStaff/index',
  records: '/packages/staff/pages/records/index',
  meeting: '/packages/staff/pages/meeting/index',
  campaign: '/packages/staff/pages/campaign/index',
  session: '/packages/staff/pages/session/index',
  stats: '/packages/staff/pages/stats/index',
  scorecards: '/packages/staff/pages/scorecards/index',
  staffEdit: '/packages/staff/pages/staffEdit/index',
  importRoster: '/packages/staff/pages/importRoster/index',
  gridTeam: '/packages/staff/pages/gridTeam/index',
  auditLog: '/packages/staff/pages/auditLog/index',
  structure: '/packages/staff/pages/structure/index',
  revealLog: '/packages/staff/pages/revealLog/index',
  townSettings: '/packages/staff/pages/townSettings/index',
} as const

export function go(page: keyof typeof PAGES, query: Record<string, string | undefined> = {}): void {
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')
  Taro.navigateTo({ url: q ? `${PAGES[page]}?${q}` : PAGES[page] })
}

/** Back if there is a page to go back to, else home (a page opened from a shared link). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.reLaunch({ url: PAGES.home })
}
