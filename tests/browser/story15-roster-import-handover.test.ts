/**
 * Story 15 — the grid office keeps its roster true. It downloads the import template, imports a
 * roster file with mistakes (nothing is imported; each mistake is listed by row and column), fixes
 * it and imports again (the invite codes are on screen); then it deactivates a grid worker with
 * open tasks, handing them to a village guide chosen on the same screen, and home shows the grid
 * as 无人负责.
 *
 * Demo town (docs/demo-town.md): demo-admin is 镇网格办; demo-worker-12 works 枫林村六组 (g12).
 */
import ExcelJS from 'exceljs'
import { act, fill, openAs, openStage, pageErrors, shot, submitTicket, type Stage } from './stories'

jest.setTimeout(240_000)

const STORY = 'story15'
const ADMIN = 'demo-admin'
const HEADERS = ['姓名', '手机号', '角色', '村（社区）', '网格（组）', '该网格已有工作员时']
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow(HEADERS)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

test('the office imports a roster file: mistakes listed first, then everyone at once', async () => {
  const page = await openAs(stage, ADMIN)
  await page.getByTestId('go-roster').click()
  await page.getByTestId('go-import').click()
  await page.locator('.title:visible', { hasText: '导入花名册' }).waitFor()

  const download = page.waitForEvent('download')
  await page.getByTestId('download-template').click()
  expect((await download).suggestedFilename()).toBe('花名册导入模板.xlsx')

  const pick = async (content: Buffer) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('choose-sheet').click()
    await (await chooser).setFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: content })
  }
  await pick(
    await sheet([
      ['刘春生', '13655550001', '网格信息员', '石桥村', '二组', ''],
      ['陈秋菊', '1365555', '网格信息员', '石桥村', '二组', ''],
      ['杨冬梅', '13655550003', '组长', '枫林村', '', ''],
    ]),
  )
  const problems = page.getByTestId('import-problems')
  await problems.waitFor({ timeout: 30_000 })
  await problems.getByText('表格有 2 处问题，没有导入任何人。请改正后重新导入：').waitFor()
  await problems.getByText('第 3 行「手机号」：“1365555”不是 11 位手机号').waitFor()
  await problems.getByText(/^第 4 行「角色」：“组长”不是角色/).waitFor()
  await shot(page, STORY, '1-import-problems')
  const none = await stage.cloud.call('roster', { action: 'listStaff', query: '13655550001' }, ADMIN)
  expect(none.body.data.items).toEqual([])

  await pick(
    await sheet([
      ['刘春生', '13655550001', '网格信息员', '石桥村', '二组', ''],
      ['陈秋菊', '13655550002', '网格信息员', '石桥村', '二组', ''],
      ['杨冬梅', '13655550003', '村级指导员', '枫林村', '', ''],
    ]),
  )
  const report = page.getByTestId('import-report')
  await report.getByText('✓ 导入完成：新增 3 人').waitFor({ timeout: 30_000 })
  await expect(report.getByTestId('imported-code').count()).resolves.toBe(3)
  await report.getByText('村级指导员 · 枫林村 · 13655550003').waitFor()
  await shot(page, STORY, '2-imported')
  const invites = page.waitForEvent('download')
  await report.getByTestId('download-invites').click()
  expect((await invites).suggestedFilename()).toBe('邀请码.xlsx')
  expect(pageErrors(page)).toEqual([])
})

test('the office deactivates a worker and hands the open tasks to a village guide', async () => {
  const ticket = await submitTicket(stage, 'demo-resident-12', '枫林村六组的水渠堵了，需要清理')
  const page = await openAs(stage, ADMIN)
  await page.getByTestId('go-roster').click()
  await page.locator('.title:visible', { hasText: '花名册' }).waitFor()
  await fill(page, 'staff-search', '枫林村六组')
  await page.getByRole('button', { name: '查找' }).click()
  await page.getByRole('radio', { name: '角色：网格工作员' }).click()
  const card = page.locator('[data-testid="person-st-worker-12"]:visible')
  await card.waitFor({ timeout: 20_000 })
  // The list reloads with the role filter: only the grid's worker is left.
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('[data-testid^="person-"]')).filter(
        (e) => (e as HTMLElement).offsetParent !== null,
      ).length === 1,
    undefined,
    { timeout: 20_000 },
  )
  await shot(page, STORY, '3-found-by-grid')
  await card.getByTestId('edit-st-worker-12').click()

  await page.getByRole('radio', { name: '要做什么：停用' }).click()
  const panel = page.getByTestId('handover-panel')
  await panel.waitFor({ timeout: 20_000 })
  await panel.getByText(new RegExp(`${ticket.number} · 枫林村六组 → 默认交给 .+`)).waitFor()
  const guides = panel.locator('[data-testid^="successor-st-village-guide-"]')
  expect(await guides.count()).toBeGreaterThan(1)
  const chosen = guides.nth(1)
  const chosenId = ((await chosen.getAttribute('data-testid')) ?? '').replace('successor-', '')
  await chosen.click()
  await fill(page, 'edit-reason', '调到镇里工作')
  await shot(page, STORY, '4-handover')
  await page.getByTestId('confirm-deactivate').click()
  const done = page.getByTestId('staff-done')
  await done.waitFor({ timeout: 30_000 })
  await done.getByText(/^✓ 已停用 .+；\d+ 件任务已移交：.+ \d+ 件$/).waitFor()
  await shot(page, STORY, '5-done')

  const detail = await act(stage, ADMIN, 'tickets', { action: 'detail', ticketId: ticket.ticketId })
  expect(detail.ticket.timeline.at(-1)).toMatchObject({
    command: 'handover',
    note: expect.stringMatching(/^移交给.+：调到镇里工作$/),
  })
  const task = await act(stage, ADMIN, 'roster', {
    action: 'listStaff',
    query: '枫林村六组',
    role: 'gridWorker',
  })
  expect(task.items[0]).toMatchObject({ _id: 'st-worker-12', active: false })
  const guideTasks = await stage.cloud.call(
    'tasks',
    { action: 'inbox', pageSize: 50 },
    chosenId.replace('st-', 'demo-'),
  )
  expect(guideTasks.body.data.items.map((t: { number: string }) => t.number)).toContain(ticket.number)

  const home = await openAs(stage, ADMIN)
  const notice = home.getByTestId('unstaffed-grids')
  await notice.waitFor({ timeout: 20_000 })
  await notice.getByText('枫林村六组：没有网格工作员，上报暂交村级指导员').waitFor()
  await shot(home, STORY, '6-unstaffed-on-home')
  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(home)).toEqual([])
})
