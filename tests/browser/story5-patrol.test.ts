/**
 * Story 5 — 巡查: a grid worker logs a patrol that found a problem; the same tap raises a ticket
 * (source patrol) that lands in the worker's own inbox, awaiting sign-for.
 *
 * Demo identities (docs/demo-town.md): demo-worker-7 owns grid g07 (枫林村 一组).
 */
import { fill, goAs, idInUrl, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const WORKER = 'demo-worker-7'
const STORY = 'story5'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a patrol that found a problem raises a ticket that lands in the inbox', async () => {
  const worker = await openAs(stage, WORKER)
  await worker.getByTestId('whoami').getByText(`当前身份：${WORKER}`).waitFor({ timeout: 20_000 })
  await worker.getByTestId('go-patrol').click()
  await worker.locator('.title', { hasText: '巡查记录' }).waitFor()

  await worker.getByRole('tab', { name: '巡查' }).click()
  // A hint about what is missing goes away as soon as the worker writes.
  await worker.getByRole('button', { name: /提交记录/ }).click()
  await worker.getByRole('alert').getByText('请写几句巡查情况').waitFor()
  await fill(worker, 'patrol-note', '沿河堤巡查一圈，大部分护栏完好')
  await expect(worker.getByText('请写几句巡查情况').count()).resolves.toBe(0)
  // Left half-written (the app closed), it is still there when the form opens again.
  await goAs(worker, stage, WORKER, '/pages/index/index')
  await worker.getByTestId('go-patrol').click()
  await worker.locator('.title:visible', { hasText: '巡查记录' }).waitFor()
  await expect(
    worker.locator('[data-testid="patrol-note"] textarea:visible').first().inputValue(),
  ).resolves.toBe('沿河堤巡查一圈，大部分护栏完好')
  await worker.getByRole('switch', { name: /^发现问题，需要办理/ }).click()
  await worker.getByRole('switch', { name: '发现问题，需要办理：是' }).waitFor()
  await worker.getByRole('radio', { name: /^安全隐患/ }).click()
  await fill(worker, 'patrol-issue', '河堤下游一段护栏缺失，靠近小学上学路')
  await fill(worker, 'place-words', '河堤下游小学路口')
  await shot(worker, STORY, '1-patrol-form')
  await worker.getByRole('button', { name: /提交记录/ }).click()

  await worker.getByText('✓ 已记录').waitFor({ timeout: 20_000 })
  const line = await worker.getByText(/^已生成工单：/).innerText()
  const number = line.replace('已生成工单：', '').trim()
  expect(number).toMatch(/^\d{8}-\d{4}$/)
  await shot(worker, STORY, '2-patrol-recorded')

  // 查看工单 → the ticket, from the patrol, in the worker's own grid.
  await worker.getByRole('button', { name: /查看工单/ }).click()
  await worker.getByTestId('ticket-number').getByText(number).waitFor()
  const ticketId = idInUrl(worker)
  await worker.getByText('河堤下游一段护栏缺失，靠近小学上学路').first().waitFor()

  await worker.getByTestId('ticket-place').getByText('位置：河堤下游小学路口').waitFor()

  // The inbox has it, already in hand (the worker found it: signed for, no sign-for clock against
  // them), urgent (安全隐患), with its resolve countdown.
  const inbox = await openAs(stage, WORKER, '/packages/staff/pages/inbox/index')
  const row = inbox.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  const text = await row.innerText()
  expect(text).toContain(number)
  expect(text).toContain('办理中')
  expect(text).toContain('【紧急】安全隐患')
  expect(text).toMatch(/办结：(⚠ )?(剩余|已超时) /)
  await shot(inbox, STORY, '3-inbox')

  const detail = await stage.cloud.call('tickets', { action: 'detail', ticketId }, WORKER)
  expect(detail.body.data.ticket).toMatchObject({
    source: 'patrol',
    gridId: 'g07',
    status: 'inProgress',
    location: { address: '河堤下游小学路口' },
  })

  expect(pageErrors(worker)).toEqual([])
  expect(pageErrors(inbox)).toEqual([])
})
