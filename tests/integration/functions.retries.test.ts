/**
 * Writes without a version guard take a client request id (one per tap): a retry — the answer was
 * lost, the user tapped again — answers what the first call answered and applies nothing twice.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

async function signedFor(): Promise<string> {
  const { ticketId } = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'other',
        description: '重试测试用的问题描述',
      },
      'demo-resident-1',
    ),
  )
  expectOk(await town.call('tasks', { action: 'signFor', ticketId }, 'demo-worker-1'))
  return ticketId
}

const commands = async (ticketId: string, command: string): Promise<number> => {
  const { data } = await town.db.collection('tickets').doc(ticketId).get()
  return data.timeline.filter((e: { command: string }) => e.command === command).length
}

describe('tasks.addProgress', () => {
  it('adds one entry for two calls with one request id, and answers the same ticket', async () => {
    const ticketId = await signedFor()
    const body = { action: 'addProgress', ticketId, clientRequestId: requestId(), note: '已到现场查看情况' }
    const first = expectOk(await town.call('tasks', body, 'demo-worker-1'))
    const again = expectOk(await town.call('tasks', { ...body, note: '改了说明再发一次' }, 'demo-worker-1'))
    expect(again.ticket.version).toBe(first.ticket.version)
    expect(again.ticket.timeline).toEqual(first.ticket.timeline)
    expect(await commands(ticketId, 'addProgress')).toBe(1)
  })

  it('adds a second entry for a second request id (and without one, as before)', async () => {
    const ticketId = await signedFor()
    for (const extra of [{ clientRequestId: requestId() }, { clientRequestId: requestId() }, {}])
      expectOk(
        await town.call(
          'tasks',
          { action: 'addProgress', ticketId, note: '又去看了一次', ...extra },
          'demo-worker-1',
        ),
      )
    expect(await commands(ticketId, 'addProgress')).toBe(3)
  })
})

describe('supervision.remind', () => {
  it('chases once for two calls with one request id: the retry answers the first call, not RATE_LIMITED', async () => {
    const ticketId = await signedFor()
    const body = { action: 'remind', ticketId, clientRequestId: requestId(), note: '请尽快处理' }
    const first = expectOk(await town.call('supervision', body, 'demo-village-guide-1'))
    const again = expectOk(await town.call('supervision', body, 'demo-village-guide-1'))
    expect(again.ticket.version).toBe(first.ticket.version)
    expect(await commands(ticketId, 'remind')).toBe(1)
    await town.sweep() // the messages are in the ticket's outbox until the sweeper materialises them
    expect(await town.count('notifications', { ticketId, templateKey: 'taskDue' })).toBe(1)
  })
})

describe('roster.regenerateInvite', () => {
  it('issues one code for two calls with one request id; another request id issues a new one', async () => {
    const body = { action: 'regenerateInvite', staffId: 'st-unbound-2', clientRequestId: requestId() }
    const first = expectOk(await town.call('roster', body, 'demo-admin'))
    const again = expectOk(await town.call('roster', body, 'demo-admin'))
    expect(again).toEqual(first)
    const { data } = await town.db.collection('staff').doc('st-unbound-2').get()
    expect(data.invite.code).toBe(first.inviteCode)
    expect(await town.count('auditLog', { action: 'regenerateInvite', staffId: 'st-unbound-2' })).toBe(1)
    const other = expectOk(await town.call('roster', { ...body, clientRequestId: requestId() }, 'demo-admin'))
    expect(other.inviteCode).not.toBe(first.inviteCode)
  })
})

describe('messages.reportSubscriptions', () => {
  it('grants one credit for two calls with one request id, and answers the first call’s credits', async () => {
    const body = {
      action: 'reportSubscriptions',
      clientRequestId: requestId(),
      results: { TPL_TICKET_ACCEPTED: 'accept' },
    }
    const first = expectOk(await town.call('messages', body, 'demo-resident-3'))
    const again = expectOk(await town.call('messages', body, 'demo-resident-3'))
    expect(first.credits).toEqual({ TPL_TICKET_ACCEPTED: 1 })
    expect(again).toEqual(first)
    const held = expectOk(
      await town.call('messages', { action: 'subscriptionCredits', group: 'reporter' }, 'demo-resident-3'),
    )
    expect(
      held.templates.find((t: { templateId: string }) => t.templateId === 'TPL_TICKET_ACCEPTED').credits,
    ).toBe(1)
    const more = expectOk(
      await town.call('messages', { ...body, clientRequestId: requestId() }, 'demo-resident-3'),
    )
    expect(more.credits).toEqual({ TPL_TICKET_ACCEPTED: 2 })
  })
})
