import type { Ticket } from '@shared/model/ticket'
import type { TicketCommand } from '@shared/tickets/commands'
import { COMMAND_SPECS } from '@shared/tickets/commands'
import type { Effect, NotifyEffect } from '@shared/tickets/effects'
import { notificationKey } from '@shared/tickets/effects'
import { allowedCommands, transition } from '@shared/tickets/transition'
import {
  actors,
  ctx,
  inProgressTicket,
  resolvedTicket,
  routedTicket,
  run,
  sh,
  submitCommand,
} from './fixtures'

const notices = (effects: Effect[]) => effects.filter((e): e is NotifyEffect => e.kind === 'notify')
const refusal = (
  ticket: Ticket | null,
  command: TicketCommand,
  actor = actors.worker1,
  now = sh('2025-03-10T11:00'),
) => {
  const r = transition(ticket, command, ctx(actor, now))
  if (r.ok) throw new Error(`expected a refusal for ${command.type}`)
  return r.refusal
}
const accept = (
  ticket: Ticket | null,
  command: TicketCommand,
  actor = actors.worker1,
  now = sh('2025-03-10T11:00'),
) => {
  const r = transition(ticket, command, ctx(actor, now))
  if (!r.ok) throw new Error(`${command.type} refused: ${r.refusal.message}`)
  return r
}

describe('submitting', () => {
  it('creates a submitted ticket with the reporter taken from the caller, not the command', () => {
    const { ticket, effects } = accept(null, submitCommand(), actors.resident, sh('2025-03-10T09:00'))
    expect(ticket.status).toBe('submitted')
    expect(ticket.reporter).toEqual({
      openid: 'o-resident',
      role: 'resident',
      name: '张三',
      phone: '13812341234',
    })
    expect(ticket.version).toBe(1)
    expect(ticket.timeline).toEqual([
      {
        at: sh('2025-03-10T09:00'),
        actor: { kind: 'reporter' },
        command: 'submit',
        from: null,
        to: 'submitted',
      },
    ])
    expect(effects.map((e) => e.kind)).toEqual(['timeline'])
    expect(ticket.nextDueAt).toBeNull()
  })
  it('takes the priority from the category: 安全隐患 is urgent', () => {
    const { ticket } = accept(null, submitCommand({ categoryCode: 'safety' }), actors.resident)
    expect(ticket.priority).toBe('urgent')
  })
  it('refuses an unknown or inactive category', () => {
    expect(refusal(null, submitCommand({ categoryCode: 'ufo' }), actors.resident).code).toBe('INVALID_INPUT')
    const categories = [
      {
        code: 'request',
        name: '群众诉求',
        defaultPriority: 'normal' as const,
        hint: '',
        active: false,
        order: 1,
      },
    ]
    const r = transition(null, submitCommand(), ctx(actors.resident, sh('2025-03-10T09:00'), { categories }))
    expect(r.ok).toBe(false)
  })
  it('refuses a description shorter than 5 characters and more than 9 photos', () => {
    expect(refusal(null, submitCommand({ description: '坏了' }), actors.resident)).toEqual({
      code: 'INVALID_INPUT',
      message: '问题描述至少 5 个字',
    })
    const photos = Array.from({ length: 10 }, (_, i) => `cloud://env.b/p${i}.jpg`)
    expect(refusal(null, submitCommand({ photos }), actors.resident).message).toBe('最多上传 9 张图片')
  })
  it('lets only staff raise the priority', () => {
    expect(refusal(null, submitCommand({ priority: 'urgent' }), actors.resident).code).toBe('FORBIDDEN')
    expect(accept(null, submitCommand({ priority: 'urgent' }), actors.worker1).ticket.priority).toBe('urgent')
  })
  it('lets only informants and grid workers report on behalf of a neighbour (代报)', () => {
    const onBehalfOf = { name: '王奶奶', phone: '13900001111' }
    expect(refusal(null, submitCommand({ onBehalfOf }), actors.resident).code).toBe('FORBIDDEN')
    const { ticket } = accept(null, submitCommand({ onBehalfOf, source: 'informant' }), actors.informant)
    expect(ticket.onBehalfOf).toEqual(onBehalfOf)
    expect(ticket.reporter).toMatchObject({
      openid: 'o-informant',
      staffId: 's-informant',
      role: 'informant',
    })
  })
  it('lets only the grid’s worker log a patrol finding', () => {
    expect(accept(null, submitCommand({ source: 'patrol' }), actors.worker1).ticket.source).toBe('patrol')
    expect(refusal(null, submitCommand({ source: 'patrol' }), actors.worker2).code).toBe('FORBIDDEN')
  })
  it('refuses a report into another town, or by the timer', () => {
    expect(refusal(null, submitCommand({ townId: 'town-2' }), actors.resident).code).toBe('FORBIDDEN')
    expect(refusal(null, submitCommand(), actors.system).code).toBe('FORBIDDEN')
  })
  it('refuses to submit over an existing ticket, and any other command without one', () => {
    expect(refusal(routedTicket(), submitCommand(), actors.resident).code).toBe('INVALID_TRANSITION')
    expect(refusal(null, { type: 'signFor' }).code).toBe('INVALID_TRANSITION')
  })
  it('keeps the content-security flag', () => {
    expect(accept(null, submitCommand({ flagged: true }), actors.resident).ticket.flagged).toBe(true)
  })
})

