/**
 * Story 17 — 村和网格: the grid office adds a group grid to 石桥村 and renames it; the change is on
 * the 操作记录 (audit log), and residents can pick the new grid.
 */
import { act, fill, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(180_000)

const STORY = 'story17'
const ADMIN = 'demo-admin'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('the office adds a grid to a village, renames it, and reads it on the audit log', async () => {
  const page = await openAs(stage, ADMIN)
  await page.getByTestId('go-roster').click()
  await page.getByTestId('go-structure').click()
  await page.getByRole('button', { name: '打开石桥村' }).click()
  await page.locator('.title:visible', { hasText: '石桥村' }).waitFor({ timeout: 20_000 })
  await page.getByTestId('add-grid').click()
  await fill(page, 'place-name', '七组')
  await page.getByTestId('save-place').click()
  await page.getByTestId('structure-done').getByText('✓ 已新增“七组”').waitFor({ timeout: 20_000 })
  await page.getByRole('button', { name: '给七组改名' }).click()
  await fill(page, 'place-name', '新七组')
  await page.getByTestId('save-place').click()
  await page.getByTestId('structure-done').getByText('✓ 已改名为“新七组”').waitFor({ timeout: 20_000 })
  await page.getByRole('button', { name: '新七组', exact: true }).waitFor()
  await shot(page, STORY, '1-grids')

  const grids = await act(stage, 'demo-resident-1', 'residents', { action: 'grids', villageId: 'v01' })
  expect(grids.items.map((g: { name: string }) => g.name)).toContain('新七组')
  const log = await act(stage, ADMIN, 'roster', { action: 'auditLog', pageSize: 2 })
  expect(log.items.map((a: { summary: string }) => a.summary)).toEqual([
    '网格改名：石桥村七组 → 石桥村新七组',
    '新增网格：石桥村七组',
  ])
  const audit = await openAs(stage, ADMIN, '/packages/staff/pages/auditLog/index')
  await audit.getByText('网格改名：石桥村七组 → 石桥村新七组').waitFor({ timeout: 20_000 })
  await shot(audit, STORY, '2-audit-log')
  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(audit)).toEqual([])
})
