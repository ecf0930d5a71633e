/**
 * Story 4 — 代报: a grid information officer reports on behalf of a named neighbour. The ticket is in
 * their "我上报的" list; the grid worker (the assignee) sees the neighbour's name and phone unmasked.
 *
 * Demo identities (docs/demo-town.md): demo-informant-1 is an informant of grid g01 (石桥村 一组),
 * whose worker is demo-worker-1.
 */
import {
  fill,
  goAs,
  idInUrl,
  openAs,
  openStage,
  pageErrors,
  shot,
  waitForStatus,
  type Stage,
} from './stories'

jest.setTimeout(240_000)

const INFORMANT = 'demo-informant-1'
const WORKER = 'demo-worker-1'
const STORY = 'story4'
const NEIGHBOUR = '王秀英'
const PHONE = '13712345678'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('an informant reports for a neighbour; the worker sees the neighbour’s name and phone', async () => {
  // 1. Informant: home shows the staff entries; 代报 → the form with the neighbour's name and phone.
  const informant = await openAs(stage, INFORMANT)
  await informant.getByTestId('whoami').getByText(`当前身份：${INFORMANT}`).waitFor({ timeout: 20_000 })
  await informant.getByTestId('go-proxy').click()
  await informant.locator('.title', { hasText: '代群众上报' }).waitFor()
  await informant.getByRole('radio', { name: /^群众诉求/ }).click()
  await fill(informant, 'description', '王奶奶家门口的排水沟堵了，下雨就积水进屋')

  // The neighbour's name is required: the form says so before anything is sent.
  await informant.getByTestId('submit-report').click()
  await informant.getByText('请填写被代报群众的姓名').waitFor()

  await fill(informant, 'proxy-name', NEIGHBOUR)
  await fill(informant, 'proxy-phone', PHONE)
  await shot(informant, STORY, '1-proxy-form')
  await informant.getByTestId('submit-report').click()
  await informant.getByTestId('report-done').waitFor({ timeout: 20_000 })
  const number = (await informant.getByTestId('done-number').innerText()).trim()
  expect(number).toMatch(/^\d{8}-\d{4}$/)
  await shot(informant, STORY, '2-proxy-submitted')

  // 2. Coming back to 代报 later, the ticket is in 我上报的.
  await goAs(informant, stage, INFORMANT, '/packages/staff/pages/proxy/index')
  await informant.getByText('我上报的').waitFor()
  const mine = informant.locator('[data-testid^="ticket-"]', { hasText: number })
  await mine.waitFor({ timeout: 20_000 })
  await expect(mine.innerText()).resolves.toContain('待签收')
  await mine.scrollIntoViewIfNeeded()
  await shot(informant, STORY, '3-proxy-mine')
  await mine.click()
  await informant.getByTestId('ticket-number').getByText(number).waitFor()
  const ticketId = idInUrl(informant)
  expect(ticketId).toBeTruthy()

  // 3. The grid worker: the task in the inbox, and on it the neighbour's name and phone, unmasked.
  const worker = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  const row = worker.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await row.click()
  await worker.getByTestId('ticket-number').getByText(number).waitFor()
  await waitForStatus(worker, '待签收')
  const contact = await worker.getByTestId('reporter-contact').innerText()
  expect(contact).toContain('代报')
  expect(contact).toContain(NEIGHBOUR)
  expect(contact).toContain(PHONE)
  await worker.getByRole('button', { name: `拨打电话 ${PHONE}` }).waitFor()
  await shot(worker, STORY, '4-worker-sees-neighbour')

  expect(pageErrors(informant)).toEqual([])
  expect(pageErrors(worker)).toEqual([])
})
