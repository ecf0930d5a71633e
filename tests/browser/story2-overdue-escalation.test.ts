/**
 * Story 2 — nobody acts on a ticket: the clock moves past its sign-for deadline, its resolve deadline
 * and one working day more, with the sweeper run after each step. The village guide (催办), the town
 * guide (督办) and the town supervisor (挂牌督办) each get exactly one alert, at their level, in the
 * message centre; the ticket shows on the overdue board at 挂牌督办.
 *
 * Demo identities (docs/demo-town.md): grid g01 is in village v01 (石桥村), whose guides include
 * demo-village-guide-1, town guide demo-town-guide-1 and supervisor demo-supervisor-1.
 */
import { goAs, inbox, openAs, openStage, pageErrors, shot, submitTicket, type Stage } from './stories'

jest.setTimeout(300_000)

const RESIDENT = 'demo-resident-1'
const LADDER = [
  { openid: 'demo-village-guide-1', level: '催办' },
  { openid: 'demo-town-guide-1', level: '督办' },
  { openid: 'demo-supervisor-1', level: '挂牌督办' },
]
const STEP_MS = 2 * 3600_000
const MAX_STEPS = 12 * 30 // 30 days of 2-hour steps: far more than 4 working hours + 4 working days

let stage: Stage
beforeAll(async () => {
  stage = await openStage()
})
afterAll(async () => {
  await stage?.close()
})

async function escalationLevel(ticketId: string): Promise<number> {
  const r = await stage.cloud.call('tickets', { action: 'detail', ticketId }, RESIDENT)
  return r.body.data.ticket.escalationLevel
}

async function alertsFor(openid: string, ticketId: string) {
  return (await inbox(stage, openid)).filter(
    (m) => m.templateKey === 'overdueAlert' && m.ticketId === ticketId,
  )
}

test('the ladder alerts each level exactly once and the ticket shows on the overdue board', async () => {
  const { ticketId, number } = await submitTicket(stage, RESIDENT, '河堤上的护栏被车撞坏了一段')

  // Move the clock in steps, running the sweeper after each, until the top level fired.
  let steps = 0
  while ((await escalationLevel(ticketId)) < 3) {
    if (++steps > MAX_STEPS) throw new Error('the ladder never reached 挂牌督办')
    await stage.cloud.dev.clock({ advanceMs: STEP_MS })
    const run = await stage.cloud.dev.runTimer('sweeper')
    expect(run.status).toBe(200)
  }
  // A few more days of sweeping must not alert anybody again.
  for (let i = 0; i < 36; i++) {
    await stage.cloud.dev.clock({ advanceMs: STEP_MS })
    await stage.cloud.dev.runTimer('sweeper')
  }

  for (const { openid, level } of LADDER) {
    const alerts = await alertsFor(openid, ticketId)
    expect({ openid, count: alerts.length }).toEqual({ openid, count: 1 })
    const levelLine = alerts[0].lines.find((l) => l.label === '督办级别')
    expect(levelLine?.value).toBe(level)
    expect(JSON.stringify(alerts[0].lines)).toContain(number)
  }

  // The board, as the supervisor sees it: the ticket at 挂牌督办, how late, who owns it.
  const board = await openAs(stage, 'demo-supervisor-1', '/packages/staff/pages/overdue/index')
  const row = board.getByTestId(`ticket-${ticketId}`)
  await row.waitFor({ timeout: 20_000 })
  const text = await row.innerText()
  expect(text).toContain('督办级别：挂牌督办')
  expect(text).toMatch(/⚠ 已超时 /)
  expect(text).toMatch(/责任人 \S+/)
  await row.scrollIntoViewIfNeeded()
  await shot(board, 'story2', '1-overdue-board-supervisor')

  // The village guide sees it on their board too, and the alert in their message centre.
  const guide = await openAs(stage, 'demo-village-guide-1', '/pages/messages/index')
  await guide
    .getByText(/(催办|督办|挂牌督办)：任务已超时/)
    .first()
    .waitFor({ timeout: 20_000 }) // the alert names its level
  await shot(guide, 'story2', '2-village-guide-messages')
  await goAs(guide, stage, 'demo-village-guide-1', '/packages/staff/pages/overdue/index')
  await guide.getByTestId(`ticket-${ticketId}`).waitFor({ timeout: 20_000 })
  await shot(guide, 'story2', '3-overdue-board-village-guide')

  expect(pageErrors(board)).toEqual([])
  expect(pageErrors(guide)).toEqual([])
})
