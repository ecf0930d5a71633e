import {
  computeDeadlines,
  resumeDeadlines,
  reopenDeadlines,
  addDuration,
} from '@shared/deadlines/computeDeadlines'
import { computeNextDueAt, dueActions, type DueAction } from '@shared/deadlines/dueActions'
import { LADDER, levelName, stepDueAt } from '@shared/deadlines/escalationLadder'
import {
  DEFAULT_RULES,
  describeDuration,
  durationMinutes,
  timeLimitFor,
  type TownRules,
} from '@shared/deadlines/timeLimitRules'
import type { Ticket } from '@shared/model/ticket'
import { transition } from '@shared/tickets/transition'
import type { TicketCommand } from '@shared/tickets/commands'
import {
  actors,
  calendar,
  ctx,
  inProgressTicket,
  resolvedTicket,
  routedTicket,
  rules,
  run,
  sh,
  submitCommand,
} from './fixtures'

const ladder = DEFAULT_RULES.ladder
const fireAll = (ticket: Ticket, now: string): { ticket: Ticket; fired: DueAction[] } => {
  const { actions } = dueActions(ticket, now, rules, calendar)
  let t = ticket
  for (const a of actions) {
    const command: TicketCommand =
      a.command === 'autoClose' ? { type: 'autoClose' } : ({ type: a.command, step: a.step } as TicketCommand)
    const r = transition(t, command, ctx(actors.system, now))
    if (!r.ok) throw new Error(r.refusal.message)
    t = r.ticket
  }
  return { ticket: t, fired: actions }
}

describe('time-limit rules', () => {
  it('gives 安全隐患 30 minutes to sign for and 24 hours to resolve, on the wall clock', () => {
    expect(timeLimitFor(rules, 'safety', 'urgent')).toMatchObject({
      signFor: { amount: 30, unit: 'minutes' },
      resolve: { amount: 24, unit: 'hours' },
    })
  })
  it.each([
    ['dispute', '4个工作小时', '7个工作日'],
    ['request', '4个工作小时', '3个工作日'],
    ['environment', '4个工作小时', '3个工作日'],
    ['other', '4个工作小时', '3个工作日'],
    ['question', '4个工作小时', '1个工作日'],
    ['opinion', '4个工作小时', '1个工作日'],
  ])('gives %s %s to sign for and %s to resolve', (code, signFor, resolve) => {
    const limit = timeLimitFor(rules, code, 'normal')
    expect([describeDuration(limit.signFor), describeDuration(limit.resolve)]).toEqual([signFor, resolve])
  })
  it('prefers a rule for the exact priority, then the category, then the fallback', () => {
    const custom: TownRules = {
      ...rules,
      timeLimits: [
        ...rules.timeLimits,
        {
          categoryCode: 'dispute',
          priority: 'urgent',
          signFor: { amount: 1, unit: 'hours' },
          resolve: { amount: 2, unit: 'days' },
        },
      ],
    }
    expect(timeLimitFor(custom, 'dispute', 'urgent').resolve).toEqual({ amount: 2, unit: 'days' })
    expect(timeLimitFor(custom, 'dispute', 'normal').resolve).toEqual({ amount: 7, unit: 'workingDays' })
    expect(timeLimitFor(custom, 'new-kind', 'urgent')).toBe(rules.fallbackTimeLimits.urgent)
  })
  it('measures durations in minutes of their own basis', () => {
    expect(durationMinutes({ amount: 2, unit: 'workingDays' }, 390)).toBe(780)
    expect(durationMinutes({ amount: 1, unit: 'days' }, 390)).toBe(1440)
    expect(describeDuration({ amount: 2, unit: 'hours' })).toBe('2小时')
    expect(describeDuration({ amount: 3, unit: 'days' })).toBe('3天')
    expect(describeDuration({ amount: 5, unit: 'minutes' })).toBe('5分钟')
  })
})

