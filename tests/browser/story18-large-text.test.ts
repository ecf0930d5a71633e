/**
 * Story 18 — every page usable with large text. WeChat's font setting scales `rem` (PageMeta
 * root-font-size="system"); here the root font size is set to 130 % (20.8px) on every page, and each
 * page is checked: nothing sticks out past the screen's edge, a short label (category tile, star,
 * tab, status tag, grid chip) stays on one line instead of breaking inside a word ("安全隐/患"),
 * and no button's words spill out of it (buttons grow). A screenshot of each page is kept.
 */
import type { Page } from 'playwright-core'
import { act, goAs, openAs, openStage, shot, submitTicket, type Stage } from './stories'

jest.setTimeout(600_000)

const STORY = 'story18'
let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

/** Labels that must never break inside: one line each. */
const ONE_LINE = ['.tile__name', '.stars__label', '.seg__item', '.tag', '.chip', '.badge', '.counts__item']

interface Problem {
  kind: 'overflow' | 'broken' | 'spill'
  what: string
}

/** Sets the root font size to 130 % and reports what does not fit on the visible page. */
async function largeTextProblems(page: Page): Promise<Problem[]> {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '20.8px'
  })
  await page.waitForTimeout(300) // layout settles (two frames are plenty; not a timing assertion)
  return page.evaluate((oneLine) => {
    const out: { kind: 'overflow' | 'broken' | 'spill'; what: string }[] = []
    const shown = (el: Element) => (el as HTMLElement).offsetParent !== null
    const pages = Array.from(document.querySelectorAll('.page')).filter(shown)
    const width = window.innerWidth
    const name = (el: Element) => `${el.className} "${(el.textContent ?? '').trim().slice(0, 20)}"`
    for (const root of pages) {
      for (const el of Array.from(root.querySelectorAll('*')).filter(shown)) {
        const r = el.getBoundingClientRect()
        if (r.width > 0 && r.right > width + 1) out.push({ kind: 'overflow', what: name(el) })
      }
      for (const el of Array.from(root.querySelectorAll(oneLine.join(','))).filter(shown)) {
        // Each run of text must sit on one line: a run drawn on two lines was broken inside.
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
        for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) {
          if ((t.textContent ?? '').trim() === '') continue
          const range = document.createRange()
          range.selectNodeContents(t)
          const tops = new Set(Array.from(range.getClientRects()).map((q) => Math.round(q.top)))
          if (tops.size > 1) out.push({ kind: 'broken', what: name(el) })
        }
      }
      for (const el of Array.from(root.querySelectorAll('.btn, .btn-main, .btn-link')).filter(shown)) {
        const h = el as HTMLElement
        if (h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1)
          out.push({ kind: 'spill', what: name(el) })
      }
    }
    return out
  }, ONE_LINE)
}

async function check(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  await ready()
  const problems = await largeTextProblems(page)
  await shot(page, STORY, name)
  expect({ page: name, problems }).toEqual({ page: name, problems: [] })
}

test('resident pages fit at 130 % text', async () => {
  const { ticketId } = await submitTicket(stage, 'demo-resident-5', '五组的路灯一到晚上就闪，很晃眼')
  await act(stage, 'demo-worker-5', 'tasks', { action: 'signFor', ticketId })
  await act(stage, 'demo-worker-5', 'tasks', {
    action: 'resolve',
    ticketId,
    result: '已更换镇流器',
    photos: [],
  })
  // Messages wait in the ticket's outbox until the sweeper (every minute) materialises them.
  await stage.cloud.dev.runTimer('sweeper')
  const R = 'demo-resident-5'
  const page = await openAs(stage, R)
  const title = (t: string) => page.locator('.title:visible', { hasText: t }).waitFor({ timeout: 20_000 })
  await check(page, '01-home', () => page.getByTestId('go-report').waitFor({ timeout: 20_000 }))
  await goAs(page, stage, R, '/pages/report/index')
  await check(page, '02-report', () =>
    page.getByRole('radio', { name: /^安全隐患/ }).waitFor({ timeout: 20_000 }),
  )
  await goAs(page, stage, R, '/pages/mine/index')
  await check(page, '03-mine', () => page.locator('.tag:visible').first().waitFor({ timeout: 20_000 }))
  await goAs(page, stage, R, `/pages/ticket/index?id=${ticketId}`)
  await check(page, '04-ticket-rate', () =>
    page.getByText('问题解决了吗？请评价').waitFor({ timeout: 20_000 }),
  )
  await goAs(page, stage, R, '/pages/messages/index')
  await check(page, '05-messages', () => page.getByTestId('message').first().waitFor({ timeout: 20_000 }))
  await goAs(page, stage, R, '/pages/grid/index')
  await check(page, '06-grid', () => title('选择网格'))
  await goAs(page, stage, R, '/pages/bind/index')
  await check(page, '07-bind', () => title('工作人员绑定'))
  await goAs(page, stage, 'story18-newcomer', '/pages/mine/index')
  await check(page, '08-mine-newcomer', () => page.getByTestId('mine-newcomer').waitFor({ timeout: 20_000 }))
})

test('staff pages fit at 130 % text', async () => {
  const W = 'demo-worker-1'
  const page = await openAs(stage, W, '/packages/staff/pages/inbox/index')
  const title = (t: string) => page.locator('.title:visible', { hasText: t }).waitFor({ timeout: 20_000 })
  await check(page, '11-inbox', () => page.getByTestId('inbox-counts').waitFor({ timeout: 20_000 }))
  const first = await act(stage, W, 'tasks', { action: 'inbox', pageSize: 5 })
  await goAs(page, stage, W, `/packages/staff/pages/ticket/index?id=${first.items[0]._id}`)
  await check(page, '12-task', () => page.getByTestId('ticket-number').waitFor({ timeout: 20_000 }))
  await goAs(page, stage, W, '/packages/staff/pages/patrol/index')
  await check(page, '13-patrol', () => title('巡查记录'))
  await goAs(page, stage, 'demo-informant-1', '/packages/staff/pages/proxy/index')
  await check(page, '14-proxy', () => page.getByTestId('proxy-grid-g02').waitFor({ timeout: 20_000 }))
  await goAs(page, stage, 'demo-village-guide-1', '/packages/staff/pages/overdue/index')
  await check(page, '15-overdue', () => title('超时督办'))
  await goAs(page, stage, 'demo-village-guide-1', '/packages/staff/pages/returned/index')
  await check(page, '16-returned', () => title('退单待派'))
  await goAs(page, stage, 'demo-admin', '/packages/staff/pages/roster/index')
  await check(page, '17-roster', () => title('花名册'))
  await goAs(page, stage, 'demo-admin', '/packages/staff/pages/addStaff/index')
  await check(page, '18-add-staff', () => title('新增工作人员'))
})
