/**
 * Story 16 — 我的网格: a resident sees their grid on home, calls up its people (有事找五员), and
 * changes their grid; the new grid is named in a confirmation before anything changes.
 *
 * Demo town (docs/demo-town.md): demo-resident-3 lives in 石桥村三组 (g03).
 */
import { act, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(180_000)

const STORY = 'story16'
const RESIDENT = 'demo-resident-3'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test('a resident sees 我的网格, finds its people and changes it after confirming', async () => {
  const page = await openAs(stage, RESIDENT)
  const box = page.getByTestId('my-grid')
  await box.getByText('我的网格：石桥村三组').waitFor({ timeout: 20_000 })
  await box.getByTestId('find-five').click()
  const five = box.getByTestId('grid-five')
  await five.getByText('网格工作员').first().waitFor()
  await expect(five.getByRole('button', { name: /^打电话给网格工作员/ }).count()).resolves.toBe(1)
  await expect(five.getByRole('button', { name: /^打电话给村级指导员/ }).count()).resolves.toBe(2)
  await shot(page, STORY, '1-my-grid')

  await box.getByTestId('change-grid').click()
  await page.getByRole('button', { name: '选择石桥村' }).click()
  await page.getByRole('button', { name: '选择石桥村四组' }).click()
  const confirm = page.getByTestId('confirm-grid')
  await confirm.getByText('确定把您的网格改为“石桥村四组”吗？以后您上报的事会交给这个网格办理。').waitFor()
  await shot(page, STORY, '2-confirm')
  const me = await act(stage, RESIDENT, 'roster', { action: 'me' })
  expect(me.resident.homeGridId).toBe('g03') // nothing changed before the confirmation
  await confirm.getByTestId('confirm-grid-yes').click()
  await box.getByText('我的网格：石桥村四组').waitFor({ timeout: 20_000 })
  await shot(page, STORY, '3-changed')
  const after = await act(stage, RESIDENT, 'roster', { action: 'me' })
  expect(after.resident.homeGridId).toBe('g04')
  expect(pageErrors(page)).toEqual([])
})
