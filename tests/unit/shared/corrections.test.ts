import type { Ticket } from '@shared/model/ticket'
import type { TicketCommand } from '@shared/tickets/commands'
import type { NotifyEffect } from '@shared/tickets/effects'
import { transition } from '@shared/tickets/transition'
import { actors, ctx, inProgressTicket, routedTicket, run, sh } from './fixtures'

const now = sh('2025-03-10T11:00')
const accept = (ticket: Ticket, command: TicketCommand, actor = actors.worker1, extra = {}) => {
  const r = transition(ticket, command, ctx(actor, now, extra))
  if (!r.ok) throw new Error(r.refusal.message)
  return { ticket: r.ticket, notices: r.effects.filter((e): e is NotifyEffect => e.kind === 'notify') }
}
const noNames = { names: {} }
/** The deadline a new-task notice gives (undefined for any other notice). */
const dueAtOf = (n: NotifyEffect | undefined) => (n?.template === 'taskNew' ? n.data.dueAt : undefined)
const returned = () =>
  run([[{ type: 'returnTicket', reason: '不属于本网格' }, actors.worker1, now]], routedTicket())

describe('退单 (returnTicket)', () => {
  it('tells the village guides the resolve deadline, and records who returned it', () => {
    const r = transition(
      routedTicket(),
      { type: 'returnTicket', reason: '不属于本网格' },
      ctx(actors.worker1, now),
    )
    if (!r.ok) throw new Error(r.refusal.message)
    expect(r.effects.slice(1)).toEqual([
      {
        kind: 'notify',
        ticketId: 't-1',
        recipient: { kind: 'villageGuides', villageId: 'v1' },
        template: 'taskNew',
        data: {
          ticketNumber: '20250310-0001',
          task: '退单待派：不属于本网格',
          gridName: '青山一组',
          dueAt: '2025-03-13T01:00:00.000Z',
          urgency: '一般',
        },
      },
      {
        kind: 'audit',
        ticketId: 't-1',
        action: 'returnTicket',
        at: now,
        actor: { staffId: 's-w1', openid: 'o-w1', roles: ['gridWorker'] },
        details: { fromAssigneeId: 's-w1', reason: '不属于本网格' },
      },
    ])
  })
  it('gives the guides the time of the return for a ticket without deadlines', () => {
    const { notices } = accept(
      { ...routedTicket(), deadlines: null },
      { type: 'returnTicket', reason: '不属于本网格' },
    )
    expect(dueAtOf(notices[0])).toBe(now)
  })
})

describe('重新派单 (redispatch)', () => {
  const to = { type: 'redispatch', villageId: 'v1', gridId: 'g2', assigneeId: 's-w2' } as const
  it('says on the timeline which grid it went to, or 网格 when the grid has no name', () => {
    expect(accept(returned(), to, actors.villageGuide1).ticket.timeline.at(-1)?.note).toBe('派给青山二组')
    expect(accept(returned(), to, actors.villageGuide1, noNames).ticket.timeline.at(-1)?.note).toBe(
      '派给网格',
    )
  })
  it('puts the guide’s note on the timeline instead, when there is one', () => {
    const { ticket } = accept(returned(), { ...to, note: '二组网格员熟悉情况' }, actors.villageGuide1)
    expect(ticket.timeline.at(-1)?.note).toBe('二组网格员熟悉情况')
  })
  it('tells the new owner the sign-for deadline, not a new one', () => {
    const { notices } = accept(returned(), to, actors.villageGuide1)
    expect(notices.map((n) => [n.recipient, dueAtOf(n)])).toEqual([
      [{ kind: 'staff', staffId: 's-w2' }, '2025-03-10T07:30:00.000Z'],
    ])
  })
})

describe('转办 (transfer)', () => {
  const to = {
    type: 'transfer',
    villageId: 'v2',
    gridId: 'g3',
    assigneeId: 's-w3',
    reason: '事发地在绿水村',
  } as const
  it('says 其他网格 on the timeline and to the reporter when the grid has no name', () => {
    const { ticket, notices } = accept(inProgressTicket(), to, actors.worker1, noNames)
    expect(ticket.timeline.at(-1)?.note).toBe('转给其他网格：事发地在绿水村')
    expect(notices[1].data).toMatchObject({ status: '已转办', progress: '已转交其他网格办理' })
  })
  it('gives the new owner the sign-for deadline, or the time of the transfer without deadlines', () => {
    expect(dueAtOf(accept(inProgressTicket(), to).notices[0])).toBe('2025-03-10T07:30:00.000Z')
    expect(dueAtOf(accept({ ...inProgressTicket(), deadlines: null }, to).notices[0])).toBe(now)
  })
})

describe('重复件 (markDuplicate)', () => {
  it('refuses a duplicate of no ticket', () => {
    expect(
      transition(
        routedTicket(),
        { type: 'markDuplicate', duplicateOf: '', reason: '同一盏路灯' },
        ctx(actors.admin, now),
      ),
    ).toEqual({ ok: false, refusal: { code: 'INVALID_INPUT', message: '请选择另一张原工单' } })
  })
  it('tells the reporter it repeats an existing ticket', () => {
    const { notices } = accept(
      routedTicket(),
      { type: 'markDuplicate', duplicateOf: 't-0', reason: '同一盏路灯' },
      actors.admin,
    )
    expect(notices.map((n) => n.data)).toEqual([
      {
        ticketNumber: '20250310-0001',
        status: '重复件',
        progress: '与已有工单重复：同一盏路灯',
        updatedAt: now,
      },
    ])
  })
})