describe('routing and signing for', () => {
  it('starts the clock at dispatch and tells the reporter and the assignee', () => {
    const submitted = accept(null, submitCommand(), actors.resident, sh('2025-03-10T09:00')).ticket
    const { ticket, effects } = accept(
      submitted,
      { type: 'route', assigneeId: 's-w1', via: 'gridWorker' },
      actors.system,
      sh('2025-03-10T09:00'),
    )
    expect(ticket.status).toBe('pendingSignFor')
    expect(ticket.deadlines?.dispatchedAt).toBe(sh('2025-03-10T09:00'))
    expect(ticket.deadlines?.signFor.dueAt).toBe(sh('2025-03-10T15:30'))
    expect(ticket.deadlines?.resolve.dueAt).toBe(sh('2025-03-13T09:00'))
    expect(ticket.nextDueAt).toBe(ticket.deadlines?.signFor.remindAt)
    expect(notices(effects).map((n) => [n.template, n.recipient])).toEqual([
      ['ticketAccepted', { kind: 'reporter', openid: 'o-resident' }],
      ['taskNew', { kind: 'staff', staffId: 's-w1' }],
    ])
    expect(notices(effects)[0].data).toMatchObject({ tip: '预计3月13日 09:00前办结', status: '已受理' })
  })
  it('lets only the system route', () => {
    const submitted = accept(null, submitCommand(), actors.resident).ticket
    expect(
      refusal(submitted, { type: 'route', assigneeId: 's-w1', via: 'gridWorker' }, actors.admin).code,
    ).toBe('FORBIDDEN')
    expect(refusal(submitted, { type: 'route', assigneeId: '', via: 'gridWorker' }, actors.system).code).toBe(
      'INVALID_INPUT',
    )
  })
  it('lets the assignee sign for the ticket', () => {
    const { ticket, effects } = accept(routedTicket(), { type: 'signFor' })
    expect(ticket.status).toBe('inProgress')
    expect(ticket.signedForAt).toBe(sh('2025-03-10T11:00'))
    expect(notices(effects)[0]).toMatchObject({ template: 'ticketProgress', data: { status: '已签收' } })
  })
  it('a grid worker cannot sign for another grid’s ticket', () => {
    expect(refusal(routedTicket(), { type: 'signFor' }, actors.worker2)).toEqual({
      code: 'FORBIDDEN',
      message: '您没有权限对此工单进行“签收”',
    })
  })
  it('refuses to sign for twice', () => {
    expect(refusal(inProgressTicket(), { type: 'signFor' })).toEqual({
      code: 'INVALID_TRANSITION',
      message: '办理中的工单不能签收',
    })
  })
  it('refuses anyone from another town, whatever their role', () => {
    expect(refusal(routedTicket(), { type: 'reject', reason: '无效信息' }, actors.outsider).code).toBe(
      'FORBIDDEN',
    )
  })
})

