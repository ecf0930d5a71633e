/**
 * Story 20 (b) — 更正上报人的网格: a resident of 石桥村一组 says in a report that they live in 二组; the
 * grid worker corrects the reporter's grid from the task page, confirming with the new grid's name.
 */
import { act, openAs, openStage, pageErrors, shot, submitTicket, type Stage } from './stories'

jest.setTimeout(180_000)

const STORY = 'story20'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a grid worker corrects the reporter’s home grid from the task page', async () => {
  const { ticketId, number } = await submitTicket(stage, 'demo-resident-1', '我家其实在二组，门口的路灯坏了')
  const worker = await openAs(stage, 'demo-worker-1', `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await worker.getByTestId('fix-reporter-grid').click()
  await worker.getByRole('button', { name: '选择石桥村' }).click()
  await worker.getByRole('button', { name: '选择石桥村二组' }).click()
  await worker
    .getByTestId('confirm-reporter-grid')
    .getByText('把上报人的网格改为 石桥村二组？')
    .waitFor({ timeout: 20_000 })
  await shot(worker, STORY, '5-confirm-grid')
  await worker.getByTestId('confirm-reporter-grid-yes').click()
  await worker
    .getByTestId('reporter-grid-done')
    .getByText('✓ 上报人的网格已更正为 石桥村二组')
    .waitFor({ timeout: 20_000 })

  const me = await act(stage, 'demo-resident-1', 'roster', { action: 'me' })
  expect(me.resident).toEqual({ homeGridId: 'g02', homeVillageId: 'v01' })
  const log = await act(stage, 'demo-admin', 'roster', { action: 'auditLog', pageSize: 1 })
  expect(log.items[0].summary).toBe(`更正工单 ${number} 上报人的网格：石桥村一组 → 石桥村二组`)
  expect(pageErrors(worker)).toEqual([])
})
