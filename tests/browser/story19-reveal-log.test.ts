/**
 * Story 19 — 查看号码 and 号码查看记录 (个人信息保护): the grid worker sees the reporter's phone masked
 * on the task, taps 查看号码 to get the number and the call button; the grid office opens 号码查看记录
 * from its home page and finds who looked at whose number, on which ticket. demo-resident-1 reports
 * in 石桥村一组 (g01), held by demo-worker-1.
 */
import { PHONE } from '../helpers/browser'
import { openAs, openStage, pageErrors, shot, submitTicket, type Stage } from './stories'

jest.setTimeout(240_000)

const STORY = 'story19'
let stage: Stage
beforeAll(async () => {
  stage = await openStage({}, PHONE)
})
afterAll(async () => {
  await stage?.close()
})

test('a worker asks for a number; the office reads who asked', async () => {
  const { ticketId, number } = await submitTicket(
    stage,
    'demo-resident-1',
    '石桥村一组路口的垃圾桶满了没人清',
    'environment',
  )

  // 1. The task: the phone masked, 查看号码, then the number and 拨打电话.
  const worker = await openAs(stage, 'demo-worker-1', `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  await expect(worker.getByTestId('reporter-contact').innerText()).resolves.toContain('139****5000')
  await shot(worker, STORY, '1-masked')
  await worker.getByTestId('reveal-reporter').click()
  await worker.getByTestId('call-reporter').waitFor()
  await expect(worker.getByTestId('reporter-contact').innerText()).resolves.toContain('13970005000')
  await shot(worker, STORY, '2-revealed')

  // 2. The office: 号码查看记录 from the home page; the newest entry is the worker's look.
  const office = await openAs(stage, 'demo-admin')
  await office.getByTestId('go-reveal-log').click()
  const entry = office.getByTestId('reveal-entry').first()
  await entry.waitFor({ timeout: 20_000 })
  await expect(entry.innerText()).resolves.toContain('查看了上报人的号码')
  await expect(entry.innerText()).resolves.toContain(number)
  await shot(office, STORY, '3-office-log')
  expect([...pageErrors(worker), ...pageErrors(office)]).toEqual([])
})