describe('handling', () => {
  it('records progress with its photos on the timeline and tells the reporter', () => {
    const { ticket, effects } = accept(inProgressTicket(), {
      type: 'addProgress',
      note: '已联系电工',
      photos: ['cloud://env.b/x.jpg'],
    })
    expect(ticket.status).toBe('inProgress')
    expect(ticket.timeline.at(-1)).toMatchObject({
      command: 'addProgress',
      note: '已联系电工',
      photos: ['cloud://env.b/x.jpg'],
    })
    expect(notices(effects)[0].data).toMatchObject({ progress: '已联系电工' })
  })
  it('refuses progress without words', () => {
    expect(refusal(inProgressTicket(), { type: 'addProgress', note: ' ' }).code).toBe('INVALID_INPUT')
    expect(
      refusal(inProgressTicket(), { type: 'addProgress', note: '好的好的', photos: ['http://x'] }).code,
    ).toBe('INVALID_INPUT')
  })
  it('pauses the clock while waiting on the resident', () => {
    const { ticket } = accept(inProgressTicket(), { type: 'requestInfo', question: '请提供具体位置' })
    expect(ticket.status).toBe('awaitingInfo')
    expect(ticket.pausedAt).toBe(sh('2025-03-10T11:00'))
    expect(ticket.nextDueAt).toBeNull()
    expect(refusal(inProgressTicket(), { type: 'requestInfo', question: '?' }).code).toBe('INVALID_INPUT')
  })
  it('pushes the deadlines by the paused working time when the resident answers', () => {
    const waiting = accept(
      inProgressTicket(),
      { type: 'requestInfo', question: '请提供具体位置' },
      actors.worker1,
      sh('2025-03-10T11:00'),
    ).ticket
    // paused Monday 11:00 → Tuesday 11:00: one full working day (390 working minutes)
    const { ticket, effects } = accept(
      waiting,
      { type: 'resume', note: '在村口东边第三根电杆' },
      actors.resident,
      sh('2025-03-11T11:00'),
    )
    expect(ticket.status).toBe('inProgress')
    expect(ticket.pausedAt).toBeNull()
    expect(ticket.deadlines?.resolve.dueAt).toBe(sh('2025-03-14T09:00'))
    expect(notices(effects)[0]).toMatchObject({
      template: 'taskNew',
      recipient: { kind: 'staff', staffId: 's-w1' },
    })
    expect(ticket.timeline.at(-1)?.actor).toEqual({ kind: 'reporter' })
  })
  it('lets the assignee end the wait, and tells the reporter', () => {
    const waiting = accept(inProgressTicket(), { type: 'requestInfo', question: '请提供具体位置' }).ticket
    const { effects } = accept(
      waiting,
      { type: 'resume', note: '已电话联系确认' },
      actors.worker1,
      sh('2025-03-10T15:00'),
    )
    expect(notices(effects)[0].template).toBe('ticketProgress')
    expect(refusal(waiting, { type: 'resume', note: '我来补充' }, actors.otherResident).code).toBe(
      'FORBIDDEN',
    )
    expect(refusal(waiting, { type: 'resume', note: '' }, actors.resident).code).toBe('INVALID_INPUT')
    expect(refusal(waiting, { type: 'resume', note: '照片', photos: ['x'] }, actors.resident).code).toBe(
      'INVALID_INPUT',
    )
  })
  it('resolves with a result and asks the reporter to rate', () => {
    const { ticket, effects } = accept(inProgressTicket(), {
      type: 'resolve',
      result: '已更换灯泡',
      photos: [],
    })
    expect(ticket.status).toBe('resolved')
    expect(ticket.resolution).toEqual({
      result: '已更换灯泡',
      photos: [],
      at: sh('2025-03-10T11:00'),
      byStaffId: 's-w1',
    })
    expect(notices(effects)[0]).toMatchObject({
      template: 'ticketResolved',
      data: { tip: '请确认办理结果并评价' },
    })
    expect(ticket.nextDueAt).toBe(sh('2025-03-17T11:00')) // auto-close after 7 days
    expect(refusal(inProgressTicket(), { type: 'resolve', result: '' }).code).toBe('INVALID_INPUT')
    expect(refusal(inProgressTicket(), { type: 'resolve', result: '好了', photos: ['bad'] }).code).toBe(
      'INVALID_INPUT',
    )
  })
  it('cannot resolve before signing for', () => {
    expect(refusal(routedTicket(), { type: 'resolve', result: '已处理' }).code).toBe('INVALID_TRANSITION')
  })
})

