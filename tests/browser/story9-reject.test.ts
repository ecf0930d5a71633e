/**
 * Story 9 — 不予受理: a village guide rejects a ticket that is not the grid's business, with a reason;
 * the resident sees 不予受理 and the reason on their ticket.
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in g01 (石桥村), whose village guides
 * include demo-village-guide-1.
 */
import { fill, openAs, openStage, pageErrors, shot, submitTicket, waitForStatus, type Stage } from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-1'
const GUIDE = 'demo-village-guide-1'
const STORY = 'story9'
const REASON = '属于邻里私人借款纠纷，请通过人民调解或法院解决'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a village guide rejects a ticket with a reason and the resident sees the reason', async () => {
  const { ticketId, number } = await submitTicket(stage, RESIDENT, '邻居借了我三万块钱一直不还', 'dispute')

  // 1. Village guide: the task → 不予受理 → reason → done.
  const guide = await openAs(stage, GUIDE, `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await guide.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await guide.getByTestId('action-reject').click()
  await guide.getByTestId('confirm-reject').click()
  await guide.getByText(/请填写不予受理的理由/).waitFor() // checked before anything is sent
  await fill(guide, 'field-reason', REASON)
  await shot(guide, STORY, '1-reject-form')
  await guide.getByTestId('confirm-reject').click()
  await guide.getByTestId('action-done').getByText('已不予受理').waitFor()
  await waitForStatus(guide, '不予受理')
  await shot(guide, STORY, '2-rejected')

  // 2. Resident: 我的上报 shows it as 不予受理; the ticket gives the reason.
  const resident = await openAs(stage, RESIDENT, '/pages/mine/index')
  const row = resident.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await expect(row.innerText()).resolves.toContain('不予受理')
  await row.click()
  await resident.getByTestId('ticket-number').getByText(number).waitFor()
  await waitForStatus(resident, '不予受理')
  const card = resident.locator('.card__section', { hasText: '不予受理' })
  await card.getByText(REASON).waitFor()
  // Nothing left to do for the resident on a rejected ticket.
  await expect(resident.getByTestId('open-reopen').count()).resolves.toBe(0)
  await shot(resident, STORY, '3-resident-sees-reason')

  for (const p of [guide, resident]) expect(pageErrors(p)).toEqual([])
})
