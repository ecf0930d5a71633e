/**
 * Story 21 — a 屋场会 form kept on the phone: a village guide fills it in, leaves the page, comes
 * back, finds it as left (with a line saying so), saves it — one meeting is recorded and the draft
 * is gone.
 *
 * Demo identities (docs/demo-town.md): demo-village-guide-1 guides 石桥村 (v01, grids g01–g06).
 */
import { fill, goAs, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const GUIDE = 'demo-village-guide-1'
const STORY = 'story21'
const KEY = `yiwang-draft:${GUIDE}:record:meeting`
const MEETING = '/packages/staff/pages/meeting/index'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a half-filled 屋场会 survives leaving the page and is recorded once', async () => {
  const before = await stage.cloud.call('records', { action: 'list', kind: 'meetings', gridId: 'g05' }, GUIDE)
  const already = before.body.data.items.length

  const page = await openAs(stage, GUIDE, MEETING)
  await page.locator('.title', { hasText: '屋场会' }).waitFor({ timeout: 20_000 })
  await expect(page.getByTestId('draft-restored').count()).resolves.toBe(0)
  await page.getByTestId('grid-g05').click()
  await fill(page, 'meeting-attendance', '31')
  await fill(page, 'meeting-topics', '村道亮化\n垃圾分类')

  // Left for the home page (or the app closed) before saving.
  await goAs(page, stage, GUIDE, '/pages/index/index')
  await page.getByTestId('whoami').getByText(`当前身份：${GUIDE}`).waitFor({ timeout: 20_000 })
  await goAs(page, stage, GUIDE, MEETING)
  await page.reload()
  await page.locator('.title:visible', { hasText: '屋场会' }).waitFor({ timeout: 20_000 })
  await page.getByTestId('draft-restored').getByText('已恢复上次未提交的内容').waitFor()
  await expect(
    page
      .locator('[data-testid="meeting-attendance"] input, input[data-testid="meeting-attendance"]')
      .first()
      .inputValue(),
  ).resolves.toBe('31')
  await expect(
    page.locator('[data-testid="meeting-topics"] textarea:visible').first().inputValue(),
  ).resolves.toBe('村道亮化\n垃圾分类')
  await page.locator('[data-testid="grid-g05"][aria-checked="true"]').waitFor()
  await shot(page, STORY, '1-meeting-restored')

  await page.getByTestId('meeting-save').click()
  await page.getByText('✓ 屋场会已记录').waitFor({ timeout: 20_000 })
  await expect(page.evaluate((k) => localStorage.getItem(k), KEY)).resolves.toBeNull()

  const after = await stage.cloud.call('records', { action: 'list', kind: 'meetings', gridId: 'g05' }, GUIDE)
  expect(after.body.data.items).toHaveLength(already + 1)
  const mine = after.body.data.items.filter((r: { title: string }) => r.title === '村道亮化、垃圾分类')
  expect(mine).toHaveLength(1)
  expect(mine[0].detail).toContain('参会 31 人')

  // Opened again, the form is empty: nothing to restore.
  await goAs(page, stage, GUIDE, MEETING)
  await page.reload()
  await page.locator('.title:visible', { hasText: '屋场会' }).waitFor({ timeout: 20_000 })
  await page
    .locator('[data-testid="meeting-attendance"] input, input[data-testid="meeting-attendance"]')
    .first()
    .waitFor()
  await expect(page.getByTestId('draft-restored').count()).resolves.toBe(0)
  expect(pageErrors(page)).toEqual([])
})

test('a half-filled 宣讲 and a 微服务 begun are there again when their forms reopen', async () => {
  const page = await openAs(stage, GUIDE, '/packages/staff/pages/session/index')
  await page.locator('.title', { hasText: '理论宣讲 / 屋场党课' }).waitFor({ timeout: 20_000 })
  await page.getByTestId('grid-g04').click()
  await fill(page, 'session-place', '石桥村文化礼堂')
  await fill(page, 'session-speaker', '李老师')
  await goAs(page, stage, GUIDE, '/packages/staff/pages/records/index')
  await page.reload()
  await page.getByTestId('ms-assist').click()
  await fill(page, 'ms-for', '王奶奶')

  await goAs(page, stage, GUIDE, '/packages/staff/pages/session/index')
  await page.reload()
  await page.getByTestId('draft-restored').getByText('已恢复上次未提交的内容').waitFor({ timeout: 20_000 })
  await expect(
    page
      .locator('[data-testid="session-place"] input, input[data-testid="session-place"]')
      .first()
      .inputValue(),
  ).resolves.toBe('石桥村文化礼堂')
  await page.locator('[data-testid="grid-g04"][aria-checked="true"]').waitFor()

  await goAs(page, stage, GUIDE, '/packages/staff/pages/records/index')
  await page.reload()
  await page.getByTestId('draft-restored').getByText('已恢复上次未提交的内容').waitFor({ timeout: 20_000 })
  await page.locator('[data-testid="ms-assist"][aria-checked="true"]').waitFor()
  await expect(
    page.locator('[data-testid="ms-for"] input, input[data-testid="ms-for"]').first().inputValue(),
  ).resolves.toBe('王奶奶')
  await page.getByTestId('grid-g04').click()
  await page.getByTestId('ms-log').click()
  await page.getByText('✓ 已登记一件帮办微服务').waitFor({ timeout: 20_000 })
  await expect(
    page.evaluate((k) => localStorage.getItem(k), `yiwang-draft:${GUIDE}:record:microService`),
  ).resolves.toBeNull()
  expect(pageErrors(page)).toEqual([])
})
