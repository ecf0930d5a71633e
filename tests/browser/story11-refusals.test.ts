/**
 * Story 11 — refusals are shown where the user looks: risky text (the local msgSecCheck word list
 * has 赌博) gives the content-security message inline and creates no ticket; an empty description
 * gives the field's message before anything is sent.
 *
 * Demo identities (docs/demo-town.md): demo-resident-2 lives in g02.
 */
import { fill, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-2'
const STORY = 'story11'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

async function myTicketCount(): Promise<number> {
  const r = await stage.cloud.call('tickets', { action: 'listMine', pageSize: 50 }, RESIDENT)
  if (!r.body?.ok) throw new Error(JSON.stringify(r.body))
  return r.body.data.items.length
}

test('risky text is refused inline and no ticket is created; an empty description is caught', async () => {
  const before = await myTicketCount()
  const page = await openAs(stage, RESIDENT, '/pages/report/index')
  await page.locator('.title', { hasText: '我要上报' }).waitFor({ timeout: 20_000 })

  // 1. Nothing chosen, nothing written: the first missing thing is named.
  await page.getByTestId('submit-report').click()
  await page.getByRole('alert').getByText('请先点选问题类别').waitFor()

  // 2. A category but an empty description: the description's message.
  await page.getByRole('radio', { name: /^社情民意/ }).click()
  await page.getByTestId('submit-report').click()
  await page.getByRole('alert').getByText('请用至少 5 个字说说问题').waitFor()
  await shot(page, STORY, '1-empty-description')
  expect(await myTicketCount()).toBe(before)

  // 3. Risky text: the server's content-security refusal, inline, the words kept for editing.
  await fill(page, 'description', '村后山上每天晚上有人聚众赌博')
  await page.getByTestId('submit-report').click()
  const notice = page.getByTestId('error-notice')
  await notice.waitFor({ timeout: 20_000 })
  await expect(notice.innerText()).resolves.toContain('内容可能含有违规信息，请修改后再提交')
  await expect(page.getByTestId('report-done').count()).resolves.toBe(0)
  await expect(
    page
      .locator('[data-testid="description"] textarea, textarea[data-testid="description"]')
      .first()
      .inputValue(),
  ).resolves.toBe('村后山上每天晚上有人聚众赌博')
  await shot(page, STORY, '2-content-risky')
  expect(await myTicketCount()).toBe(before)

  // 4. Reworded, the same form goes through.
  await fill(page, 'description', '村后山上每天晚上有人聚集喧哗，影响休息')
  await page.getByTestId('submit-report').click()
  await page.getByTestId('report-done').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '3-reworded-accepted')
  expect(await myTicketCount()).toBe(before + 1)

  expect(pageErrors(page)).toEqual([])
})
