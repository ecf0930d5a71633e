import type { HandoverSuccessor, TicketCommand } from '@shared/tickets/commands'
import type { NotifyEffect } from '@shared/tickets/effects'
import { transition } from '@shared/tickets/transition'
import { TOWN, actors, ctx, inProgressTicket, routedTicket, sh } from './fixtures'

const at = sh('2025-03-11T10:00')
const guide: HandoverSuccessor = {
  staffId: 's-vg1',
  name: '赵指导',
  roles: ['villageGuide'],
  scope: { townId: TOWN, villageIds: ['v1'], gridIds: [] },
}
const handover = (to: HandoverSuccessor = guide, from = 's-w1'): TicketCommand => ({
  type: 'handover',
  fromAssigneeId: from,
  to,
  reason: '调离本网格',
})

describe('handover (移交)', () => {
  it('moves an open task to the successor, keeps its status and deadlines, tells the new holder', () => {
    const before = inProgressTicket()
    const r = transition(before, handover(), ctx(actors.admin, at))
    if (!r.ok) throw new Error(r.refusal.message)
    expect(r.ticket.assigneeId).toBe('s-vg1')
    expect(r.ticket.status).toBe('inProgress')
    expect(r.ticket.deadlines).toEqual(before.deadlines)
    expect(r.ticket.timeline.at(-1)).toMatchObject({
      command: 'handover',
      from: 'inProgress',
      to: 'inProgress',
      note: '移交给赵指导：调离本网格',
    })
    const notices = r.effects.filter((e): e is NotifyEffect => e.kind === 'notify')
    expect(notices.map((n) => [n.template, n.recipient])).toEqual([
      ['taskNew', { kind: 'staff', staffId: 's-vg1' }],
    ])
    expect(r.effects.find((e) => e.kind === 'audit')).toMatchObject({
      action: 'handover',
      details: { fromAssigneeId: 's-w1', toAssigneeId: 's-vg1', reason: '调离本网格' },
    })
  })

  it('moves a task once: a second handover of the same ticket is refused', () => {
    const once = transition(routedTicket(), handover(), ctx(actors.admin, at))
    if (!once.ok) throw new Error(once.refusal.message)
    const twice = transition(once.ticket, handover(), ctx(actors.admin, at))
    expect(twice).toEqual({
      ok: false,
      refusal: { code: 'INVALID_TRANSITION', message: '这张工单已经不在原负责人手上' },
    })
  })

  it.each([
    [
      'a worker of another grid',
      {
        ...guide,
        staffId: 's-w3',
        name: '孙网格',
        roles: ['gridWorker'],
        scope: { townId: TOWN, villageIds: [], gridIds: ['g3'] },
      },
      'INVALID_INPUT',
      '孙网格不负责青山一组，不能接手这张工单',
    ],
    [
      'someone of another town',
      { ...guide, scope: { townId: 'town-2', villageIds: ['v1'], gridIds: [] } },
      'INVALID_INPUT',
      '赵指导不负责青山一组，不能接手这张工单',
    ],
    ['the person leaving', { ...guide, staffId: 's-w1' }, 'INVALID_INPUT', '接手人不能是原负责人'],
  ] as [string, HandoverSuccessor, string, string][])(
    'refuses a successor who is %s',
    (_, to, code, message) => {
      expect(transition(routedTicket(), handover(to), ctx(actors.admin, at))).toEqual({
        ok: false,
        refusal: { code, message },
      })
    },
  )

  it('is the grid office’s to do: a village guide may not', () => {
    const r = transition(routedTicket(), handover(), ctx(actors.villageGuide1, at))
    expect(r.ok ? null : r.refusal.code).toBe('FORBIDDEN')
  })
})
