/**
 * Story 6 — 请群众补充: the grid worker asks the resident for more information (the clock pauses,
 * 待补充); the resident answers on the ticket page and the ticket is back in hand (办理中), with the
 * answer on the timeline the worker reads.
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in g01, whose worker is demo-worker-1.
 */
import {
  act,
  fill,
  goAs,
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
const STORY = 'story6'
const QUESTION = '请问具体是哪一户门口？方便拍张照片吗'
const ANSWER = '是村口小卖部旁边第三户，门前有棵桂花树'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('the worker asks for more information and the resident answers: 待补充 → 办理中', async () => {
  const { ticketId, number } = await submitTicket(stage, RESIDENT, '有户人家门口的化粪池盖板破了，很危险')
  await act(stage, WORKER, 'tasks', { action: 'signFor', ticketId })

  // 1. Worker: 请群众补充 with a question → 待补充, the clock paused.
  const worker = await openAs(stage, WORKER, `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await waitForStatus(worker, '办理中')
  await worker.getByTestId('action-requestInfo').click()
  await fill(worker, 'field-question', QUESTION)
  await shot(worker, STORY, '1-request-info-form')
  await worker.getByTestId('confirm-requestInfo').click()
  await worker.getByTestId('action-done').getByText('已请群众补充，计时暂停').waitFor()
  await waitForStatus(worker, '待补充')
  await worker.getByText('等待群众补充，计时暂停').waitFor()
  await shot(worker, STORY, '2-awaiting-info')

  // 2. Resident: the ticket page shows the question and a form to answer it.
  const resident = await openAs(stage, RESIDENT, `/pages/ticket/index?id=${ticketId}`)
  await resident.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await waitForStatus(resident, '待补充')
  await resident.getByText('网格员请您补充').waitFor()
  await resident.getByText(QUESTION).first().waitFor()
  await resident.getByRole('button', { name: /提交补充/ }).click()
  await resident.getByText('请写几句补充说明').waitFor() // checked before anything is sent
  await fill(resident, 'supplement-note', ANSWER)
  await shot(resident, STORY, '3-resident-supplement')
  await resident.getByRole('button', { name: /提交补充/ }).click()
  await waitForStatus(resident, '办理中')
  await resident.getByText(ANSWER).first().waitFor() // on the timeline
  await expect(resident.getByText('网格员请您补充').count()).resolves.toBe(0)
  await shot(resident, STORY, '4-resident-answered')

  // 3. Worker: back in hand, the answer on the timeline.
  await goAs(worker, stage, WORKER, `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await waitForStatus(worker, '办理中')
  await worker.getByText(ANSWER).first().waitFor()
  await worker.getByTestId('action-resolve').waitFor()
  await shot(worker, STORY, '5-worker-sees-answer')

  expect(pageErrors(worker)).toEqual([])
  expect(pageErrors(resident)).toEqual([])
})
