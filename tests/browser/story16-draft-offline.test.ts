/**
 * Story 16 — a report survives a bad signal: the resident fills in the form, the network is gone
 * when they tap 提交, and the report stays on the phone ("已保存在手机上"). After a reload (the app
 * closed and opened again) the home page says "有 1 条未发送的上报"; back online, one tap sends it —
 * once: the draft carries its request id, so however often it is sent there is one ticket.
 *
 * demo-resident-3 lives in grid g03 (石桥村三组).
 */
import { act, addPhoto, fill, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-3'
const STORY = 'story16'
const WORDS = '三组水塘边的电线杆歪了，刮风时晃得厉害'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

const ticketsWith = async (words: string): Promise<number> => {
  const mine = await act(stage, RESIDENT, 'tickets', { action: 'listMine', pageSize: 50 })
  return mine.items.filter((t: { excerpt: string }) => t.excerpt === words).length
}

test('a report kept on the phone across a reload is sent once when back online', async () => {
  const page = await openAs(stage, RESIDENT, '/pages/report/index')
  await page.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })
  await page.getByRole('radio', { name: /^安全隐患/ }).click()
  await fill(page, 'description', WORDS)
  await addPhoto(page)
  await fill(page, 'place-words', '三组水塘边')
  await fill(page, 'contact-phone', '13900003333')

  // The signal drops: the send fails, and the report is kept.
  await page.context().setOffline(true)
  await page.getByTestId('submit-report').click()
  await page.getByTestId('draft-kept').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '1-send-failed-kept')
  expect(await ticketsWith(WORDS)).toBe(0)

  // The app is closed and opened again (a reload), back online: home offers to send it.
  await page.context().setOffline(false)
  await page.goto(`${stage.cloud.url}/?openid=${RESIDENT}#/pages/index/index`)
  await page.reload()
  const notice = page.getByTestId('draft-notice')
  await notice.getByText('有 1 条未发送的上报').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '2-home-unsent')

  // The report page carries the draft on, words and place kept.
  await page.getByTestId('edit-draft').click()
  await page.getByText('接着上次没发出的上报填写').waitFor({ timeout: 20_000 })
  const words = page.locator('[data-testid="description"] textarea').first()
  await expect(words.inputValue()).resolves.toBe(WORDS)
  await page.getByText('已上传').first().waitFor() // the photo, uploaded before the signal dropped
  await page.goBack()

  // One tap sends it. (The kept draft, as the phone holds it, is copied first: see below.)
  const KEY = `yiwang-draft:${RESIDENT}:report`
  const kept = await page.evaluate((k) => localStorage.getItem(k), KEY)
  expect(kept).toContain(WORDS)
  await notice.getByTestId('send-draft').click()
  await page
    .getByTestId('draft-sent')
    .getByText(/已发送，工单编号 \d{8}-\d{4}/)
    .waitFor({ timeout: 20_000 })
  await shot(page, STORY, '3-sent')
  expect(await ticketsWith(WORDS)).toBe(1)

  // Nothing is left to send…
  await page.reload()
  await page.getByTestId('go-report').waitFor({ timeout: 20_000 })
  await expect(page.getByTestId('draft-notice').count()).resolves.toBe(0)

  // …and even the same draft sent a second time (say the answer to the first was lost) makes no
  // second ticket: it carries the first one's request id.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, kept ?? ''] as const)
  await page.reload()
  await page.getByTestId('draft-notice').getByTestId('send-draft').click()
  await page.getByTestId('draft-sent').waitFor({ timeout: 20_000 })
  expect(await ticketsWith(WORDS)).toBe(1)

  expect(pageErrors(page)).toEqual([])
})
