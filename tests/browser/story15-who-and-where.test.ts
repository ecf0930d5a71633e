/**
 * Story 15 — every report can be followed up: a first-time resident (a WeChat user nobody knows)
 * finds a friendly 我的上报 with 选择网格, chooses the grid, and reports with their name and phone
 * (remembered because they said so) and their position (the browser's GPS, converted to the map
 * coordinates used in China); the grid worker sees who reported it and where. Next time the form
 * is already filled in with the name and phone.
 *
 * The browser is placed at a point of 青山镇 (GPS, WGS-84). Grid g01 (石桥村一组) → demo-worker-1.
 */
import { PHONE } from '../helpers/browser'
import { act, addPhoto, fill, goAs, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const NEWCOMER = 'story15-newcomer'
const WORKER = 'demo-worker-1'
const STORY = 'story15'
const GPS = { latitude: 28.2282, longitude: 112.9388 }

let stage: Stage
beforeAll(async () => {
  stage = await openStage({}, { ...PHONE, geolocation: GPS, permissions: ['geolocation'] })
})
afterAll(async () => {
  await stage?.close()
})

test('a first-time resident leaves name, phone and place; the worker sees who and where', async () => {
  // 1. 我的上报 for someone new: no red error, a kind word and 选择网格.
  const page = await openAs(stage, NEWCOMER, '/pages/mine/index')
  await page.getByTestId('mine-newcomer').getByText('您还没有上报过问题').waitFor({ timeout: 20_000 })
  await expect(page.getByTestId('error-notice').count()).resolves.toBe(0)
  await shot(page, STORY, '1-mine-newcomer')
  await page.getByTestId('choose-grid').click()
  await page.getByRole('button', { name: '选择石桥村', exact: true }).click()
  await page.getByRole('button', { name: '选择石桥村一组' }).click()
  await page.getByText('✓ 已选择：石桥村 一组').waitFor()

  // 2. The report: words, a photo, where (the phone's position), who (name and phone, remembered).
  await goAs(page, stage, NEWCOMER, '/pages/report/index')
  await page.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })
  await page.getByRole('radio', { name: /^安全隐患/ }).click()
  await fill(page, 'description', '石桥边的护栏松了，小孩放学从这里走')
  await addPhoto(page)
  await page.getByTestId('use-my-position').click()
  await page
    .getByTestId('place-chosen')
    .getByText(/位置：已定位（北纬28\.224\d°，东经112\.944\d°）/)
    .waitFor()
  await fill(page, 'contact-name', '周大伯')
  await fill(page, 'contact-phone', '13912345678')
  await page.getByRole('switch', { name: /^记住我的称呼和电话/ }).click()
  await page.getByRole('switch', { name: '记住我的称呼和电话：是' }).waitFor()
  await shot(page, STORY, '2-report-who-where')
  await page.getByTestId('submit-report').click()
  await page.getByTestId('report-done').waitFor({ timeout: 20_000 })
  const number = (await page.getByTestId('done-number').innerText()).trim()
  await shot(page, STORY, '3-submitted')

  // The ticket keeps the position in the coordinates Chinese maps use (GPS converted).
  const mine = await act(stage, NEWCOMER, 'tickets', { action: 'listMine' })
  const ticketId = mine.items.find((t: { number: string }) => t.number === number)._id
  const { ticket } = await act(stage, NEWCOMER, 'tickets', { action: 'detail', ticketId })
  expect(ticket.gridId).toBe('g01')
  expect(ticket.location.latitude).toBeCloseTo(28.224692, 5)
  expect(ticket.location.longitude).toBeCloseTo(112.94425, 5)

  // 3. The worker sees who reported it and where (导航 is WeChat's map: not in the browser build).
  const worker = await openAs(stage, WORKER, `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await expect(worker.getByTestId('reporter-contact').innerText()).resolves.toBe('上报人：周大伯 139****5678')
  await worker.getByTestId('reveal-reporter').click()
  await worker.getByTestId('call-reporter').waitFor()
  await expect(worker.getByTestId('reporter-contact').innerText()).resolves.toBe('上报人：周大伯 13912345678')
  await worker
    .getByTestId('ticket-place')
    .getByText(/位置：已定位/)
    .waitFor()
  await expect(worker.getByTestId('navigate').count()).resolves.toBe(0)
  await shot(worker, STORY, '4-worker-sees-who-where')

  // 4. Next time the form is filled in already, and the switch says it is remembered.
  await goAs(page, stage, NEWCOMER, '/pages/report/index')
  await page.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })
  await page.getByRole('switch', { name: '记住我的称呼和电话：是' }).waitFor({ timeout: 15_000 })
  const phone = page
    .locator('[data-testid="contact-phone"] input, input[data-testid="contact-phone"]')
    .first()
  await expect(phone.inputValue()).resolves.toBe('13912345678')
  await shot(page, STORY, '5-prefilled')

  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(worker)).toEqual([])
})

test('a report without a way to reach the reporter says so before sending; anonymous stays possible', async () => {
  await act(stage, 'story15-quiet', 'residents', { action: 'setHomeGrid', gridId: 'g02' })
  const page = await openAs(stage, 'story15-quiet', '/pages/report/index')
  await page.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })
  await page.getByRole('radio', { name: /^环境卫生/ }).click()
  await fill(page, 'description', '垃圾站三天没人清运了，味道很大')
  await fill(page, 'place-words', '村口大樟树下')
  await page.getByTestId('submit-report').click()
  await page
    .getByTestId('form-hint')
    .getByText(/您没有留电话，网格员办好后没法联系您/)
    .waitFor()
  await expect(page.getByTestId('report-done').count()).resolves.toBe(0)
  await shot(page, STORY, '6-no-contact-warning')
  // Anonymous, explicitly: no contact asked, and it goes in.
  await page.getByRole('switch', { name: /^匿名上报/ }).click()
  await page.getByTestId('submit-report').click()
  await page.getByTestId('report-done').waitFor({ timeout: 20_000 })
  expect(pageErrors(page)).toEqual([])
})
