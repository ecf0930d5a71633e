/**
 * Story 20 — 本镇设置: the grid office changes the 签收时限 of 安全隐患 from 30 to 20 minutes on its
 * settings page; the page and the configuration say so, and the change is on the 操作记录.
 */
import { act, fill, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(180_000)

const STORY = 'story20'
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
  await calendar.getByRole('radio', { name: '年份：2027 年' }).click()
  await fill(calendar, 'day-date', '2027-01-01')
  await fill(calendar, 'day-note', '元旦')
  await calendar.getByTestId('add-day').click()
  await calendar
    .getByTestId('day-2027-01-01')
    .getByText('2027-01-01 放假（元旦）')
    .waitFor({ timeout: 20_000 })
  await calendar.getByTestId('save-calendar').click()
  await calendar
    .getByTestId('settings-done')
    .getByText('✓ 2027 年的节假日与调休已保存，以后上报的事项按新设置办理')
    .waitFor({ timeout: 20_000 })
  await shot(calendar, STORY, '4-calendar')
  const saved = await act(stage, ADMIN, 'roster', { action: 'townConfig' })
  expect(saved.calendar.overrides).toEqual([{ date: '2027-01-01', kind: 'holiday', note: '元旦' }])
  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(calendar)).toEqual([])
})
