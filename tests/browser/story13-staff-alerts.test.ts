/**
 * Story 13 — 开启微信提醒: a grid worker's new tasks reach WeChat only after they allowed it. Before
 * the tap, a task routed to them is in-app only; they tap 开启微信提醒 on their inbox (one credit per
 * staff template, WeChat's one-time rule) and the next task routed to them is delivered as a
 * 待办事项提醒 (TPL_TASK_NEW) subscribe message, spending the credit. The overdue board has the same
 * control. The town's own category names show on the rows.
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in g01, whose worker is demo-worker-1;
 * demo-village-guide-1 guides 石桥村.
 */
import { initCloud } from '../helpers/tcbServer'
import { openAs, openStage, pageErrors, shot, submitTicket, subscribeMessages, type Stage } from './stories'

jest.setTimeout(240_000)

const STORY = 'story13'
const WORKER = 'demo-worker-1'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
  // The town renames a category before anybody asked for its configuration (cached per instance).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = initCloud(`${stage.cloud.url}/tcb`).database() as any
  const { data } = await db.collection('config').doc('town:town-qingshan').get()
  const { DEFAULT_CATEGORIES } = await import('@shared/index')
  const categories = (data.categories ?? DEFAULT_CATEGORIES).map((c: { code: string }) =>
    c.code === 'environment' ? { ...c, name: '村容环境' } : c,
  )
  await db.collection('config').doc('town:town-qingshan').update({ data: { categories } })
  // As the operator does after an edit in the console.
  await stage.cloud.dev.console('system', { action: 'townChanged', townId: 'town-qingshan' })
})
afterAll(async () => {
  await stage?.close()
})

test('a worker taps 开启微信提醒 and the next new task reaches WeChat', async () => {
  const before = await submitTicket(stage, 'demo-resident-1', '村口垃圾桶满了好几天没人清运')
  expect(await subscribeMessages(stage, WORKER, 'TPL_TASK_NEW', before.number)).toEqual([])

  const page = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  const credits = page.getByTestId('alert-credits')
  await credits.getByText(/微信 未开启/).waitFor({ timeout: 20_000 })
  // One small line; the explainer is behind 说明.
  await page.getByTestId('alerts-explain').click()
  await page.getByText(/每点一次“允许”，每种提醒只能发一条/).waitFor()
  // The row names the category the town's way.
  const row = page.locator('[data-testid^="ticket-"]:visible', { hasText: before.number })
  await row.getByText('村容环境').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '1-inbox-alerts-off')

  await page.getByTestId('enable-alerts').click()
  await page.getByText('✓ 已开启微信提醒').waitFor({ timeout: 20_000 })
  // One credit of each of the three staff templates.
  await credits.getByText(/每种还能提醒 1 条/).waitFor({ timeout: 20_000 })
  await shot(page, STORY, '2-inbox-alerts-on')

  const after = await submitTicket(stage, 'demo-resident-1', '二组路口的路灯坏了，晚上很黑')
  const delivered = await subscribeMessages(stage, WORKER, 'TPL_TASK_NEW', after.number)
  expect(delivered).toHaveLength(1)
  expect(delivered[0].touser).toBe(WORKER)
  // The credit is spent: the box says none is left once the page is opened again.
  const again = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  await again
    .getByTestId('alert-credits')
    .getByText(/待办事项提醒 0 条、工单即将超时提醒 1 条、督办提醒 1 条/)
    .waitFor({ timeout: 20_000 })

  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(again)).toEqual([])
})

test('the overdue board offers 开启微信提醒 to a village guide', async () => {
  const page = await openAs(stage, 'demo-village-guide-1', '/packages/staff/pages/overdue/index')
  await page
    .getByTestId('alert-credits')
    .getByText(/微信 未开启/)
    .waitFor({ timeout: 20_000 })
  await page.getByTestId('enable-alerts').click()
  await page
    .getByTestId('alert-credits')
    .getByText(/每种还能提醒 1 条/)
    .waitFor({ timeout: 20_000 })
  expect(pageErrors(page)).toEqual([])
})