describe('computing deadlines at dispatch', () => {
  it('runs an urgent hazard’s clock through the night and the weekend', () => {
    const d = computeDeadlines(
      calendar,
      sh('2025-03-08T22:00'),
      timeLimitFor(rules, 'safety', 'urgent'),
      ladder,
    )
    expect(d.signFor).toEqual({
      dueAt: sh('2025-03-08T22:30'),
      remindAt: new Date('2025-03-08T22:22:30+08:00').toISOString(),
      basis: 'calendar',
    })
    expect(d.resolve).toEqual({
      dueAt: sh('2025-03-09T22:00'),
      remindAt: sh('2025-03-09T21:00'),
      basis: 'calendar',
    })
  })
  it('reminds 25% of a short window early, but at most one working hour', () => {
    const d = computeDeadlines(
      calendar,
      sh('2025-03-10T09:00'),
      timeLimitFor(rules, 'dispute', 'normal'),
      ladder,
    )
    expect(d.signFor.remindAt).toBe(sh('2025-03-10T12:00'))
    expect(d.signFor.dueAt).toBe(sh('2025-03-10T15:30'))
    expect(d.resolve.dueAt).toBe(sh('2025-03-19T09:00'))
    expect(d.resolve.remindAt).toBe(sh('2025-03-18T17:00'))
  })
  it('starts a working window at the next session when dispatched at night', () => {
    const d = computeDeadlines(
      calendar,
      sh('2025-03-14T21:00'),
      timeLimitFor(rules, 'question', 'normal'),
      ladder,
    )
    expect(d.signFor.dueAt).toBe(sh('2025-03-17T15:00'))
    expect(d.resolve.dueAt).toBe(sh('2025-03-17T17:30'))
  })
  it('runs a 调休 weekend’s working day like any other', () => {
    const d = computeDeadlines(
      calendar,
      sh('2025-09-27T17:00'),
      timeLimitFor(rules, 'dispute', 'normal'),
      ladder,
    )
    // Sat 09-27 is off; Sun 09-28 is a make-up workday; 09-29, 09-30; 10-01 … 10-08 off;
    // 10-09, 10-10, Sat 10-11 (make-up), Mon 10-13: seven working days end at 17:30 on 10-13
    expect(d.signFor.dueAt).toBe(sh('2025-09-28T15:00'))
    expect(d.resolve.dueAt).toBe(sh('2025-10-13T17:30'))
  })
})

describe('pausing and reopening', () => {
  const d = computeDeadlines(
    calendar,
    sh('2025-03-10T09:00'),
    timeLimitFor(rules, 'request', 'normal'),
    ladder,
  )
  it('pushes working deadlines by the paused working time only', () => {
    // paused Friday 17:00 → Monday 09:30: half an hour of Friday, an hour on Monday
    const pushed = resumeDeadlines(calendar, d, sh('2025-03-14T17:00'), sh('2025-03-17T09:30'))
    expect(pushed.resolve.dueAt).toBe(sh('2025-03-13T10:30'))
  })
  it('pushes wall-clock deadlines by the paused wall-clock time', () => {
    const urgent = computeDeadlines(
      calendar,
      sh('2025-03-08T22:00'),
      timeLimitFor(rules, 'safety', 'urgent'),
      ladder,
    )
    const pushed = resumeDeadlines(calendar, urgent, sh('2025-03-08T23:00'), sh('2025-03-09T01:00'))
    expect(pushed.resolve.dueAt).toBe(sh('2025-03-10T00:00'))
  })
  it('never pulls a deadline earlier, even for a resume dated before the pause', () => {
    expect(resumeDeadlines(calendar, d, sh('2025-03-11T10:00'), sh('2025-03-11T09:00'))).toEqual(d)
  })
  it('keeps the later of the old and the fresh resolve window on reopen', () => {
    const limit = timeLimitFor(rules, 'request', 'normal')
    const quick = timeLimitFor(rules, 'question', 'normal')
    expect(reopenDeadlines(calendar, d, sh('2025-03-10T10:00'), quick, ladder).resolve).toEqual(d.resolve)
    expect(reopenDeadlines(calendar, d, sh('2025-03-20T10:00'), limit, ladder).resolve.dueAt).toBe(
      sh('2025-03-25T10:00'),
    )
  })
  it('adds calendar days for auto-close', () => {
    expect(addDuration(calendar, sh('2025-03-10T10:00'), { amount: 7, unit: 'days' })).toBe(
      sh('2025-03-17T10:00'),
    )
  })
})

