import type { Ticket } from '@shared/model/ticket'
import type { TicketCommand } from '@shared/tickets/commands'
import type { Effect, NotifyEffect } from '@shared/tickets/effects'
import { transition } from '@shared/tickets/transition'
import { actors, ctx, inProgressTicket, routedTicket, run, sh } from './fixtures'

// routedTicket(): dispatched Monday 2025-03-10 09:00; sign for by 15:30, resolve by Thursday 09:00.
const SIGN_FOR_DUE = '2025-03-10T07:30:00.000Z'
const RESOLVE_DUE = '2025-03-13T01:00:00.000Z'

const reassign = (over: Partial<Extract<TicketCommand, { type: 'reassign' }>> = {}): TicketCommand => ({
  type: 'reassign',
  villageId: 'v1',
  gridId: 'g2',
  assigneeId: 's-w2',
  reason: '原网格员外出培训',
  ...over,
})
const accepted = (ticket: Ticket, command: TicketCommand, now: string, names?: object) => {
  const r = transition(ticket, command, ctx(actors.supervisor, now, names === undefined ? {} : { names }))
  if (!r.ok) throw new Error(r.refusal.message)
  return r
}
const taskDueAt = (effects: Effect[]) => {
  const notice = effects.find((e): e is NotifyEffect => e.kind === 'notify')
  return notice?.template === 'taskNew' ? notice.data.dueAt : undefined
}

describe('改派 (reassign): the new owner’s notice', () => {
  // prettier-ignore
  it.each([
    ['before the sign-for deadline',          sh('2025-03-10T10:00'), SIGN_FOR_DUE],
    ['after sign-for, before resolve',        sh('2025-03-11T10:00'), RESOLVE_DUE],
    ['after both deadlines (still the resolve one)', sh('2025-03-14T10:00'), RESOLVE_DUE],
  ])('gives the deadline %s', (_when, now, due) => {
    expect(taskDueAt(accepted(routedTicket(), reassign(), now).effects)).toBe(due)
  })
  it('gives the time of the change for a ticket without deadlines', () => {
    const undated = { ...routedTicket(), deadlines: null }
    expect(taskDueAt(accepted(undated, reassign(), sh('2025-03-10T10:00')).effects)).toBe(
      sh('2025-03-10T10:00'),
    )
  })
})

describe('改派 (reassign): the ticket and its record', () => {
  it('returns a ticket being worked on to 待签收 for the new owner, who must sign for it', () => {
    const r = accepted(inProgressTicket(), reassign(), sh('2025-03-10T11:00'))
    expect(r.ticket).toMatchObject({
      status: 'pendingSignFor',
      assigneeId: 's-w2',
      gridId: 'g2',
      signedForAt: null,
    })
    expect(r.ticket.timeline.at(-1)).toMatchObject({
      command: 'reassign',
      from: 'inProgress',
      to: 'pendingSignFor',
    })
  })
  it('writes who had it, where it went and why to the audit log', () => {
    const r = accepted(routedTicket(), reassign(), sh('2025-03-10T10:00'))
    expect(r.effects.find((e) => e.kind === 'audit')).toEqual({
      kind: 'audit',
      ticketId: 't-1',
      action: 'reassign',
      at: sh('2025-03-10T10:00'),
      actor: { staffId: 's-sup', openid: 'o-sup', roles: ['townSupervisor'] },
      details: {
        fromAssigneeId: 's-w1',
        fromGridId: 'g1',
        toGridId: 'g2',
        toAssigneeId: 's-w2',
        reason: '原网格员外出培训',
      },
    })
  })
  // prettier-ignore
  it.each([
    ['the new owner’s name',                  { staff: { 's-w2': '王网格' }, grids: { g2: '青山二组' } }, '改派给王网格：原网格员外出培训'],
    ['the grid when the person has no name',   { staff: {}, grids: { g2: '青山二组' } },                 '改派给青山二组：原网格员外出培训'],
    ['其他人员 when neither has a name',        {},                                                     '改派给其他人员：原网格员外出培训'],
  ])('names on the timeline %s', (_what, names, note) => {
    expect(accepted(routedTicket(), reassign(), sh('2025-03-10T10:00'), names).ticket.timeline.at(-1)?.note).toBe(note)
  })
})

describe('改派 (reassign): refusals', () => {
  const awaiting = () =>
    run(
      [[{ type: 'requestInfo', question: '具体是哪一盏灯？' }, actors.worker1, sh('2025-03-10T11:00')]],
      inProgressTicket(),
    )
  const returned = () =>
    run(
      [[{ type: 'returnTicket', reason: '不属于本网格' }, actors.worker1, sh('2025-03-10T11:00')]],
      routedTicket(),
    )
  // prettier-ignore
  it.each([
    ['a ticket waiting on the reporter', awaiting, 'INVALID_TRANSITION', '待补充的工单不能改派'],
    ['a returned ticket (nobody holds it: 重新派单)', returned, 'INVALID_TRANSITION', '已退单的工单不能改派'],
  ])('refuses %s', (_what, ticket, code, message) => {
    expect(transition(ticket(), reassign(), ctx(actors.supervisor, sh('2025-03-10T12:00')))).toEqual({
      ok: false,
      refusal: { code, message },
    })
  })
  it('refuses a reassignment to nobody', () => {
    expect(
      transition(routedTicket(), reassign({ assigneeId: '' }), ctx(actors.admin, sh('2025-03-10T10:00'))),
    ).toEqual({
      ok: false,
      refusal: { code: 'INVALID_INPUT', message: '缺少办理人' },
    })
  })
  it('refuses the same person, saying to choose another', () => {
    const r = transition(
      routedTicket(),
      reassign({ gridId: 'g1', assigneeId: 's-w1' }),
      ctx(actors.admin, sh('2025-03-10T10:00')),
    )
    expect(r).toEqual({ ok: false, refusal: { code: 'INVALID_INPUT', message: '请选择另一位办理人' } })
  })
  it('refuses a village outside the supervisor’s, naming the rule', () => {
    const r = transition(
      routedTicket(),
      reassign({ villageId: 'v2', gridId: 'g3', assigneeId: 's-w3' }),
      ctx(actors.supervisor, sh('2025-03-10T10:00')),
    )
    expect(r).toEqual({
      ok: false,
      refusal: { code: 'FORBIDDEN', message: '只能改派给您负责的村（社区）的人员' },
    })
  })
})
