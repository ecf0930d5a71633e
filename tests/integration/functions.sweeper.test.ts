/**
 * The timer side: the escalation ladder, overlapping sweeps, and delivery of the outbox (retries
 * on transient errors, never twice, in-app only without a credit), on a real local cloud.
 */
import { addDuration, createWorkingCalendar, DEFAULT_RULES } from '@shared/index'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const minute = 60_000
const at = (iso: string, plusMs = minute) => new Date(Date.parse(iso) + plusMs).toISOString()

/** A user's "allow" tap: reported to our function, and granted by (the local) WeChat. */
async function allow(openid: string, templateIds: string[]) {
  expectOk(
    await town.call(
      'messages',
      { action: 'reportSubscriptions', results: Object.fromEntries(templateIds.map((t) => [t, 'accept'])) },
      openid,
    ),
  )
  await town.cloud.dev.subscribe(openid, templateIds)
}

const sweep = () => town.sweep()

async function submitAs(openid: string) {
  const s = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'request',
        description: '组里的水渠堵了，需要疏通',
      },
      openid,
    ),
  )
  const ticket = expectOk(
    await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, openid),
  ).ticket
  return ticket
}

async function alerts(staffId: string, ticketId: string) {
  const { data } = await town.db
    .collection('notifications')
    .where({ recipient: `staff:${staffId}`, ticketId, templateKey: 'overdueAlert' })
    .get()
  return data as Array<{ state: string; reason: string | null; data: { level: string } }>
}

const delivered = async (openid: string, templateId: string, ticketNumber: string) =>
  (
    (await town.cloud.dev.messages(openid)).body.messages as Array<{
      templateId: string
      data: Record<string, { value: string }>
    }>
  ).filter((m) => m.templateId === templateId && m.data.character_string1.value === ticketNumber).length

describe('the escalation ladder', () => {
  it('alerts the village guide, the town guide and the town supervisor, each exactly once at their level', async () => {
    await sweep() // bring the seeded demo tickets up to date first
    // Village 3 (grids 13–18): village guides 15–21, town guides 3, 14, 25, 36, 47, 58, supervisor 3.
    await allow('demo-village-guide-15', ['TPL_OVERDUE_ALERT'])
    await allow('demo-town-guide-3', ['TPL_OVERDUE_ALERT'])
    await allow('demo-supervisor-3', ['TPL_OVERDUE_ALERT'])
    const ticket = await submitAs('demo-resident-13')
    expect(ticket.gridId).toBe('g13')

    await town.cloud.dev.clock({ now: at(ticket.deadlines.signFor.dueAt) })
    const first = await sweep()
    expect(first.escalated).toBeGreaterThanOrEqual(1)
    await town.cloud.dev.clock({ now: at(ticket.deadlines.resolve.dueAt) })
    await sweep()
    const calendar = createWorkingCalendar()
    const supervisorDue = addDuration(
      calendar,
      ticket.deadlines.resolve.dueAt,
      DEFAULT_RULES.ladder.supervisorAfter,
    )
    await town.cloud.dev.clock({ now: at(supervisorDue) })
    await sweep()
    await sweep() // a further run fires nothing again

    const level = async (staffId: string) => (await alerts(staffId, ticket._id)).map((n) => n.data.level)
    expect(await level('st-village-guide-15')).toEqual(['催办'])
    expect(await level('st-village-guide-16')).toEqual(['催办'])
    expect(await level('st-town-guide-3')).toEqual(['督办'])
    expect(await level('st-town-guide-14')).toEqual(['督办'])
    expect(await level('st-supervisor-3')).toEqual(['挂牌督办'])
    expect(await level('st-worker-13')).toEqual(['催办', '督办', '挂牌督办'])
    // The subscribe message where credited, in-app only (and marked so) where not.
    expect(await delivered('demo-village-guide-15', 'TPL_OVERDUE_ALERT', ticket.number)).toBe(1)
    expect(await delivered('demo-town-guide-3', 'TPL_OVERDUE_ALERT', ticket.number)).toBe(1)
    expect(await delivered('demo-supervisor-3', 'TPL_OVERDUE_ALERT', ticket.number)).toBe(1)
    expect((await alerts('st-village-guide-16', ticket._id))[0]).toMatchObject({
      state: 'inAppOnly',
      reason: 'noCredit',
    })

    const board = expectOk(
      await town.call('supervision', { action: 'overdueBoard', minLevel: 3 }, 'demo-supervisor-3'),
    )
    expect(board.items.find((r: { _id: string }) => r._id === ticket._id)).toMatchObject({
      escalationLevel: 3,
      gridName: '一组',
      villageName: '柳溪村',
    })
    const after = expectOk(
      await town.call('tickets', { action: 'detail', ticketId: ticket._id }, 'demo-resident-13'),
    ).ticket
    expect(after.firedSteps.filter((s: string) => s.endsWith('Overdue'))).toEqual([
      'signForOverdue',
      'resolveOverdue',
      'supervisorOverdue',
    ])
  })

  it('escalates once when two sweeps overlap', async () => {
    const ticket = await submitAs('demo-resident-19') // grid 19, village 4
    await town.cloud.dev.clock({ now: at(ticket.deadlines.signFor.dueAt) })
    await Promise.all([town.sweep(), town.sweep()])
    const after = expectOk(
      await town.call('tickets', { action: 'detail', ticketId: ticket._id }, 'demo-resident-19'),
    ).ticket
    expect(after.firedSteps.filter((s: string) => s === 'signForOverdue')).toHaveLength(1)
    expect(after.timeline.filter((e: { command: string }) => e.command === 'escalate')).toHaveLength(1)
    expect(await alerts('st-village-guide-22', ticket._id)).toHaveLength(1)
  })
})

