/**
 * Story 7 — 重办: the resident is not satisfied with a resolution and asks for it to be redone with a
 * reason; the ticket goes back to the grid worker (办理中), who sees the reason on the task and in
 * the message centre.
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in g01, whose worker is demo-worker-1.
 */
import {
  act,
  fill,
  inbox,
  openAs,
  openStage,
  pageErrors,
  shot,
  submitTicket,
  waitForStatus,
  type Stage,
} from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-1'
const WORKER = 'demo-worker-1'
const STORY = 'story7'
const REASON = '路灯只亮了一天又不亮了'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('the resident reopens a resolved ticket with a reason and it goes back to the worker', async () => {
  const { ticketId, number } = await submitTicket(stage, RESIDENT, '学校门口的路灯不亮，孩子晚自习回家很黑')
  await act(stage, WORKER, 'tasks', { action: 'signFor', ticketId })
  await act(stage, WORKER, 'tasks', {
    action: 'resolve',
    ticketId,
    result: '已更换灯泡，路灯恢复',
    photos: [],
  })

  // 1. Resident: 待评价 → the quiet link 还没解决？要求重办 → reason → 要求重办.
  const resident = await openAs(stage, RESIDENT, `/pages/ticket/index?id=${ticketId}`)
  await resident.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await waitForStatus(resident, '待评价')
  await resident.getByText('已更换灯泡，路灯恢复').first().waitFor()
  await resident.getByTestId('open-reopen').click()
  await resident.getByText('还没解决？请说明原因').waitFor()
  await resident.getByRole('button', { name: /要求重办/ }).click()
  await resident.getByText('请写明为什么没解决').waitFor() // checked before anything is sent
  await fill(resident, 'reopen-reason', REASON)
  await shot(resident, STORY, '1-reopen-form')
  await resident.getByRole('button', { name: /要求重办/ }).click()
  await waitForStatus(resident, '办理中')
  await resident.getByText(REASON).first().waitFor() // on the timeline
  await shot(resident, STORY, '2-reopened')

  // 2. Worker: the task is back in the inbox, in progress, with the reason; and a message says so.
  const worker = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  const row = worker.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await expect(row.innerText()).resolves.toContain('办理中')
  await shot(worker, STORY, '3-worker-inbox')
  await row.click()
  await worker.getByTestId('ticket-number').getByText(number).waitFor()
  await worker.getByText(REASON).first().waitFor()
  await worker.getByTestId('action-resolve').waitFor() // theirs to resolve again
  await shot(worker, STORY, '4-worker-task')

  // Messages wait in the ticket's outbox until the sweeper (every minute) materialises them.
  expect((await stage.cloud.dev.runTimer('sweeper')).status).toBe(200)
  const messages = await inbox(stage, WORKER)
  expect(messages.some((m) => m.ticketId === ticketId && JSON.stringify(m.lines).includes(REASON))).toBe(true)

  expect(pageErrors(worker)).toEqual([])
  expect(pageErrors(resident)).toEqual([])
})
