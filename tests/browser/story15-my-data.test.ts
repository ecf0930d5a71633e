/**
 * Story 15 — 我的信息: a resident reads the 个人信息保护指引 on first use, opens 我的信息, corrects
 * their phone number, exports a copy of their data, and deletes the account (asked twice): the page
 * then says the reports are kept as work records and nothing is held any more.
 */
import { openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const RESIDENT = 'demo-resident-9'
const STORY = 'story15'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a resident sees, corrects, exports and deletes what is held about them', async () => {
  const page = await openAs(stage, RESIDENT)
  await page.getByTestId('privacy-notice').waitFor({ timeout: 20_000 })
  await page.getByText('个人信息保护指引').first().waitFor()
  await shot(page, STORY, '1-first-use-notice')
  await page.getByTestId('privacy-agree').click()
  await expect(page.getByTestId('privacy-notice').count()).resolves.toBe(0)

  await page.getByTestId('go-me').click()
  await page.getByTestId('me-held').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '2-my-data')

  await page.getByTestId('me-edit').click()
  const phone = page.locator('[data-testid="me-phone"] input, input[data-testid="me-phone"]').first()
  await phone.fill('13911112222')
  await page.getByTestId('me-save').click()
  await page.getByTestId('me-done').getByText('已更正').waitFor({ timeout: 20_000 })
  await page.getByTestId('me-held').getByText('13911112222').waitFor({ timeout: 20_000 })

  await page.getByTestId('me-export').click()
  await page.getByTestId('me-exported').waitFor({ timeout: 20_000 })
  const url = (await page.getByTestId('me-exported').innerText()).match(/http\S+\.json/)?.[0]
  expect(url).toBeTruthy()
  const file = await (await fetch(url as string)).json()
  expect(file.resident.phone).toBe('13911112222')
  await shot(page, STORY, '3-exported')

  await page.getByTestId('me-delete').click()
  await page.getByRole('alertdialog', { name: '确认注销' }).waitFor()
  await shot(page, STORY, '4-confirm-delete')
  await page.getByTestId('me-delete-confirm').click()
  await page
    .getByTestId('me-done')
    .getByText(/账号已注销/)
    .waitFor({ timeout: 20_000 })
  await page.getByText('我们没有保存您的个人信息。').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '5-deleted')
  expect(pageErrors(page)).toEqual([])
})
