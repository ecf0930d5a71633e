/**
 * Story 15 — a village guide's month: a 屋场会 whose concern becomes a ticket, a 防溺水 campaign
 * across the village, a 微服务 in a few taps, then the stats page (figures with their definitions,
 * the 今年以来 paragraph, a chart drawn by uCharts) and an xlsx export.
 *
 * Demo identities (docs/demo-town.md): demo-village-guide-1 guides 石桥村 (v01, grids g01–g06).
 */
import { fill, openAs, openStage, pageErrors, shot, type Stage } from './stories'

jest.setTimeout(240_000)

const GUIDE = 'demo-village-guide-1'
const STORY = 'story15'

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

test("a village guide's month: meeting → ticket, campaign, 微服务, stats with a chart, export", async () => {
  const page = await openAs(stage, GUIDE)
  await page.getByTestId('whoami').getByText(`当前身份：${GUIDE}`).waitFor({ timeout: 20_000 })
  await page.getByTestId('go-records').click()
  await page.locator('.title', { hasText: '工作记录' }).waitFor()

  // 屋场会 in 一组, and a concern raised there made a ticket.
  // (Each step in a page of its own: h5 keeps the pages it navigated from in the document.)
  const meeting = await openAs(stage, GUIDE, '/packages/staff/pages/meeting/index')
  await meeting.locator('.title', { hasText: '屋场会' }).waitFor()
  await meeting.getByTestId('grid-g01').click()
  await fill(meeting, 'meeting-attendance', '23')
  await fill(meeting, 'meeting-topics', '秸秆禁烧\n冬季防火')
  await shot(meeting, STORY, '1-meeting-form')
  await meeting.getByTestId('meeting-save').click()
  await meeting.getByText('✓ 屋场会已记录').waitFor({ timeout: 20_000 })
  await meeting.getByRole('radio', { name: /^群众诉求/ }).click()
  await fill(meeting, 'concern-text', '一组到村部的机耕道塌了一段，老人出行不便')
  await fill(meeting, 'concern-resident', '张三')
  await meeting.getByTestId('concern-raise').click()
  const line = await meeting.getByText(/已生成工单：\d{8}-\d{4}/).innerText()
  const number = line.replace('已生成工单：', '').trim()
  expect(number).toMatch(/^\d{8}-\d{4}$/)
  await shot(meeting, STORY, '2-meeting-ticket')

  // 防溺水 campaign across the whole village.
  const campaign = await openAs(stage, GUIDE, '/packages/staff/pages/campaign/index')
  await campaign.getByTestId('theme-drowning').click()
  await campaign.getByRole('button', { name: '全选' }).click()
  await fill(campaign, 'campaign-materials', '300')
  await shot(campaign, STORY, '3-campaign')
  await campaign.getByTestId('campaign-save').click()
  await campaign.getByText('✓ 宣传活动已记录').waitFor({ timeout: 20_000 })

  // 微服务: kind, grid, 登记.
  const records = await openAs(stage, GUIDE, '/packages/staff/pages/records/index')
  await records.getByTestId('ms-proxy').click()
  await records.getByTestId('grid-g02').click()
  await records.getByTestId('ms-log').click()
  await records.getByText('✓ 已登记一件代办微服务').waitFor({ timeout: 20_000 })
  await shot(records, STORY, '4-micro-service')

  // The stats page: 石桥村 this year, the paragraph, the figures with definitions, the chart.
  const stats = await openAs(stage, GUIDE, '/packages/staff/pages/stats/index')
  const paragraph = stats.getByTestId('stats-paragraph')
  await paragraph.waitFor({ timeout: 30_000 })
  expect(await stats.getByTestId('stats-scope').innerText()).toContain('石桥村')
  expect(await paragraph.innerText()).toMatch(/^今年以来，石桥村开展防溺水宣传\d+次/)
  const micro = await stats.getByTestId('figure-microServices').innerText()
  expect(micro).toContain('期内登记的微服务')
  await stats.getByTestId('stats-chart').locator('canvas').waitFor()
  await stats.waitForFunction(() => {
    const c = document.querySelector('[data-testid="stats-chart"] canvas') as HTMLCanvasElement | null
    if (!c || c.width === 0) return false
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
    if (!d) return false
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200 && d[i + 3] > 0) return true
    return false
  })
  await shot(stats, STORY, '5-stats')
  await stats.getByTestId('stats-chart').scrollIntoViewIfNeeded()
  await shot(stats, STORY, '6-stats-chart')

  // Export the 屋场会 record book: a link to an xlsx in the local cloud's storage.
  const fetched = stats
    .context()
    .waitForEvent('request', (r) => /exports\/town-qingshan\/meetings-/.test(decodeURIComponent(r.url())))
  await stats.getByTestId('export-meetings').click()
  await fetched
  await stats.getByText(/^石桥村屋场会记录本（.+）\.xlsx：\d+ 行$/).waitFor()
  await shot(stats, STORY, '7-exported')

  const ticket = await stage.cloud.call('records', { action: 'list', kind: 'meetings', gridId: 'g01' }, GUIDE)
  expect(ticket.body.data.items[0].ticketNumbers).toEqual([number])
  for (const p of [page, meeting, campaign, records, stats]) expect(pageErrors(p)).toEqual([])
})
