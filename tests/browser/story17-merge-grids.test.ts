/**
 * Story 17 — 村和网格, 合并: the grid office merges 石桥村八组 into 九组 on the 村和网格 page. The
 * page states what moves (the plan) before 确认合并; afterwards 八组 is gone from the list and
 * from the residents' choice, its worker covers 九组, and the merge is on the 操作记录.
 */
import { act, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(180_000)

const STORY = 'story17-merge'
const ADMIN = 'demo-admin'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('the office merges two grids after reading what moves', async () => {
  const eight = await act(stage, ADMIN, 'roster', { action: 'saveGrid', villageId: 'v01', name: '八组' })
  const nine = await act(stage, ADMIN, 'roster', { action: 'saveGrid', villageId: 'v01', name: '九组' })
  const worker = await act(stage, ADMIN, 'roster', {
    action: 'createStaff',
    name: '褚八',
    phone: '13700008888',
    roles: ['gridWorker'],
    villageIds: ['v01'],
    gridIds: [eight.gridId],
  })

  const page = await openAs(stage, ADMIN)
  await page.getByTestId('go-roster').click()
  await page.getByTestId('go-structure').click()
  await page.getByRole('button', { name: '打开石桥村' }).click()
  await page.getByRole('button', { name: '合并八组' }).click()
  await page.getByTestId(`merge-into-${nine.gridId}`).click()
  const plan = page.getByTestId('merge-plan')
  await plan.getByText('把八组并入九组，将会：').waitFor({ timeout: 20_000 })
  for (const line of [
    '· 0 件未办结工单转到九组',
    '· 1 位网格工作员改为负责九组',
    '· 0 位群众的网格改为九组',
    '· 0 件已办结工单仍记在八组，统计不变',
    '· 八组合并后不再出现在网格列表中，不能撤销',
  ])
    await plan.getByText(line).waitFor()
  await shot(page, STORY, '1-plan')
  await page.getByTestId('confirm-merge').click()
  await page.getByTestId('structure-done').getByText('✓ 已把八组并入九组').waitFor({ timeout: 20_000 })
  await page.getByRole('button', { name: '九组', exact: true }).waitFor()
  expect(await page.getByRole('button', { name: '八组', exact: true }).count()).toBe(0)
  await shot(page, STORY, '2-merged')

  const grids = await act(stage, 'demo-resident-1', 'residents', { action: 'grids', villageId: 'v01' })
  expect(grids.items.map((g: { name: string }) => g.name)).not.toContain('八组')
  const team = await act(stage, ADMIN, 'roster', { action: 'gridTeam', gridId: nine.gridId })
  expect(team.workers.map((w: { _id: string }) => w._id)).toEqual([worker.staffId])
  const log = await act(stage, ADMIN, 'roster', { action: 'auditLog', pageSize: 1 })
  expect(log.items.map((a: { summary: string }) => a.summary)).toEqual([
    '合并网格：石桥村八组 并入 石桥村九组；0 件未办结工单、1 位人员、0 位群众随之转入',
  ])
  expect(pageErrors(page)).toEqual([])
})
