import type { Ticket } from '@shared/model/ticket'
import type { TicketCommand } from '@shared/tickets/commands'
import { transition } from '@shared/tickets/transition'
import { actors, ctx, resolvedTicket, sh } from './fixtures'

const accept = (ticket: Ticket, command: TicketCommand, actor: typeof actors.resident, now: string) => {
  const r = transition(ticket, command, ctx(actor, now))
  if (!r.ok) throw new Error(r.refusal.message)
  return r
}
const reopen: TicketCommand = { type: 'reopen', reason: '灯又不亮了' }

describe('重办 (reopen) of an old record', () => {
  it('reopens a ticket without deadlines without inventing them, and gives the holder the time of the reopen', () => {
    const r = accept(
      { ...resolvedTicket(), deadlines: null },
      reopen,
      actors.resident,
      sh('2025-03-12T10:00'),
    )
    expect(r.ticket.deadlines).toBeNull()
    expect(r.effects.filter((e) => e.kind === 'notify')).toMatchObject([
      {
        recipient: { kind: 'staff', staffId: 's-w1' },
        data: { task: '重办：灯又不亮了', dueAt: sh('2025-03-12T10:00') },
      },
    ])
  })
  it('tells nobody when nobody holds the ticket', () => {
    const r = accept(
      { ...resolvedTicket(), assigneeId: null },
      reopen,
      actors.resident,
      sh('2025-03-12T10:00'),
    )
    expect(r.ticket.status).toBe('inProgress')
    expect(r.effects.map((e) => e.kind)).toEqual(['timeline'])
  })
  it('reopens a resolved ticket (not yet closed) without looking at the reopen window', () => {
    const r = accept(resolvedTicket(), reopen, actors.resident, sh('2025-04-30T10:00'))
    expect(r.ticket.reopenCount).toBe(1)
  })
})

describe('自动办结 (autoClose)', () => {
  it('counts the 7 days from the last change when the ticket has no resolution recorded', () => {
    const t = { ...resolvedTicket(), resolution: null, updatedAt: sh('2025-03-12T10:00') }
    const early = transition(t, { type: 'autoClose' }, ctx(actors.system, sh('2025-03-19T09:59')))
    expect(early).toEqual({
      ok: false,
      refusal: { code: 'INVALID_TRANSITION', message: '尚未到自动办结时间' },
    })
    const r = accept(t, { type: 'autoClose' }, actors.system, sh('2025-03-19T10:00'))
    expect(r.ticket).toMatchObject({ status: 'closed', closedAt: sh('2025-03-19T10:00'), rating: null })
    expect(r.ticket.timeline.at(-1)?.note).toBe('群众未在期限内评价，系统自动办结')
  })
})
