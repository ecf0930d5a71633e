/**
 * Story 10 — 工作人员绑定: a new staff member (a WeChat user nobody knows yet) enters the invite code
 * the grid office gave them; after that, home — back via 返回首页 or opened again — shows their staff
 * entries (代报, as an informant).
 *
 * Demo town (docs/demo-town.md): DEMOBIND1 is an unbound roster entry, an informant of g01.
 */
import { openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const NEWCOMER = 'new-staff-wx-001'
const STORY = 'story10'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a newcomer binds with an invite code and then sees the staff entries on home', async () => {
  const page = await openAs(stage, NEWCOMER)
  await page.getByTestId('whoami').getByText(`当前身份：${NEWCOMER}`).waitFor({ timeout: 20_000 })
  await expect(page.getByTestId('go-proxy').count()).resolves.toBe(0) // not staff yet
  await page.getByTestId('go-bind').getByText('我是工作人员').click() // a small link, not a row for everyone
  await page.locator('.title', { hasText: '工作人员绑定' }).waitFor()

  // A malformed code is refused on the spot; an unknown one by the server.
  const code = page.locator('[data-testid="invite-code"] input, input[data-testid="invite-code"]').first()
  await code.fill('12')
  await page.getByRole('button', { name: '绑定' }).click()
  await page.getByText('邀请码是 6 到 12 位字母或数字，请核对').waitFor()
  await code.fill('NOSUCH99')
  await page.getByRole('button', { name: '绑定' }).click()
  await page.getByTestId('error-notice').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '1-unknown-code')

  await code.fill('demobind1') // typed in lower case: the page upper-cases it
  await shot(page, STORY, '2-bind-form')
  await page.getByRole('button', { name: '绑定' }).click()
  await page.getByText('✓ 绑定成功：网格信息员').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '3-bound')

  // 返回首页: home, shown again, asks who-am-I anew — the staff entries are there without
  // reopening the app, and binding is no longer offered.
  await page.getByRole('button', { name: '返回首页' }).click()
  await page.locator('[data-testid="go-proxy"]:visible').waitFor({ timeout: 20_000 })
  await page.getByText('工作人员（网格信息员）').waitFor()
  await page.getByTestId('whoami').getByText(`当前身份：${NEWCOMER}（网格信息员）`).waitFor()
  await expect(page.locator('[aria-label="工作人员用邀请码绑定"]:visible').count()).resolves.toBe(0)
  await shot(page, STORY, '4-home-after-bind')

  // Home, opened again, says the same.
  const home = await openAs(stage, NEWCOMER)
  await home.getByTestId('go-proxy').waitFor({ timeout: 20_000 })
  await home.getByText('工作人员（网格信息员）').waitFor()
  await expect(home.getByRole('button', { name: '工作人员用邀请码绑定' }).count()).resolves.toBe(0)
  await shot(home, STORY, '5-home-staff')

  // The entry works: 代报 opens the proxy form for g01.
  await home.getByTestId('go-proxy').click()
  await home.locator('.title', { hasText: '代群众上报' }).waitFor()
  const me = await stage.cloud.call('roster', { action: 'me' }, NEWCOMER)
  expect(me.body.data.roles).toContain('informant')

  expect(pageErrors(page)).toEqual([])
  expect(pageErrors(home)).toEqual([])
})