describe('closing the loop', () => {
  it('closes with the reporter’s rating', () => {
    const { ticket, effects } = accept(
      resolvedTicket(),
      { type: 'confirm', rating: 5, comment: '很及时' },
      actors.resident,
    )
    expect(ticket.status).toBe('closed')
    expect(ticket.rating).toEqual({ score: 5, comment: '很及时', at: sh('2025-03-10T11:00') })
    expect(ticket.closedAt).toBe(sh('2025-03-10T11:00'))
    expect(ticket.nextDueAt).toBeNull()
    expect(effects).toHaveLength(1)
  })
  it('takes a rating without a comment', () => {
    expect(accept(resolvedTicket(), { type: 'confirm', rating: 3 }, actors.resident).ticket.rating).toEqual({
      score: 3,
      at: sh('2025-03-10T11:00'),
    })
  })
  it('refuses a rating outside 1–5 or a fraction, and an over-long comment', () => {
    expect(refusal(resolvedTicket(), { type: 'confirm', rating: 6 }, actors.resident).message).toBe(
      '评分最高 5 分',
    )
    expect(refusal(resolvedTicket(), { type: 'confirm', rating: 4.5 }, actors.resident).code).toBe(
      'INVALID_INPUT',
    )
    expect(
      refusal(resolvedTicket(), { type: 'confirm', rating: 4, comment: '好'.repeat(201) }, actors.resident)
        .code,
    ).toBe('INVALID_INPUT')
  })
  it('lets only the reporter confirm', () => {
    expect(refusal(resolvedTicket(), { type: 'confirm', rating: 5 }, actors.worker1).code).toBe('FORBIDDEN')
    expect(refusal(resolvedTicket(), { type: 'confirm', rating: 5 }, actors.otherResident).code).toBe(
      'FORBIDDEN',
    )
  })
  it('reopens (重办) to the same assignee with a fresh window, never earlier', () => {
    const closed = accept(
      resolvedTicket(),
      { type: 'confirm', rating: 1 },
      actors.resident,
      sh('2025-03-11T12:00'),
    ).ticket
    const { ticket, effects } = accept(
      closed,
      { type: 'reopen', reason: '灯又不亮了' },
      actors.resident,
      sh('2025-03-14T10:00'),
    )
    expect(ticket.status).toBe('inProgress')
    expect(ticket.reopenCount).toBe(1)
    expect(ticket.rating).toBeNull()
    expect(ticket.resolution).toBeNull()
    expect(ticket.closedAt).toBeNull()
    expect(ticket.deadlines?.resolve.dueAt).toBe(sh('2025-03-19T10:00'))
    expect(notices(effects)[0]).toMatchObject({
      template: 'taskNew',
      recipient: { kind: 'staff', staffId: 's-w1' },
    })
  })
  it('refuses a reopen after the window', () => {
    const closed = accept(
      resolvedTicket(),
      { type: 'confirm', rating: 1 },
      actors.resident,
      sh('2025-03-11T12:00'),
    ).ticket
    expect(
      refusal(closed, { type: 'reopen', reason: '又坏了' }, actors.resident, sh('2025-03-27T12:00')),
    ).toEqual({
      code: 'INVALID_TRANSITION',
      message: '已超过重办期限',
    })
  })
  it('refuses a reopen by anyone but the reporter, or without a reason', () => {
    expect(refusal(resolvedTicket(), { type: 'reopen', reason: '没修好' }, actors.villageGuide1).code).toBe(
      'FORBIDDEN',
    )
    expect(refusal(resolvedTicket(), { type: 'reopen', reason: '没' }, actors.resident).code).toBe(
      'INVALID_INPUT',
    )
  })
  it('stops reopening after the limit', () => {
    let t = resolvedTicket()
    for (let i = 0; i < 2; i++) {
      t = accept(t, { type: 'reopen', reason: '还是没修好' }, actors.resident, sh('2025-03-11T11:00')).ticket
      t = accept(t, { type: 'resolve', result: '再次修理' }, actors.worker1, sh('2025-03-11T15:00')).ticket
    }
    expect(refusal(t, { type: 'reopen', reason: '还是没修好' }, actors.resident).message).toBe(
      '重办次数已达上限，请联系镇网格办',
    )
  })
  it('closes a resolved ticket nobody rated after 7 days, not before', () => {
    const resolved = resolvedTicket()
    expect(refusal(resolved, { type: 'autoClose' }, actors.system, sh('2025-03-18T09:59')).code).toBe(
      'INVALID_TRANSITION',
    )
    const { ticket } = accept(resolved, { type: 'autoClose' }, actors.system, sh('2025-03-18T10:00'))
    expect(ticket.status).toBe('closed')
    expect(ticket.rating).toBeNull()
    expect(refusal(resolved, { type: 'autoClose' }, actors.admin, sh('2025-03-18T10:00')).code).toBe(
      'FORBIDDEN',
    )
  })
})

