/**
 * Story 3 — a returned ticket finds a new owner: the grid worker returns it (退单) with a reason, the
 * village guide finds it in 退单待派 and re-dispatches it to another grid of the village, and that
 * grid's worker sees it in their inbox.
 *
 * Demo identities (docs/demo-town.md): g01 and g02 are 石桥村 一组 and 二组, with workers
 * demo-worker-1 and demo-worker-2; demo-village-guide-1 guides 石桥村.
 */
import { fill, openAs, openStage, pageErrors, shot, submitTicket, type Stage } from './stories'

jest.setTimeout(240_000)

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('returned by one worker, re-dispatched by the village guide, seen by the other grid’s worker', async () => {
  const { ticketId, number } = await submitTicket(stage, 'demo-resident-1', '二组那边的水渠堵了，水漫到路上')

  // 1. Worker 1 returns it with a reason.
  const worker = await openAs(stage, 'demo-worker-1', `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await worker.getByTestId('action-returnTicket').click()
  await worker.getByTestId('confirm-returnTicket').click()
  await worker.getByText(/请填写退单原因/).waitFor() // checked before anything is sent
  await fill(worker, 'field-reason', '水渠在二组范围，不归本组')
  await worker.getByTestId('confirm-returnTicket').click()
  await worker
    .getByTestId('action-done')
    .getByText(/已退单/)
    .waitFor()
  await worker.locator('.tag', { hasText: '已退单' }).first().waitFor()
  await shot(worker, 'story3', '1-worker-returned')

  // 2. The village guide: 退单待派 → the ticket → 重新派单 to 石桥村 二组.
  const guide = await openAs(stage, 'demo-village-guide-1')
  await guide.getByTestId('go-returned').click()
  const row = guide.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await shot(guide, 'story3', '2-returned-queue')
  await row.click()
  await guide.getByText('水渠在二组范围，不归本组').waitFor() // the reason is on the timeline
  await guide.getByTestId('action-redispatch').click()
  await guide.getByRole('button', { name: '选择石桥村' }).click()
  await guide.getByRole('button', { name: '选择石桥村二组' }).click()
  await guide.getByText('已选：石桥村 二组').waitFor()
  await shot(guide, 'story3', '3-redispatch-form')
  await guide.getByTestId('confirm-redispatch').click()
  await guide.getByTestId('action-done').getByText('已重新派单').waitFor()
  await guide.locator('.tag', { hasText: '待签收' }).first().waitFor()
  await shot(guide, 'story3', '4-redispatched')

  // 3. Worker 2 has it in their inbox, awaiting sign-for; worker 1 no longer does.
  const worker2 = await openAs(stage, 'demo-worker-2', '/packages/staff/pages/inbox/index')
  const row2 = worker2.getByTestId(`ticket-${ticketId}`)
  await row2.waitFor({ timeout: 20_000 })
  await expect(row2.innerText()).resolves.toContain('待签收')
  await shot(worker2, 'story3', '5-worker2-inbox')
  const inbox1 = await stage.cloud.call('tasks', { action: 'inbox', pageSize: 50 }, 'demo-worker-1')
  expect(inbox1.body.data.items.map((t: { _id: string }) => t._id)).not.toContain(ticketId)

  for (const p of [worker, guide, worker2]) expect(pageErrors(p)).toEqual([])
})
