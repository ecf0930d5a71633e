/**
 * 查看号码 and its log (个人信息保护法): staff views carry phone numbers masked; the number itself comes
 * from `tasks.revealContact`, which writes who asked, whose number and when; the grid office reads
 * that log. People of the demo town (docs/demo-town.md): demo-worker-1 holds 石桥村一组 (g01),
 * demo-worker-2 holds g02; demo-resident-1 (13970005000) reports in g01.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const reveal = (ticketId: string, openid: string, whose = 'reporter') =>
  town.call('tasks', { action: 'revealContact', ticketId, whose }, openid)

async function report(): Promise<string> {
  const s = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'other',
        description: '号码查看测试用的问题描述',
      },
      'demo-resident-1',
    ),
  )
  return s.ticketId
}

describe('tasks.revealContact', () => {
  it('shows the assignee a masked phone, answers the number on request, and logs it once', async () => {
    const ticketId = await report()
    const { ticket } = expectOk(await town.call('tickets', { action: 'detail', ticketId }, 'demo-worker-1'))
    expect(ticket.reporter).toMatchObject({ masked: true, phone: '139****5000', revealable: true })
    const answer = expectOk(await reveal(ticketId, 'demo-worker-1'))
    expect(answer).toMatchObject({ ticketId, whose: 'reporter', phone: '13970005000' })
    const { data: log } = await town.db.collection('contactReveals').where({ ticketId }).get()
    expect(log).toEqual([
      {
        _id: expect.stringMatching(/^rv_/),
        townId: 'town-qingshan',
        staffId: 'st-worker-1',
        staffName: expect.any(String),
        ticketId,
        ticketNumber: ticket.number,
        whose: 'reporter',
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ])
  })

  it.each([
    ['a worker of another grid', 'demo-worker-2', 'FORBIDDEN'],
    ['a supervisor (masked only)', 'demo-supervisor-1', 'FORBIDDEN'],
    ['the reporter, a resident', 'demo-resident-1', 'FORBIDDEN'],
    ['another resident', 'demo-resident-2', 'FORBIDDEN'],
  ])('refuses %s and logs nothing', async (_who, openid, code) => {
    const ticketId = await report()
    const r = await reveal(ticketId, openid)
    expect(r.ok ? 'ok' : r.error.code).toBe(code)
    expect(await town.count('contactReveals', { ticketId })).toBe(0)
  })

  it('answers NOT_FOUND for a ticket of no one, writing nothing', async () => {
    const r = await reveal('t_nosuch', 'demo-worker-1')
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND')
    expect(await town.count('contactReveals', { ticketId: 't_nosuch' })).toBe(0)
  })

  it('gives a supervisor the responsible worker’s number, logged as whose = assignee', async () => {
    const ticketId = await report()
    const answer = expectOk(await reveal(ticketId, 'demo-supervisor-1', 'assignee'))
    expect(answer).toMatchObject({ whose: 'assignee', phone: '13970000004' })
    const { data: log } = await town.db.collection('contactReveals').where({ ticketId }).get()
    expect(log.map((e: { staffId: string; whose: string }) => [e.staffId, e.whose])).toEqual([
      ['st-supervisor-1', 'assignee'],
    ])
  })
})

describe('roster.revealLog', () => {
  it('lets the office read the town’s log, newest first, paged', async () => {
    const ticketId = await report()
    expectOk(await reveal(ticketId, 'demo-worker-1'))
    expectOk(await reveal(ticketId, 'demo-village-guide-1'))
    const page = expectOk(await town.call('roster', { action: 'revealLog', pageSize: 1 }, 'demo-admin'))
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ ticketId, staffId: 'st-village-guide-1', whose: 'reporter' })
    expect(page.nextCursor).not.toBeNull()
    const next = expectOk(
      await town.call('roster', { action: 'revealLog', pageSize: 1, cursor: page.nextCursor }, 'demo-admin'),
    )
    expect(next.items[0]).toMatchObject({ ticketId, staffId: 'st-worker-1' })
    const mine = expectOk(
      await town.call('roster', { action: 'revealLog', staffId: 'st-village-guide-1' }, 'demo-admin'),
    )
    expect(new Set(mine.items.map((e: { staffId: string }) => e.staffId))).toEqual(
      new Set(['st-village-guide-1']),
    )
  })

  it.each([
    ['a resident', 'demo-resident-1'],
    ['a grid worker', 'demo-worker-1'],
    ['a supervisor', 'demo-supervisor-1'],
  ])('is refused to %s', async (_who, openid) => {
    const r = await town.call('roster', { action: 'revealLog' }, openid)
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN')
  })
})
