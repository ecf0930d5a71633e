/**
 * Story 4 — 代报: a grid information officer reports on behalf of a named neighbour. The ticket is in
 * their "我上报的" list at once; the grid worker (the assignee) sees the neighbour's name and phone
 * unmasked. When it is resolved, the informant — its reporter — opens it from 消息中心 or from 代报's
 * list on the reporter's ticket page and rates it (the server lets the reporter confirm).
 *
 * Demo identities (docs/demo-town.md): demo-informant-1 is an informant of grid g01 (石桥村 一组),
 * whose worker is demo-worker-1.
 */
import { PHONE as SCREEN, pngSize } from '../helpers/browser'
import {
  act,
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

  // Elder-friendly fields (docs/architecture.md, "Elder-friendly screens"): typed text ≥ 18px, and the "n/500" count below the box.
  const description = informant.locator('[data-testid="description"] textarea').first()
  const typedSize = (l: typeof description) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(await typedSize(description)).toBeGreaterThanOrEqual(18)
  expect(
    await typedSize(informant.locator('[data-testid="proxy-name"] input').first()),
  ).toBeGreaterThanOrEqual(18)
  await expect(description.evaluate((el) => getComputedStyle(el).resize)).resolves.toBe('none')
  const areaBox = (await description.boundingBox())!
  const countBox = (await informant.locator('.field__count:visible').first().boundingBox())!
  expect(areaBox.y + areaBox.height).toBeLessThanOrEqual(countBox.y)
  await shot(informant, STORY, '1-proxy-form')
  await informant.getByTestId('submit-report').click()
  await informant.getByTestId('report-done').waitFor({ timeout: 20_000 })
  const number = (await informant.getByTestId('done-number').innerText()).trim()
  expect(number).toMatch(/^\d{8}-\d{4}$/)
  await shot(informant, STORY, '2-proxy-submitted')

  // 2. Under the success card, 我上报的 already lists it (no 再报一件, no reopening the page).
  const justNow = informant.locator('[data-testid^="ticket-"]:visible', { hasText: number })
  await justNow.waitFor({ timeout: 20_000 })
  await expect(justNow.innerText()).resolves.toContain('待签收')

  // Coming back to 代报 later, it is still there; a row opens the reporter's ticket page.
  await goAs(informant, stage, INFORMANT, '/packages/staff/pages/proxy/index')
  await informant.getByText('我上报的').waitFor()
  const mine = informant.locator('[data-testid^="ticket-"]', { hasText: number })
  await mine.waitFor({ timeout: 20_000 })
  await expect(mine.innerText()).resolves.toContain('待签收')
  await mine.scrollIntoViewIfNeeded()
  await shot(informant, STORY, '3-proxy-mine')
  await mine.click()
  await informant.locator('.title:visible', { hasText: '工单详情' }).waitFor()
  await informant.getByTestId('ticket-number').getByText(number).waitFor()
  expect(informant.url()).toContain('#/pages/ticket/index?')
  const ticketId = idInUrl(informant)
  expect(ticketId).toBeTruthy()

  // 3. The grid worker: the task in the inbox, and on it the neighbour's name and phone, masked
  //    until 查看号码 (which the office can see in its log), then the number and the call button.
  const worker = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  const row = worker.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  await row.click()
  await worker.getByTestId('ticket-number').getByText(number).waitFor()
  await waitForStatus(worker, '待签收')
  const contact = await worker.getByTestId('reporter-contact').innerText()
  expect(contact).toContain('代报')
  expect(contact).toContain(NEIGHBOUR)
  expect(contact).toContain('137****5678')
  expect(contact).not.toContain(PHONE)
  await worker.getByTestId('reveal-reporter').click()
  await worker.getByTestId('reporter-contact').getByText(PHONE, { exact: false }).waitFor()
  await worker.getByRole('button', { name: `拨打群众（代报）的电话 ${PHONE}` }).waitFor()
  // Screenshots are the screen, at the device scale, however long the page (not a cut-off full page).
  const scale = SCREEN.deviceScaleFactor ?? 1
  expect(pngSize(await shot(worker, STORY, '4-worker-sees-neighbour'))).toEqual({
    width: SCREEN.viewport!.width * scale,
    height: SCREEN.viewport!.height * scale,
  })

  // 4. The worker signs for it and resolves it; the informant hears of it in 消息中心 and rates it
  // there, on the reporter's page (评价 / 重办), not on the staff task page.
  await act(stage, WORKER, 'tasks', { action: 'signFor', ticketId })
  await act(stage, WORKER, 'tasks', {
    action: 'resolve',
    ticketId,
    result: '已清通排水沟，下雨不再积水',
    photos: [],
  })
  // Messages wait in the ticket's outbox until the sweeper (every minute) materialises them.
  expect((await stage.cloud.dev.runTimer('sweeper')).status).toBe(200)
  await goAs(informant, stage, INFORMANT, '/pages/messages/index')
  const resolved = informant
    .locator('[data-testid="message"]', { hasText: '已办结，请您评价' })
    .filter({ hasText: '已清通排水沟' })
  await resolved.first().waitFor({ timeout: 20_000 })
  await resolved.first().click()
  await informant.locator('.title:visible', { hasText: '工单详情' }).waitFor()
  expect(informant.url()).toContain(`#/pages/ticket/index?id=${ticketId}`)
  await informant.getByText('问题解决了吗？请评价').waitFor({ timeout: 20_000 })
  await informant.getByTestId('open-reopen').waitFor()
  await shot(informant, STORY, '5-informant-rates')
  await informant.getByRole('radio', { name: /^4星/ }).click()
  await fill(informant, 'rating-comment', '王奶奶说排水沟通了，谢谢')
  await informant.getByTestId('confirm-rating').click()
  await waitForStatus(informant, '已办结')
  const closed = await act(stage, INFORMANT, 'tickets', { action: 'detail', ticketId })
  expect(closed.ticket.status).toBe('closed')
  expect(closed.ticket.rating).toMatchObject({ score: 4 })

  expect(pageErrors(informant)).toEqual([])
  expect(pageErrors(worker)).toEqual([])
})
