/**
 * Story 12 — 花名册: the grid office (and only it) has 花名册 on home. The admin finds people by the
 * start of their name, adds an informant for 石桥村五组 (village → group), reads the invite code off
 * the screen, replaces it with 重新生成邀请码 (the old one stops working), and after the person binds
 * with the new code the roster says 已绑定.
 *
 * Demo town (docs/demo-town.md): demo-admin is 镇网格办; the roster has ~940 people.
 */
import { act, fill, goAs, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const STORY = 'story12'
const ADMIN = 'demo-admin'
const NAME = '欧阳新芳'
const NEWCOMER = 'story12-newcomer'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('only the grid office sees 花名册 on home', async () => {
  const worker = await openAs(stage, 'demo-worker-1')
  await worker.getByTestId('go-inbox').waitFor({ timeout: 20_000 })
  await expect(worker.getByTestId('go-roster').count()).resolves.toBe(0)
  const admin = await openAs(stage, ADMIN)
  await admin.getByTestId('go-roster').waitFor({ timeout: 20_000 })
  expect(pageErrors(worker)).toEqual([])
  expect(pageErrors(admin)).toEqual([])
})

test('the admin adds an informant, shows the invite code, renews it, and sees them bound', async () => {
  const page = await openAs(stage, ADMIN)
  await page.getByTestId('go-roster').click()
  await page.locator('.title:visible', { hasText: '花名册' }).waitFor()
  await page.locator('[data-testid^="person-"]:visible').first().waitFor({ timeout: 20_000 })
  await expect(page.locator('[data-testid^="person-"]:visible').count()).resolves.toBe(20)
  await page.getByRole('button', { name: '加载更多' }).click()
  await page.locator('[data-testid^="person-"]:visible').nth(39).waitFor({ timeout: 20_000 })
  await expect(page.locator('[data-testid^="person-"]:visible').count()).resolves.toBe(40)
  await shot(page, STORY, '1-roster')

  // 新增工作人员: checked before sending, then 网格信息员 of 石桥村五组.
  await page.getByTestId('go-add-staff').click()
  await page.locator('.title:visible', { hasText: '新增工作人员' }).waitFor()
  await page.getByTestId('create-staff').click()
  await page.getByText('请填写姓名').waitFor()
  await fill(page, 'staff-name', NAME)
  await fill(page, 'staff-phone', '13911115555')
  await page.getByRole('radio', { name: '网格信息员' }).click()
  await page.getByTestId('create-staff').click()
  await page.getByText('请选择负责的网格（先选村，再选组）').waitFor()
  await page.getByRole('button', { name: '选择石桥村' }).click()
  await page.getByRole('button', { name: '选择石桥村五组' }).click()
  await page.getByTestId('picked-grid').getByText('已选：石桥村 五组').waitFor()
  await shot(page, STORY, '2-add-form')
  await page.getByTestId('create-staff').click()
  const first = (await page.getByTestId('issued-code').innerText({ timeout: 20_000 })).trim()
  expect(first).toMatch(/^[A-Z0-9]{8}$/)
  await page.getByText(/有效期至 .+，只能用一次/).waitFor()
  await shot(page, STORY, '3-invite-code')

  // Back on the roster, found by the start of the name: not bound, a pending code.
  await page.getByRole('button', { name: '返回花名册' }).click()
  await page.locator('.title:visible', { hasText: '花名册' }).waitFor()
  await fill(page, 'staff-search', '欧阳')
  await page.getByRole('button', { name: '查找' }).click()
  const card = page.locator('[data-testid^="person-"]:visible', { hasText: NAME })
  await card.waitFor({ timeout: 20_000 })
  await expect(page.locator('[data-testid^="person-"]:visible').count()).resolves.toBe(1)
  await card.getByText('网格信息员').waitFor()
  await card.getByText('负责：石桥村五组').waitFor()
  await card.getByText(/未绑定，邀请码有效至/).waitFor()

  // 重新生成邀请码 asks first; then only the new code and its expiry are on the card; the old
  // one no longer binds.
  await card.getByRole('button', { name: `给${NAME}重新生成邀请码` }).click()
  await card.getByText(`重新生成后，${NAME}原来的邀请码立即作废。确定吗？`).waitFor()
  await card.getByRole('button', { name: `确定给${NAME}重新生成` }).click()
  const second = (await card.getByTestId('issued-code').innerText({ timeout: 20_000 })).trim()
  expect(second).toMatch(/^[A-Z0-9]{8}$/)
  expect(second).not.toBe(first)
  await expect(card.getByText(/未绑定，邀请码有效至/).count()).resolves.toBe(0)
  await expect(card.getByText(/有效期至 .+，只能用一次/).count()).resolves.toBe(1)
  await shot(page, STORY, '4-renewed')
  const old = await stage.cloud.call('roster', { action: 'bindInvite', code: first }, NEWCOMER)
  expect(old.body.ok ? 'ok' : old.body.error.code).toBe('NOT_FOUND')
  await act(stage, NEWCOMER, 'roster', { action: 'bindInvite', code: second })

  await goAs(page, stage, ADMIN, '/packages/staff/pages/roster/index')
  await fill(page, 'staff-search', '欧阳')
  await page.getByRole('button', { name: '查找' }).click()
  const bound = page.locator('[data-testid^="person-"]:visible', { hasText: NAME })
  await bound.getByText('已绑定微信').waitFor({ timeout: 20_000 })
  await expect(bound.getByRole('button', { name: /重新生成邀请码/ }).count()).resolves.toBe(0)
  expect(pageErrors(page)).toEqual([])
})

test('a worker opening the roster is refused', async () => {
  const page = await openAs(stage, 'demo-worker-1', '/packages/staff/pages/roster/index')
  await page.getByTestId('error-notice').waitFor({ timeout: 20_000 })
  await expect(page.locator('[data-testid^="person-"]').count()).resolves.toBe(0)
})
