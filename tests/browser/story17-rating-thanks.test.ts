/**
 * Story 17 — words that fit after a result: the resident rates a resolved report 4★ and is thanked;
 * the reopen form is not thrown at them — a quiet link 问题又出现了？要求重办 stays there if needed.
 * A report the resident closed with 5★ offers no reopen at all. The progress reads in plain words
 * (已受理…, 网格员已签收, 已办结…), never the system's ("系统：派单（待分派 → 待签收）").
 *
 * demo-resident-4 → grid g04 → demo-worker-4. demo-resident-1 has a closed, 5★ demo report
 * (小河边有人倒建筑垃圾).
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

const RESIDENT = 'demo-resident-4'
const WORKER = 'demo-worker-4'
const STORY = 'story17'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('rating is thanked, reopening sits behind a quiet link, and the progress reads plainly', async () => {
  const { ticketId, number } = await submitTicket(stage, RESIDENT, '四组路口的垃圾桶满了没人清')
  await act(stage, WORKER, 'tasks', { action: 'signFor', ticketId })
  await act(stage, WORKER, 'tasks', { action: 'addProgress', ticketId, note: '已通知保洁员下午来清' })
  await act(stage, WORKER, 'tasks', {
    action: 'resolve',
    ticketId,
    result: '垃圾已清运，桶已洗净',
    photos: [],
  })

  const page = await openAs(stage, RESIDENT, `/pages/ticket/index?id=${ticketId}`)
  await page.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await waitForStatus(page, '待评价')
  const progress = page.getByTestId('resident-timeline')
  await progress.getByText('已办结：垃圾已清运，桶已洗净').waitFor()
  await progress.getByText('正在办理：已通知保洁员下午来清').waitFor()
  await progress.getByText('网格员已签收').waitFor()
  await progress.getByText('已受理，交给网格员办理').waitFor()
  expect(await progress.innerText()).not.toMatch(/系统：|→/)
  // The rating comes first; reopening is a quiet link, not a red button beside it.
  await page.getByText('问题解决了吗？请评价').waitFor()
  await expect(page.getByRole('button', { name: '要求重办', exact: true }).count()).resolves.toBe(0)
  await page.getByTestId('open-reopen').getByText('还没解决？要求重办').waitFor()
  await shot(page, STORY, '1-rate')

  await page.getByRole('radio', { name: /^4星/ }).click()
  await fill(page, 'rating-comment', '清得干净')
  await page.getByTestId('confirm-rating').click()
  await page.getByTestId('rating-thanks').getByText('谢谢您的评价！').waitFor({ timeout: 20_000 })
  await waitForStatus(page, '已办结')
  await expect(page.getByTestId('rating-thanks').innerText()).resolves.toContain('4星（满意）')
  await page.getByTestId('open-reopen').getByText('问题又出现了？要求重办').waitFor()
  await shot(page, STORY, '2-thanks')

  // A report closed with 5★: nothing to reopen on the screen.
  const mine = await act(stage, 'demo-resident-1', 'tickets', { action: 'listMine', filter: 'done' })
  const fiveStar = mine.items.find((t: { excerpt: string }) => t.excerpt === '小河边有人倒建筑垃圾')
  const other = await openAs(stage, 'demo-resident-1', `/pages/ticket/index?id=${fiveStar._id}`)
  await waitForStatus(other, '已办结')
  await other
    .getByText(/5星 很满意/)
    .first()
    .waitFor()
  await expect(other.getByTestId('open-reopen').count()).resolves.toBe(0)
  await shot(other, STORY, '3-closed-five-stars')

  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(other)).toEqual([])
})
