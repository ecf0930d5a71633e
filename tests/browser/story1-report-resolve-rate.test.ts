/**
 * Story 1 — the core loop, end to end in the browser: a resident reports with a photo and is shown
 * the number and the deadline; the grid worker signs for it and resolves it with a proof photo; the
 * resident gets the WeChat subscribe messages (credits granted by the submit tap), rates it, and
 * the ticket is closed (已办结).
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in grid g01 (石桥村 一组), whose
 * worker is demo-worker-1.
 */
import {
  addPhoto,
  fill,
  goAs,
  inbox,
  openAs,
  openStage,
  pageErrors,
  shot,
  subscribeMessages,
  type Stage,
} from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-1'
const WORKER = 'demo-worker-1'
const STORY = 'story1'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a resident reports, the worker signs for and resolves it, the resident rates it and it closes', async () => {
  // 1. Resident: home → 我要上报 → category tile + a few words + a photo → 提交
  const resident = await openAs(stage, RESIDENT)
  await resident.getByTestId('whoami').getByText(`当前身份：${RESIDENT}`).waitFor()
  await resident.getByTestId('go-report').click()
  await resident.getByRole('radio', { name: /^环境卫生/ }).click()
  await fill(resident, 'description', '村口的路灯坏了两盏，晚上很黑')
  await addPhoto(resident)
  await fill(resident, 'contact-phone', '13900001234')
  await shot(resident, STORY, '1-report-form')
  await resident.getByTestId('submit-report').click()

  const done = resident.getByTestId('report-done')
  await done.waitFor({ timeout: 20_000 })
  const number = (await resident.getByTestId('done-number').innerText()).trim()
  expect(number).toMatch(/^\d{8}-\d{4}$/)
  await expect(resident.getByTestId('done-deadline').innerText()).resolves.toMatch(
    /^\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前办结$/,
  )
  await shot(resident, STORY, '2-submitted')

  // The submit tap asked for the reporter templates: the acceptance message goes out.
  expect(await subscribeMessages(stage, RESIDENT, 'TPL_TICKET_ACCEPTED', number)).toHaveLength(1)

  // 查看办理进度 opens the ticket (its id is in the address).
  await resident.getByText('查看办理进度', { exact: true }).click()
  await resident.getByTestId('ticket-number').getByText(number).waitFor()
  const ticketId = new URLSearchParams(resident.url().split('?').pop()).get('id') as string
  expect(ticketId).toBeTruthy()

  // 2. Worker: the inbox shows it awaiting sign-for, with a countdown in words.
  const worker = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  const row = worker.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await expect(row.innerText()).resolves.toMatch(/待签收/)
  await expect(row.innerText()).resolves.toMatch(/签收：(⚠ )?(剩余|已超时) /)
  await shot(worker, STORY, '3-worker-inbox')
  await row.click()

  // Task detail: the reporter's phone is masked until the assignee taps 查看号码 (logged for the
  // office); 签收, then 办结 with a photo.
  await worker.getByTestId('ticket-number').getByText(number).waitFor()
  await expect(worker.getByTestId('reporter-contact').innerText()).resolves.toContain('139****1234')
  await worker.getByTestId('reveal-reporter').click()
  await worker.getByTestId('reporter-contact').getByText('13900001234', { exact: false }).waitFor()
  await worker.getByTestId('action-signFor').click()
  await worker.getByTestId('action-done').getByText('已签收').waitFor()
  await worker.getByTestId('action-resolve').click()
  await fill(worker, 'field-result', '已联系电工更换灯泡，路灯恢复照明')
  await addPhoto(worker, 'proof.png')
  await worker.getByTestId('confirm-resolve').click()
  await worker
    .getByTestId('action-done')
    .getByText(/已办结/)
    .waitFor()
  await worker.locator('.tag', { hasText: '待评价' }).first().waitFor()
  await shot(worker, STORY, '4-worker-resolved')

  // 3. The resident received the resolved subscribe message, and it is in the message centre too.
  expect(await subscribeMessages(stage, RESIDENT, 'TPL_TICKET_RESOLVED', number)).toHaveLength(1)
  const centre = await inbox(stage, RESIDENT)
  expect(centre.some((m) => m.templateKey === 'ticketResolved')).toBe(true)

  await goAs(resident, stage, RESIDENT, '/pages/index/index')
  await resident
    .getByTestId('go-messages')
    .getByText(/\d+条未读/)
    .waitFor()
  await shot(resident, STORY, '5-home-unread')
  await resident.getByTestId('go-messages').click()
  await resident.getByText('已办结，请您评价').first().waitFor()
  await shot(resident, STORY, '6-messages')

  // 4. Resident rates it: 5 stars + a comment → 已办结.
  await goAs(resident, stage, RESIDENT, `/pages/ticket/index?id=${ticketId}`)
  await resident.getByText('问题解决了吗？请评价').waitFor()
  await resident.getByRole('radio', { name: /^5星/ }).click()
  await resident.getByText('已选：5星 很满意').waitFor()
  await fill(resident, 'rating-comment', '修得很快，谢谢')
  await resident.getByTestId('confirm-rating').click()
  await resident.locator('.tag', { hasText: '已办结' }).first().waitFor()
  await resident
    .getByText(/5星 很满意/)
    .first()
    .waitFor()
  await shot(resident, STORY, '7-closed')

  expect(pageErrors(resident)).toEqual([])
  expect(pageErrors(worker)).toEqual([])
})