describe('the escalation ladder', () => {
  it('does nothing before the first reminder, and says when to look again', () => {
    const t = routedTicket()
    expect(dueActions(t, sh('2025-03-10T11:59'), rules, calendar)).toEqual({
      actions: [],
      nextDueAt: sh('2025-03-10T12:00'),
    })
  })
  it('reminds the assignee an hour before the sign-for deadline', () => {
    const { ticket, fired } = fireAll(routedTicket(), sh('2025-03-10T12:00'))
    expect(fired).toEqual([{ command: 'remind', step: 'signForReminder', dueAt: sh('2025-03-10T12:00') }])
    expect(ticket.escalation.level).toBe(0)
    expect(ticket.nextDueAt).toBe(sh('2025-03-10T15:30'))
  })
  it('sends a missed sign-for to the village guide (催办), level 1', () => {
    const { ticket } = fireAll(fireAll(routedTicket(), sh('2025-03-10T12:00')).ticket, sh('2025-03-10T15:30'))
    expect(ticket.escalation.level).toBe(1)
    expect(ticket.timeline.at(-1)).toMatchObject({
      command: 'escalate',
      note: '催办：超时未签收',
      from: 'pendingSignFor',
      to: 'pendingSignFor',
    })
  })
  it('skips a reminder discovered only after its deadline: the overdue step fires instead', () => {
    const r = dueActions(routedTicket(), sh('2025-03-10T16:00'), rules, calendar)
    expect(r.actions.map((a) => ('step' in a ? a.step : a.command))).toEqual(['signForOverdue'])
  })
  it('does not escalate the same level twice', () => {
    const once = fireAll(routedTicket(), sh('2025-03-10T16:00')).ticket
    expect(dueActions(once, sh('2025-03-10T16:05'), rules, calendar).actions).toEqual([])
    const again = transition(
      once,
      { type: 'escalate', step: 'signForOverdue' },
      ctx(actors.system, sh('2025-03-10T16:05')),
    )
    expect(again).toEqual({
      ok: false,
      refusal: { code: 'INVALID_TRANSITION', message: '该提醒或督办尚未到期，或已经发出' },
    })
  })
  it('refuses an escalation before it is due', () => {
    const r = transition(
      routedTicket(),
      { type: 'escalate', step: 'resolveOverdue' },
      ctx(actors.system, sh('2025-03-10T16:00')),
    )
    expect(r.ok).toBe(false)
    const remind = transition(
      routedTicket(),
      { type: 'remind', step: 'resolveReminder' },
      ctx(actors.system, sh('2025-03-10T16:00')),
    )
    expect(remind.ok).toBe(false)
  })
  it('sends a missed resolve deadline to the town guides (督办), then the supervisors a working day later (挂牌督办)', () => {
    let t = inProgressTicket()
    t = fireAll(t, sh('2025-03-12T17:00')).ticket // resolve reminder
    const atDue = fireAll(t, sh('2025-03-13T09:00'))
    expect(atDue.fired.map((a) => ('step' in a ? a.step : ''))).toEqual(['resolveOverdue'])
    expect(atDue.ticket.escalation.level).toBe(2)
    expect(atDue.ticket.nextDueAt).toBe(sh('2025-03-14T09:00'))
    const later = fireAll(atDue.ticket, sh('2025-03-14T09:00'))
    expect(later.ticket.escalation.level).toBe(3)
    expect(later.ticket.nextDueAt).toBeNull()
  })
  it('alerts the assignee and the level’s audience with the level’s name', () => {
    const t = fireAll(inProgressTicket(), sh('2025-03-13T09:00')).ticket
    const r = transition(
      t,
      { type: 'escalate', step: 'supervisorOverdue' },
      ctx(actors.system, sh('2025-03-14T09:00')),
    )
    if (!r.ok) throw new Error(r.refusal.message)
    const notes = r.effects.filter((e) => e.kind === 'notify')
    expect(notes.map((n) => n.kind === 'notify' && n.recipient)).toEqual([
      { kind: 'staff', staffId: 's-w1' },
      { kind: 'supervisors', villageId: 'v1' },
    ])
    expect(notes[1]).toMatchObject({
      template: 'overdueAlert',
      data: { level: '挂牌督办', overdue: '超时未办结，已逾1天', assigneeName: '李网格' },
    })
  })
  it('fires everything that is due at once, in ladder order, after a long outage', () => {
    const r = dueActions(routedTicket(), sh('2025-04-01T09:00'), rules, calendar)
    expect(r.actions.map((a) => ('step' in a ? a.step : a.command))).toEqual([
      'signForOverdue',
      'resolveOverdue',
      'supervisorOverdue',
    ])
    expect(r.nextDueAt).toBeNull()
  })
  it('stops the clock while waiting on the resident', () => {
    const waiting = run(
      [[{ type: 'requestInfo', question: '请补充位置' }, actors.worker1, sh('2025-03-10T11:00')]],
      inProgressTicket(),
    )
    expect(dueActions(waiting, sh('2025-04-01T09:00'), rules, calendar)).toEqual({
      actions: [],
      nextDueAt: null,
    })
  })
  it('keeps chasing a returned ticket: its resolve deadline still runs, reminders go to the village guides', () => {
    const returned = run(
      [[{ type: 'returnTicket', reason: '不归我管' }, actors.worker1, sh('2025-03-10T10:00')]],
      routedTicket(),
    )
    const r = transition(
      returned,
      { type: 'remind', step: 'resolveReminder' },
      ctx(actors.system, sh('2025-03-12T17:00')),
    )
    if (!r.ok) throw new Error(r.refusal.message)
    expect(r.effects[1]).toMatchObject({
      template: 'taskDue',
      recipient: { kind: 'villageGuides', villageId: 'v1' },
    })
    expect(fireAll(returned, sh('2025-03-13T09:00')).ticket.escalation.level).toBe(2)
  })
  it('chases a reopened ticket again in its new round, without lowering the level', () => {
    let t = fireAll(inProgressTicket(), sh('2025-03-14T09:00')).ticket
    expect(t.escalation.level).toBe(3)
    t = run(
      [
        [{ type: 'resolve', result: '已修好' }, actors.worker1, sh('2025-03-14T10:00')],
        [{ type: 'reopen', reason: '又坏了' }, actors.resident, sh('2025-03-14T11:00')],
      ],
      t,
    )
    expect(t.escalation.level).toBe(3)
    expect(t.deadlines?.resolve.dueAt).toBe(sh('2025-03-19T11:00'))
    const again = fireAll(t, sh('2025-03-19T11:00'))
    expect(again.fired.map((a) => ('step' in a ? a.step : ''))).toEqual(['resolveOverdue'])
    expect(again.ticket.escalation.level).toBe(3)
  })
  it('auto-closes a resolved ticket in the same sweep', () => {
    const t = resolvedTicket()
    expect(t.nextDueAt).toBe(sh('2025-03-18T10:00'))
    const r = dueActions(t, sh('2025-03-18T10:00'), rules, calendar)
    expect(r).toEqual({ actions: [{ command: 'autoClose', dueAt: sh('2025-03-18T10:00') }], nextDueAt: null })
    expect(fireAll(t, sh('2025-03-18T10:00')).ticket.status).toBe('closed')
  })
  it('has nothing to do for a ticket not yet dispatched', () => {
    const submitted = run([[submitCommand(), actors.resident, sh('2025-03-10T09:00')]])
    expect(computeNextDueAt(submitted, rules, calendar)).toBeNull()
    expect(stepDueAt(submitted, 'resolveOverdue', rules, calendar)).toBeNull()
  })
  it('lets a guide 催办 by hand without touching the ladder', () => {
    const r = transition(
      routedTicket(),
      { type: 'remind', note: '请今天处理' },
      ctx(actors.villageGuide1, sh('2025-03-10T10:00')),
    )
    if (!r.ok) throw new Error(r.refusal.message)
    expect(r.ticket.escalation).toEqual({ level: 0, fired: [] })
    expect(r.effects[1]).toMatchObject({ template: 'taskDue', data: { hint: '催办：请今天处理' } })
    const plain = transition(
      routedTicket(),
      { type: 'remind' },
      ctx(actors.townGuide, sh('2025-03-10T10:00')),
    )
    expect(plain.ok && plain.effects[1]).toMatchObject({ data: { hint: '催办：请尽快签收' } })
  })
  it('refuses a manual 催办 of an unassigned ticket, a bad note, a stepless system reminder, and a guide posing as the ladder', () => {
    const returned = run(
      [[{ type: 'returnTicket', reason: '不归我管' }, actors.worker1, sh('2025-03-10T10:00')]],
      routedTicket(),
    )
    const at = sh('2025-03-10T12:00')
    expect(transition(returned, { type: 'remind' }, ctx(actors.villageGuide1, at))).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID_TRANSITION' },
    })
    expect(
      transition(routedTicket(), { type: 'remind', note: 'x' }, ctx(actors.villageGuide1, at)),
    ).toMatchObject({ ok: false, refusal: { code: 'INVALID_INPUT' } })
    expect(transition(routedTicket(), { type: 'remind' }, ctx(actors.system, at))).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID_INPUT' },
    })
    expect(
      transition(routedTicket(), { type: 'remind', step: 'signForReminder' }, ctx(actors.villageGuide1, at)),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'FORBIDDEN' },
    })
  })
  it('names the levels', () => {
    expect([0, 1, 2, 3, 9].map(levelName)).toEqual(['无', '催办', '督办', '挂牌督办', '督办'])
    expect(LADDER.supervisorOverdue.level).toBe(3)
  })
})