describe('corrections', () => {
  it('a returned ticket keeps its resolve deadline and goes to the village guides', () => {
    const routed = routedTicket()
    const { ticket, effects } = accept(routed, { type: 'returnTicket', reason: '不属于本网格' })
    expect(ticket.status).toBe('returned')
    expect(ticket.assigneeId).toBeNull()
    expect(ticket.deadlines).toEqual(routed.deadlines)
    expect(notices(effects)[0]).toMatchObject({
      template: 'taskNew',
      recipient: { kind: 'villageGuides', villageId: 'v1' },
    })
    expect(effects.some((e) => e.kind === 'audit')).toBe(true)
    expect(refusal(routed, { type: 'returnTicket', reason: '' }).code).toBe('INVALID_INPUT')
  })
  it('a re-dispatched ticket keeps its deadlines', () => {
    const returned = accept(routedTicket(), { type: 'returnTicket', reason: '不属于本网格' }).ticket
    const { ticket } = accept(
      returned,
      { type: 'redispatch', villageId: 'v1', gridId: 'g2', assigneeId: 's-w2' },
      actors.villageGuide1,
      sh('2025-03-12T10:00'),
    )
    expect(ticket).toMatchObject({
      status: 'pendingSignFor',
      gridId: 'g2',
      assigneeId: 's-w2',
      deadlines: returned.deadlines,
    })
    expect(ticket.timeline.at(-1)?.note).toBe('派给青山二组')
  })
  it('lets a village guide re-dispatch only within their villages', () => {
    const returned = accept(routedTicket(), { type: 'returnTicket', reason: '不属于本网格' }).ticket
    const to = { type: 'redispatch', villageId: 'v2', gridId: 'g3', assigneeId: 's-w3' } as const
    expect(refusal(returned, to, actors.villageGuide1).message).toBe('只能派给您负责的村的网格')
    expect(refusal(returned, to, actors.villageGuide2).code).toBe('FORBIDDEN')
    // A town guide is linked to v1 only: v2 is outside their scope too; the grid office is town-wide.
    expect(refusal(returned, to, actors.townGuide).code).toBe('FORBIDDEN')
    expect(accept(returned, to, actors.admin).ticket.gridId).toBe('g3')
    expect(refusal(returned, { ...to, assigneeId: '' }, actors.admin).code).toBe('INVALID_INPUT')
    expect(refusal(returned, { ...to, note: 'x' }, actors.admin).code).toBe('INVALID_INPUT')
  })
  it('starts the clock when a guide dispatches a ticket nobody could be routed to', () => {
    const submitted = accept(null, submitCommand(), actors.resident, sh('2025-03-10T09:00')).ticket
    const { ticket } = accept(
      submitted,
      { type: 'redispatch', villageId: 'v1', gridId: 'g1', assigneeId: 's-w1', note: '网格员已到岗' },
      actors.villageGuide1,
      sh('2025-03-10T14:30'),
    )
    expect(ticket.deadlines?.dispatchedAt).toBe(sh('2025-03-10T14:30'))
  })
  it('a transferred ticket keeps its deadlines and must be signed for again', () => {
    const working = inProgressTicket()
    const { ticket, effects } = accept(working, {
      type: 'transfer',
      villageId: 'v2',
      gridId: 'g3',
      assigneeId: 's-w3',
      reason: '事发地在绿水村',
    })
    expect(ticket).toMatchObject({
      status: 'pendingSignFor',
      gridId: 'g3',
      villageId: 'v2',
      signedForAt: null,
    })
    expect(ticket.deadlines).toEqual(working.deadlines)
    expect(notices(effects).map((n) => n.template)).toEqual(['taskNew', 'ticketProgress'])
    expect(notices(effects)[1].data).toMatchObject({ progress: '已转交绿水一组办理' })
  })
  it('refuses a transfer to the same grid or without a reason', () => {
    const t = inProgressTicket()
    expect(
      refusal(t, { type: 'transfer', villageId: 'v1', gridId: 'g1', assigneeId: 's-w1', reason: '转给自己' })
        .message,
    ).toBe('不能转办给本网格')
    expect(
      refusal(t, { type: 'transfer', villageId: 'v1', gridId: 'g2', assigneeId: 's-w2', reason: '' }).code,
    ).toBe('INVALID_INPUT')
    expect(
      refusal(t, { type: 'transfer', villageId: 'v1', gridId: 'g2', assigneeId: '', reason: '转走了' }).code,
    ).toBe('INVALID_INPUT')
  })
  it('rejects an invalid report with a reason, and records a duplicate', () => {
    const { ticket } = accept(routedTicket(), { type: 'reject', reason: '信息不实' }, actors.villageGuide1)
    expect(ticket.rejection).toEqual({ kind: 'invalid', reason: '信息不实', at: sh('2025-03-10T11:00') })
    expect(ticket.nextDueAt).toBeNull()
    const dup = accept(
      routedTicket(),
      { type: 'markDuplicate', duplicateOf: 't-0', reason: '同一盏路灯' },
      actors.admin,
    ).ticket
    expect(dup.rejection).toMatchObject({ kind: 'duplicate', duplicateOf: 't-0' })
    expect(
      refusal(
        routedTicket(),
        { type: 'markDuplicate', duplicateOf: 't-1', reason: '同一盏路灯' },
        actors.admin,
      ).code,
    ).toBe('INVALID_INPUT')
    expect(
      refusal(routedTicket(), { type: 'markDuplicate', duplicateOf: 't-0', reason: '' }, actors.admin).code,
    ).toBe('INVALID_INPUT')
    expect(refusal(routedTicket(), { type: 'reject', reason: '' }, actors.admin).code).toBe('INVALID_INPUT')
  })
  it('does not let a grid worker reject, nor a guide of another village', () => {
    expect(refusal(routedTicket(), { type: 'reject', reason: '信息不实' }, actors.worker1).code).toBe(
      'FORBIDDEN',
    )
    expect(refusal(routedTicket(), { type: 'reject', reason: '信息不实' }, actors.villageGuide2).code).toBe(
      'FORBIDDEN',
    )
  })
  it('nothing leaves rejected', () => {
    const rejected = accept(
      routedTicket(),
      { type: 'reject', reason: '信息不实' },
      actors.villageGuide1,
    ).ticket
    expect(refusal(rejected, { type: 'reopen', reason: '我有证据' }, actors.resident).code).toBe(
      'INVALID_TRANSITION',
    )
    expect(allowedCommands(rejected, actors.admin)).toEqual([])
  })
})

