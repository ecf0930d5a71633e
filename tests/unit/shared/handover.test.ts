import type { HandoverSuccessor, TicketCommand } from '@shared/tickets/commands'
import type { NotifyEffect } from '@shared/tickets/effects'
import { transition } from '@shared/tickets/transition'
import { TOWN, actors, ctx, inProgressTicket, resolvedTicket, routedTicket, run, sh } from './fixtures'

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

describe('handover (移交): what the new holder is told, and what stays', () => {
  const dueOf = (r: ReturnType<typeof transition>) => {
    if (!r.ok) throw new Error(r.refusal.message)
    const notice = r.effects.find((e): e is NotifyEffect => e.kind === 'notify')
    return notice?.template === 'taskNew' ? notice.data.dueAt : undefined
  }
  it('gives the sign-for deadline for a ticket still to be signed for', () => {
    expect(dueOf(transition(routedTicket(), handover(), ctx(actors.admin, at)))).toBe(
      '2025-03-10T07:30:00.000Z',
    )
  })
  it('gives the resolve deadline for a ticket being worked on', () => {
    expect(dueOf(transition(inProgressTicket(), handover(), ctx(actors.admin, at)))).toBe(
      '2025-03-13T01:00:00.000Z',
    )
  })
  it('gives the time of the handover for a ticket without deadlines, whatever its status', () => {
    for (const t of [routedTicket(), inProgressTicket()]) {
      expect(dueOf(transition({ ...t, deadlines: null }, handover(), ctx(actors.admin, at)))).toBe(at)
    }
  })
  it('moves a ticket waiting on the reporter and leaves it waiting', () => {
    const waiting = run(
      [[{ type: 'requestInfo', question: '具体是哪一盏灯？' }, actors.worker1, sh('2025-03-10T11:00')]],
      inProgressTicket(),
    )
    const r = transition(waiting, handover(), ctx(actors.admin, at))
    if (!r.ok) throw new Error(r.refusal.message)
    expect(r.ticket).toMatchObject({
      status: 'awaitingInfo',
      assigneeId: 's-vg1',
      pausedAt: waiting.pausedAt,
    })
  })
  it('says 新负责人 on the timeline when the successor has no name', () => {
    const { name: _name, ...unnamed } = guide
    const r = transition(routedTicket(), handover(unnamed), ctx(actors.admin, at))
    expect(r.ok && r.ticket.timeline.at(-1)?.note).toBe('移交给新负责人：调离本网格')
  })
})

describe('handover (移交): refusals', () => {
  it.each([
    [
      'a returned ticket (nobody holds it)',
      () => run([[{ type: 'returnTicket', reason: '不属于本网格' }, actors.worker1, at]], routedTicket()),
      '已退单的工单不能移交',
    ],
    ['a resolved ticket', resolvedTicket, '待评价的工单不能移交'],
  ])('refuses %s', (_what, ticket, message) => {
    expect(transition(ticket(), handover(), ctx(actors.admin, at))).toEqual({
      ok: false,
      refusal: { code: 'INVALID_TRANSITION', message },
    })
  })
  it('refuses a handover without a reason', () => {
    expect(
      transition(
        routedTicket(),
        { type: 'handover', fromAssigneeId: 's-w1', to: guide, reason: ' ' },
        ctx(actors.admin, at),
      ),
    ).toEqual({
      ok: false,
      refusal: { code: 'INVALID_INPUT', message: '原因至少 2 个字' },
    })
  })
  it('words the refusal without names when the successor and the grid have none', () => {
    const { name: _name, ...unnamed } = guide
    const elsewhere = { ...unnamed, scope: { townId: TOWN, villageIds: ['v2'], gridIds: [] } }
    expect(transition(routedTicket(), handover(elsewhere), ctx(actors.admin, at, { names: {} }))).toEqual({
      ok: false,
      refusal: { code: 'INVALID_INPUT', message: '接手人不负责这个网格，不能接手这张工单' },
    })
  })
})
