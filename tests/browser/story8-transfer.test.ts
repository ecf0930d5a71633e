/**
 * Story 8 — 转办: the grid worker transfers a ticket that belongs elsewhere to another grid, with a
 * reason; that grid's worker finds it in their inbox awaiting sign-for, and the first worker no
 * longer has it.
 *
 * Demo identities (docs/demo-town.md): g01 and g02 are 石桥村 一组 and 二组, with workers
 * demo-worker-1 and demo-worker-2.
 */
import {
  act,
  fill,
  openAs,
  openStage,
  pageErrors,
  shot,
  submitTicket,
  waitForStatus,
  type Stage,
} from './stories'

jest.setTimeout(240_000)

const STORY = 'story8'
const REASON = '这段水渠归二组管理，转二组办理'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('worker 1 transfers a ticket to grid g02 and worker 2 sees it', async () => {
  const { ticketId, number } = await submitTicket(
    stage,
    'demo-resident-1',
    '二组水渠边的闸门关不上了，田里进水',
  )
  await act(stage, 'demo-worker-1', 'tasks', { action: 'signFor', ticketId })

  // 1. Worker 1: 转办 → 石桥村 → 二组, a reason → 已转办.
  const worker = await openAs(stage, 'demo-worker-1', `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await worker.getByTestId('action-transfer').click()
  await worker.getByTestId('confirm-transfer').click()
  await worker.getByText('请选择哪个网格').waitFor() // checked before anything is sent
  await worker.getByRole('button', { name: '选择石桥村' }).click()
  // The ticket's own grid is not offered.
  await worker.getByRole('button', { name: '选择石桥村二组' }).waitFor()
  await expect(worker.getByRole('button', { name: '选择石桥村一组' }).count()).resolves.toBe(0)
  await worker.getByRole('button', { name: '选择石桥村二组' }).click()
  await worker.getByText('已选：石桥村 二组').waitFor()
  await fill(worker, 'field-reason', REASON)
  await shot(worker, STORY, '1-transfer-form')
  await worker.getByTestId('confirm-transfer').click()
  await worker.getByTestId('action-done').getByText('已转办').waitFor()
  await waitForStatus(worker, '待签收')
  // Only the success: the ticket is another grid's now, and that is not an error to show.
  await worker.getByText(`转给石桥村二组：${REASON}`).first().waitFor() // the timeline names where it went
  await expect(worker.getByTestId('error-notice').count()).resolves.toBe(0)
  await shot(worker, STORY, '2-transferred')

  // 2. Worker 2: in the inbox, awaiting sign-for; the reason is on the timeline; they can sign for it.
  const worker2 = await openAs(stage, 'demo-worker-2', '/packages/staff/pages/inbox/index')
  const row = worker2.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await expect(row.innerText()).resolves.toContain('待签收')
  await shot(worker2, STORY, '3-worker2-inbox')
  await row.click()
  await worker2.getByTestId('ticket-number').getByText(number).waitFor()
  await worker2.getByText(REASON).first().waitFor()
  await worker2.getByTestId('action-signFor').click()
  await worker2.getByTestId('action-done').getByText('已签收').waitFor()
  await waitForStatus(worker2, '办理中')
  await shot(worker2, STORY, '4-worker2-signed')

  // Worker 1's inbox no longer holds it.
  const inbox1 = await stage.cloud.call('tasks', { action: 'inbox', pageSize: 50 }, 'demo-worker-1')
  expect(inbox1.body.data.items.map((t: { _id: string }) => t._id)).not.toContain(ticketId)

  for (const p of [worker, worker2]) expect(pageErrors(p)).toEqual([])
})