describe('the timeline and the version', () => {
  it('adds one entry per accepted command, with who, when, from → to and why', () => {
    const t = run(
      [[{ type: 'returnTicket', reason: '不属于本网格' }, actors.worker1, sh('2025-03-10T10:00')]],
      routedTicket(),
    )
    expect(t.timeline.at(-1)).toEqual({
      at: sh('2025-03-10T10:00'),
      actor: { kind: 'staff', staffId: 's-w1', name: '李网格', role: 'gridWorker' },
      command: 'returnTicket',
      from: 'pendingSignFor',
      to: 'returned',
      note: '不属于本网格',
    })
    expect(t.version).toBe(3)
  })
  it('names a grid worker handling their own patrol finding as staff, and the informant reporting as the reporter', () => {
    const patrol = run([
      [submitCommand({ source: 'patrol' }), actors.worker1, sh('2025-03-10T09:00')],
      [{ type: 'route', assigneeId: 's-w1', via: 'gridWorker' }, actors.system, sh('2025-03-10T09:00')],
      [{ type: 'signFor' }, actors.worker1, sh('2025-03-10T09:05')],
    ])
    expect(patrol.timeline.map((e) => e.actor.kind)).toEqual(['reporter', 'system', 'staff'])
  })
  it('names a staff member by their highest role', () => {
    const t = run(
      [[{ type: 'reject', reason: '信息不实' }, actors.villageGuide1, sh('2025-03-10T10:00')]],
      routedTicket(),
    )
    expect(t.timeline.at(-1)?.actor).toEqual({ kind: 'staff', staffId: 's-vg1', role: 'villageGuide' })
  })
  it('keys notifications by ticket version, so a retried call sends nothing twice', () => {
    const { ticket, effects } = accept(routedTicket(), { type: 'signFor' })
    const keys = notices(effects).map((n) => notificationKey(n, ticket.version))
    expect(keys).toEqual(['t-1:v3:ticketProgress:reporter:o-resident'])
    const guides = {
      kind: 'notify',
      ticketId: 't',
      template: 'taskDue',
      recipient: { kind: 'townGuides', villageId: 'v1' },
    } as NotifyEffect
    expect(notificationKey(guides, 4)).toBe('t:v4:taskDue:townGuides:v1')
    expect(
      notificationKey({ ...guides, recipient: { kind: 'staff', staffId: 's' } } as NotifyEffect, 4),
    ).toBe('t:v4:taskDue:staff:s')
  })
})

