import { toIso } from '../calendar/shanghaiTime'
import { isStepDue } from '../deadlines/dueActions'
import { LADDER, stepDueAt } from '../deadlines/escalationLadder'
import { describeDuration } from '../deadlines/timeLimitRules'
import type { Escalation, LadderStep, Ticket } from '../model/ticket'
import { check, noteText } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import type { Recipient } from './effects'
import { holderOf, overdueNotice } from './notices'
import { notify } from './effects'

/** The ladder's steps as commands: each fires once per round, only when due, and is recorded. */

const fire = (ticket: Ticket, step: LadderStep, ctx: TransitionContext): Escalation => ({
  level: Math.max(ticket.escalation.level, LADDER[step].level) as Escalation['level'],
  fired: [...ticket.escalation.fired, { step, round: ticket.reopenCount, at: toIso(ctx.now) }],
})

const notDue = () => refuse('INVALID_TRANSITION', '该提醒或督办尚未到期，或已经发出')

const AUDIENCE: Record<'villageGuides' | 'townGuides' | 'supervisors', (villageId: string) => Recipient> = {
  villageGuides: (villageId) => ({ kind: 'villageGuides', villageId }),
  townGuides: (villageId) => ({ kind: 'townGuides', villageId }),
  supervisors: (villageId) => ({ kind: 'supervisors', villageId }),
}

const overdueText = (step: CommandOf<'escalate'>['step'], ctx: TransitionContext): string =>
  step === 'signForOverdue'
    ? '超时未签收'
    : step === 'resolveOverdue'
      ? '超时未办结'
      : `超时未办结已逾${describeDuration(ctx.rules.ladder.supervisorAfter)}`

export const escalateTicket = (
  ticket: Ticket,
  c: CommandOf<'escalate'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  if (!isStepDue(ticket, c.step, ctx.now, ctx.rules, ctx.calendar)) return notDue()
  const spec = LADDER[c.step]
  const data = { overdue: overdueText(c.step, ctx), level: spec.label }
  const audience = AUDIENCE[spec.audience as keyof typeof AUDIENCE](ticket.villageId)
  const effects = [overdueNotice(ticket, ctx, audience, data)]
  if (ticket.assigneeId !== null) {
    effects.unshift(overdueNotice(ticket, ctx, { kind: 'staff', staffId: ticket.assigneeId }, data))
  }
  return {
    ok: true,
    changes: { escalation: fire(ticket, c.step, ctx) },
    note: `${spec.label}：${data.overdue}`,
    effects,
  }
}

/** A ladder reminder (system, with a step) or a guide's manual 催办 (no step). */
export const remindTicket = (
  ticket: Ticket,
  c: CommandOf<'remind'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  if (c.step !== undefined) {
    if (ctx.actor.kind !== 'system') return refuse('FORBIDDEN', '自动提醒只能由系统发出')
    if (!isStepDue(ticket, c.step, ctx.now, ctx.rules, ctx.calendar)) return notDue()
    const dueAt = stepDueAt(
      ticket,
      c.step === 'signForReminder' ? 'signForOverdue' : 'resolveOverdue',
      ctx.rules,
      ctx.calendar,
    )
    const hint =
      c.step === 'signForReminder' ? '即将超过签收时限，请尽快签收' : '即将超过办结时限，请尽快办理'
    return {
      ok: true,
      changes: { escalation: fire(ticket, c.step, ctx) },
      note: LADDER[c.step].label,
      effects: [
        notify(ticket._id, holderOf(ticket), 'taskDue', {
          ticketNumber: ticket.number,
          task: ticket.description,
          dueAt: dueAt as string,
          hint,
        }),
      ],
    }
  }
  if (ctx.actor.kind === 'system') return refuse('INVALID_INPUT', '缺少提醒类型')
  if (ticket.assigneeId === null) return refuse('INVALID_TRANSITION', '工单尚未派给办理人')
  const note = c.note === undefined ? undefined : check(noteText, c.note)
  if (note !== undefined && !note.ok) return note
  const hint = note?.value ?? '请尽快办理'
  return {
    ok: true,
    changes: {},
    note: hint,
    effects: [
      notify(ticket._id, { kind: 'staff', staffId: ticket.assigneeId }, 'taskDue', {
        ticketNumber: ticket.number,
        task: ticket.description,
        dueAt: ticket.deadlines?.resolve.dueAt ?? toIso(ctx.now),
        hint,
      }),
    ],
  }
}
