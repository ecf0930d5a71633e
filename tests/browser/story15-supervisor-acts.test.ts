/**
 * Story 15 — a town supervisor acts on an overdue ticket of their village. 石桥村 runs its grid team
 * in a 企业微信 group with a robot (the town's configuration holds its key). An urgent report of
 * 石桥村一组 is not signed for in time, nor is one of 枫林村: the sweeper escalates both (催办).
 * demo-supervisor-1 (石桥村's supervisor) sees only 石桥村's ticket on the overdue board, with the
 * responsible worker's phone and a call button; opens it, and 改派 it to 石桥村二组's worker with a
 * reason. The village's robot received the alert (read from /__dev/webhooks), @-mentioning the worker.
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in g01 (石桥村一组, demo-worker-1),
 * demo-resident-7 in g07 (枫林村一组); demo-worker-2 owns g02 (石桥村二组).
 */
import { initCloud } from '../helpers/tcbServer'
import { fill, openAs, openStage, pageErrors, shot, submitTicket, waitForStatus, type Stage } from './stories'

jest.setTimeout(240_000)

const STORY = 'story15'
const SUPERVISOR = 'demo-supervisor-1'
const ROBOT_KEY = 'shiqiao-group-robot-0001'
const REASON = '一组网格员外出培训，改由二组网格员处理'

let stage: Stage
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
beforeAll(async () => {
  stage = await openStage()
  db = initCloud(`${stage.cloud.url}/tcb`).database()
  // Before anybody asked for the town's configuration (it is cached per function instance).
  await db
    .collection('config')
    .doc('town:town-qingshan')
    .update({ data: { alerts: { robots: { villages: { v01: ROBOT_KEY } } } } })
  await stage.cloud.dev.console('system', { action: 'townChanged', townId: 'town-qingshan' })
})
afterAll(async () => {
  await stage?.close()
})

test('the supervisor sees only their village’s overdue ticket, can call the worker, and reassigns it', async () => {
  const mine = await submitTicket(stage, 'demo-resident-1', '废弃鱼塘边有小孩玩水，有溺水危险', 'safety')
  const other = await submitTicket(stage, 'demo-resident-7', '枫林村一组山塘堤坝出现裂缝', 'safety')
  await stage.cloud.dev.clock({ advanceMs: 31 * 60_000 }) // past the 30-minute sign-for deadline
  expect((await stage.cloud.dev.runTimer('sweeper')).status).toBe(200)

  // 1. The board: 石桥村's ticket with the worker's phone (masked until 查看号码); 枫林村's is not there.
  const workerPhone = (await db.collection('staff').doc('st-worker-1').get()).data.phone as string
  const board = await openAs(stage, SUPERVISOR, '/packages/staff/pages/overdue/index')
  const row = board.getByTestId(`ticket-${mine.ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await expect(row.innerText()).resolves.toContain('【紧急】')
  const masked = '139****0004' // st-worker-1's 13970000004
  await expect(board.getByTestId(`owner-phone-${mine.ticketId}`).innerText()).resolves.toBe(masked)
  await board.getByTestId(`reveal-${mine.ticketId}`).click()
  const call = board.getByTestId(`call-${mine.ticketId}`)
  await expect(call.getAttribute('aria-label')).resolves.toContain(workerPhone)
  await expect(board.getByTestId(`owner-phone-${mine.ticketId}`).innerText()).resolves.toBe(workerPhone)
  await expect(board.getByTestId(`ticket-${other.ticketId}`).count()).resolves.toBe(0)
  await shot(board, STORY, '1-overdue-board')

  // 2. The ticket: the worker's number, masked, 查看号码 then a call button; 改派 to 石桥村二组.
  await row.click()
  await board.getByTestId('ticket-number').getByText(mine.number).waitFor({ timeout: 20_000 })
  await expect(board.getByTestId('ticket-assignee').innerText()).resolves.toContain(masked)
  await board.getByTestId('reveal-assignee').click()
  await board.getByTestId('call-assignee').waitFor()
  await expect(board.getByTestId('ticket-assignee').innerText()).resolves.toContain(workerPhone)
  await board.getByTestId('action-reassign').click()
  await board.getByRole('button', { name: '选择石桥村' }).click()
  await board.getByRole('button', { name: '选择石桥村二组' }).click()
  await board.getByText('已选：石桥村 二组').waitFor()
  await board.getByTestId('assignee-st-worker-2').click()
  await fill(board, 'field-reason', REASON)
  await shot(board, STORY, '2-reassign-form')
  await board.getByTestId('confirm-reassign').click()
  await board
    .getByTestId('action-done')
    .getByText(/已改派/)
    .waitFor({ timeout: 20_000 })
  await waitForStatus(board, '待签收')
  await board.getByText(REASON, { exact: false }).first().waitFor()
  await shot(board, STORY, '3-reassigned')
  const after = await stage.cloud.call('tickets', { action: 'detail', ticketId: mine.ticketId }, SUPERVISOR)
  expect(after.body.data.ticket).toMatchObject({ gridId: 'g02', assigneeId: 'st-worker-2' })

  // 3. The new owner has it in their inbox, and the village's robot got the 催办 with a mention.
  const inbox = await stage.cloud.call('tasks', { action: 'inbox', pageSize: 50 }, 'demo-worker-2')
  expect(inbox.body.data.items.map((t: { _id: string }) => t._id)).toContain(mine.ticketId)
  const hook = await stage.cloud.request(`/__dev/webhooks?key=${ROBOT_KEY}`)
  const posts: {
    msgtype: string
    body: { markdown?: { content: string }; text?: { mentioned_mobile_list?: string[] } }
  }[] = hook.body.posts
  const alert = posts.find((p) => p.msgtype === 'markdown' && p.body.markdown?.content.includes(mine.number))
  expect(alert?.body.markdown?.content).toMatch(/【催办】[\s\S]*石桥村一组[\s\S]*超时未签收/)
  expect(posts.some((p) => p.body.text?.mentioned_mobile_list?.includes(workerPhone))).toBe(true)
  expect(posts.some((p) => JSON.stringify(p.body).includes(other.number))).toBe(false)

  expect(pageErrors(board)).toEqual([])
})