describe('allowed commands', () => {
  it('shows each viewer only their buttons', () => {
    const routed = routedTicket()
    expect(allowedCommands(routed, actors.worker1)).toEqual(['signFor', 'returnTicket', 'transfer'])
    expect(allowedCommands(routed, actors.villageGuide1)).toEqual([
      'reassign',
      'reject',
      'markDuplicate',
      'remind',
    ])
    expect(allowedCommands(routed, actors.resident)).toEqual([])
    expect(allowedCommands(resolvedTicket(), actors.resident)).toEqual(['confirm', 'reopen'])
    const returned = accept(routed, { type: 'returnTicket', reason: '不属于本网格' }).ticket
    expect(allowedCommands(returned, actors.villageGuide1)).toEqual(['redispatch', 'reject', 'markDuplicate'])
  })
  it('lists every command in the status table', () => {
    const WORKING = ['pendingSignFor', 'inProgress']
    const CORRECTABLE = ['submitted', 'pendingSignFor', 'inProgress', 'awaitingInfo', 'returned']
    const CHASEABLE = ['pendingSignFor', 'inProgress', 'returned']
    expect(COMMAND_SPECS).toEqual({
      submit: { label: '提交', from: [], to: 'submitted' },
      route: { label: '派单', from: ['submitted'], to: 'pendingSignFor' },
      signFor: { label: '签收', from: ['pendingSignFor'], to: 'inProgress' },
      addProgress: { label: '反馈进展', from: ['inProgress'], to: null },
      requestInfo: { label: '请群众补充', from: ['inProgress'], to: 'awaitingInfo' },
      resume: { label: '继续办理', from: ['awaitingInfo'], to: 'inProgress' },
      resolve: { label: '办结', from: ['inProgress'], to: 'resolved' },
      confirm: { label: '确认评价', from: ['resolved'], to: 'closed' },
      reopen: { label: '重办', from: ['resolved', 'closed'], to: 'inProgress' },
      returnTicket: { label: '退单', from: WORKING, to: 'returned' },
      redispatch: { label: '重新派单', from: ['submitted', 'returned'], to: 'pendingSignFor' },
      transfer: { label: '转办', from: WORKING, to: 'pendingSignFor' },
      // 改派 takes a ticket from the person holding it (not yet signed for, or being worked on);
      // like 转办 the new holder must sign for it. A returned ticket has no holder: that is 重新派单.
      reassign: { label: '改派', from: WORKING, to: 'pendingSignFor' },
      reject: { label: '不予受理', from: CORRECTABLE, to: 'rejected' },
      markDuplicate: { label: '重复件', from: CORRECTABLE, to: 'rejected' },
      escalate: { label: '升级督办', from: CHASEABLE, to: null },
      remind: { label: '催办', from: CHASEABLE, to: null },
      autoClose: { label: '自动办结', from: ['resolved'], to: 'closed' },
      // 移交 moves every ticket that sits with the person leaving, including one waiting for the
      // reporter's answer, and changes only its holder: the status stays where the work was.
      handover: { label: '移交', from: ['pendingSignFor', 'inProgress', 'awaitingInfo'], to: null },
    })
  })
  it('never offers 移交 as a button: the office does it from the roster, for all of a person’s tasks', () => {
    expect(allowedCommands(routedTicket(), actors.admin)).not.toContain('handover')
    expect(allowedCommands(inProgressTicket(), actors.admin)).not.toContain('handover')
  })
})
