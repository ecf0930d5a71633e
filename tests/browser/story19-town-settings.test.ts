/**
 * Story 19 — 本镇设置: the grid office changes the 签收时限 of 安全隐患 from 30 to 20 minutes on its
 * settings page; the page and the configuration say so, and the change is on the 操作记录.
 */
import { act, fill, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(180_000)

const STORY = 'story19'
const ADMIN = 'demo-admin'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('the office changes a category’s time limit on 本镇设置', async () => {
  const page = await openAs(stage, ADMIN)
  await page.getByTestId('go-town-settings').click()
  await page
    .getByTestId('category-safety-limits')
    .getByText('签收 30分钟 · 办结 24小时')
    .waitFor({ timeout: 20_000 })
  await shot(page, STORY, '1-categories')
  await page.getByRole('button', { name: '修改安全隐患' }).click()
  await fill(page, 'category-signfor', '20')
  await shot(page, STORY, '2-edit')
  await page.getByTestId('save-category').click()
  await page
    .getByTestId('settings-done')
    .getByText('✓ 事项分类与时限已保存，以后上报的事项按新设置办理')
    .waitFor({ timeout: 20_000 })
  await page.getByTestId('category-safety-limits').getByText('签收 20分钟 · 办结 24小时').waitFor()
  await shot(page, STORY, '3-saved')

  const config = await act(stage, ADMIN, 'roster', { action: 'townConfig' })
  expect(config.categories[0]).toMatchObject({ code: 'safety', signFor: { amount: 20, unit: 'minutes' } })
  const log = await act(stage, ADMIN, 'roster', { action: 'auditLog', pageSize: 1 })
  expect(log.items[0].summary).toBe(
    '事项分类与时限：安全隐患：签收 30分钟、办结 24小时 → 签收 20分钟、办结 24小时',
  )

  // the holidays section opens from its address (as the office home's calendar warning links)
  const calendar = await openAs(stage, ADMIN, '/packages/staff/pages/townSettings/index?section=calendar')
  await calendar.getByTestId('save-calendar').waitFor({ timeout: 20_000 })
  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(calendar)).toEqual([])
})