describe('delivery', () => {
  it('retries a transiently failing send and delivers it once', async () => {
    await sweep()
    await allow('demo-resident-25', ['TPL_TICKET_ACCEPTED'])
    const ticket = await submitAs('demo-resident-25')
    await town.cloud.dev.faults({ 'subscribeMessage.send': { failNext: 1, errCode: -1 } })
    const first = await sweep()
    expect(first.delivery.retried).toBe(1)
    expect(await delivered('demo-resident-25', 'TPL_TICKET_ACCEPTED', ticket.number)).toBe(0)
    await sweep() // not due again yet (back-off)
    await town.cloud.dev.clock({ advanceMs: 2 * minute })
    await sweep()
    await sweep()
    expect(await delivered('demo-resident-25', 'TPL_TICKET_ACCEPTED', ticket.number)).toBe(1)
    const { data } = await town.db
      .collection('notifications')
      .where({ ticketId: ticket._id, templateKey: 'ticketAccepted' })
      .get()
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({ state: 'sent', attempts: 2 })
    // It opens the reporter's ticket page, a page the mini-program has.
    const [sent] = (await town.cloud.dev.messages('demo-resident-25')).body.messages.filter(
      (m: { templateId: string }) => m.templateId === 'TPL_TICKET_ACCEPTED',
    )
    expect(sent.page).toBe(`pages/ticket/index?id=${ticket._id}`)
  })

  it('keeps a message in-app only when WeChat answers 43101', async () => {
    await sweep()
    // The client reported an "allow", but WeChat holds no credit (the user revoked it).
    expectOk(
      await town.call(
        'messages',
        { action: 'reportSubscriptions', results: { TPL_TICKET_ACCEPTED: 'accept' } },
        'demo-resident-26',
      ),
    )
    const ticket = await submitAs('demo-resident-26')
    await sweep()
    expect(await delivered('demo-resident-26', 'TPL_TICKET_ACCEPTED', ticket.number)).toBe(0)
    const { data } = await town.db
      .collection('notifications')
      .where({ ticketId: ticket._id, templateKey: 'ticketAccepted' })
      .get()
    expect(data[0]).toMatchObject({ state: 'inAppOnly', reason: 'refused' })
    const inbox = expectOk(await town.call('messages', { action: 'list' }, 'demo-resident-26'))
    expect(inbox.items[0]).toMatchObject({ ticketId: ticket._id, title: '工单受理通知', read: false })
    expect(
      expectOk(await town.call('messages', { action: 'unreadCount' }, 'demo-resident-26')).count,
    ).toBeGreaterThanOrEqual(1)
  })

  it('marks a message a crash left in sending as unknown and reports it, without ever sending it', async () => {
    await sweep()
    await allow('demo-resident-27', ['TPL_TICKET_ACCEPTED'])
    const ticket = await submitAs('demo-resident-27')
    // The check for abandoned sends runs every ten minutes, not every minute: go to the next one.
    const tenMinutes = 10 * minute
    const next = Math.ceil(((await town.now()).getTime() + 1) / tenMinutes) * tenMinutes
    await town.cloud.dev.clock({ now: new Date(next + 1000).toISOString() })
    const now = (await town.now()).getTime()
    const notifications = town.db.collection('notifications')
    // As a sender would leave them: claimed (attempt 1), then the process died mid-send.
    const claimed = (minutesAgo: number) => ({
      state: 'sending',
      attempts: 1,
      nextAttemptAt: null,
      claimedAt: new Date(now - minutesAgo * minute).toISOString(),
    })
    // The report's messages as the sweeper materialises them from the ticket's outbox, then claimed.
    const tickets = town.db.collection('tickets')
    const { outbox } = (await tickets.doc(ticket._id).get()).data
    await tickets.doc(ticket._id).update({ data: { outbox: town.db.command.remove() } })
    await notifications.add({ data: outbox.flatMap((e: { notifications: unknown[] }) => e.notifications) })
    await notifications
      .where({ ticketId: ticket._id, templateKey: 'ticketAccepted' })
      .update({ data: claimed(11) })
    await notifications.where({ ticketId: ticket._id, templateKey: 'taskNew' }).update({ data: claimed(2) }) // a send in flight
    const [stuck] = (await notifications.where({ ticketId: ticket._id, templateKey: 'ticketAccepted' }).get())
      .data

    const run = await sweep()
    expect(run.delivery).toMatchObject({ unknown: 1, unknownIds: [stuck._id] })
    const after = async (templateKey: string) =>
      (await notifications.where({ ticketId: ticket._id, templateKey }).get()).data[0]
    expect(await after('ticketAccepted')).toMatchObject({ state: 'unknown', attempts: 1 })
    expect((await after('ticketAccepted')).reason).toMatch(/unknown/)
    expect(await after('taskNew')).toMatchObject({ state: 'sending' })
    expect(await delivered('demo-resident-27', 'TPL_TICKET_ACCEPTED', ticket.number)).toBe(0)

    // Still in the message centre; and reported once only.
    const centre = expectOk(await town.call('messages', { action: 'list' }, 'demo-resident-27'))
    expect(centre.items.map((m: { _id: string }) => m._id)).toContain(stuck._id)
    await town.cloud.dev.clock({ advanceMs: 10 * minute })
    const later = await sweep() // now the in-flight one has been stuck for 12 minutes too
    expect(later.delivery.unknownIds).toEqual([(await after('taskNew'))._id])
    expect(await delivered('demo-resident-27', 'TPL_TICKET_ACCEPTED', ticket.number)).toBe(0)
  })
})
