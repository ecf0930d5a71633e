/**
 * Story 14 — a voice note stands in for typing (docs/architecture.md, "Elder-friendly screens"): a resident taps 录音, speaks for two
 * seconds (Chromium's fake microphone), taps 停止, and submits with no words; the grid worker's task
 * page offers 播放语音 with its length, and the stored recording is served as audio. A refused
 * microphone says so in Chinese, and the words still work.
 *
 * Demo identities (docs/demo-town.md): demo-resident-1 lives in grid g01, whose worker is demo-worker-1.
 */
import { act, fill, goAs, idInUrl, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-1'
const WORKER = 'demo-worker-1'
const STORY = 'story14'

let stage: Stage
beforeAll(async () => {
  stage = await openStage({ fakeMedia: true })
})
afterAll(async () => {
  await stage?.close()
})

test('a resident reports by voice alone; the worker sees the recording with its length', async () => {
  const resident = await openAs(stage, RESIDENT, '/pages/report/index')
  await resident.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })
  await resident.getByRole('radio', { name: /^环境卫生/ }).click()

  // 录音 → the seconds count up → 停止 → uploaded, with 播放 / 重录 / 删除.
  await resident.getByTestId('voice-record').click()
  await resident
    .getByTestId('voice-state')
    .getByText(/正在录音 2 秒/)
    .waitFor({ timeout: 15_000 })
  await shot(resident, STORY, '1-recording')
  await resident.getByTestId('voice-stop').click()
  const state = resident.getByTestId('voice-state')
  await state.getByText(/已上传/).waitFor({ timeout: 15_000 })
  expect(await state.innerText()).toMatch(/语音 [23] 秒/)
  for (const id of ['voice-play', 'voice-redo', 'voice-delete'])
    expect(await resident.getByTestId(id).getAttribute('aria-label')).toBeTruthy()
  await shot(resident, STORY, '2-recorded')

  // No words at all: the report goes in.
  await resident.getByTestId('submit-report').click()
  await resident.getByTestId('report-done').waitFor({ timeout: 20_000 })
  const number = (await resident.getByTestId('done-number').innerText()).trim()
  expect(number).toMatch(/^\d{8}-\d{4}$/)
  await resident.getByText('查看办理进度', { exact: true }).click()
  await resident.getByTestId('ticket-number').getByText(number).waitFor()
  const ticketId = idInUrl(resident)

  // The worker's task page: 播放语音 (N秒), a tap target of at least 44 px.
  const worker = await openAs(stage, WORKER, `/packages/staff/pages/ticket/index?id=${ticketId}`)
  await worker.getByTestId('ticket-number').getByText(number).waitFor({ timeout: 20_000 })
  const play = worker.getByTestId('voice-play')
  await expect(play.innerText()).resolves.toMatch(/播放语音 \([23]秒\)/)
  await expect(play.getAttribute('aria-label')).resolves.toMatch(/^播放语音，[23]秒$/)
  const box = await play.boundingBox()
  expect(box && box.height >= 44 && box.width >= 44).toBe(true)
  await worker.getByText('（语音留言）').first().waitFor()
  await shot(worker, STORY, '3-worker-task')

  // The stored recording is served as audio.
  const { ticket } = await act(stage, WORKER, 'tickets', { action: 'detail', ticketId })
  expect(ticket.voice.durationSec).toBeGreaterThanOrEqual(2)
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(ticket.voice.fileID)?.[1]
  expect(path).toMatch(new RegExp(`^uploads/${RESIDENT}/\\w+\\.(webm|ogg|m4a)$`))
  const res = await fetch(`${stage.cloud.url}/storage/${path}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^audio\//)
  expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100)

  expect(pageErrors(resident)).toEqual([])
  expect(pageErrors(worker)).toEqual([])
})

test('a refused microphone is explained in Chinese and the words still work', async () => {
  const page = await stage.browser.newPage()
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
  })
  await goAs(page, stage, 'demo-resident-2', '/pages/report/index')
  await page.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })
  await page.getByRole('radio', { name: /^社情民意/ }).click()
  await page.getByTestId('voice-record').click()
  await page
    .getByTestId('voice-problem')
    .getByText(/没有得到麦克风权限/)
    .waitFor({ timeout: 10_000 })
  await shot(page, STORY, '4-microphone-refused')
  await fill(page, 'description', '村里的广播喇叭坏了，听不到通知')
  await page.getByTestId('submit-report').click()
  await page.getByTestId('report-done').waitFor({ timeout: 20_000 })
})
