import { HOUR_MS, formatShanghaiShort, toEpochMs, toIso } from '../calendar/shanghaiTime'
import { isStepDue } from '../deadlines/dueActions'
import { LADDER, stepDueAt } from '../deadlines/escalationLadder'
import { describeLateness } from '../deadlines/lateness'
import type { Escalation, LadderStep, Ticket } from '../model/ticket'
import { check, noteText } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import type { NotifyEffect, Recipient } from './effects'
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

/** What the step says was missed, and by how long (from the deadline it chases). */
const overdueText = (ticket: Ticket, step: CommandOf<'escalate'>['step'], ctx: TransitionContext): string => {
  const missed = step === 'signForOverdue' ? ticket.deadlines?.signFor.dueAt : ticket.deadlines?.resolve.dueAt
  const what = step === 'signForOverdue' ? '超时未签收' : '超时未办结'
  const late = missed === undefined ? 0 : toEpochMs(ctx.now) - toEpochMs(missed)
  // Found right at the deadline (the sweep runs every minute): no "1 minute late" noise.
  return late >= 60_000 ? `${what}，已逾${describeLateness(late)}` : what
}

export const escalateTicket = (
  ticket: Ticket,
  c: CommandOf<'escalate'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  if (!isStepDue(ticket, c.step, ctx.now, ctx.rules, ctx.calendar)) return notDue()
  const spec = LADDER[c.step]
  const data = { overdue: overdueText(ticket, c.step, ctx), level: spec.label }
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
  const last = lastReminderBy(ticket, ctx.actor.staffId)
  if (last !== null && toEpochMs(ctx.now) - toEpochMs(last) < REMIND_INTERVAL_MS)
    return refuse(
      'RATE_LIMITED',
      `您已于${formatShanghaiShort(last)}催办过这张工单，每小时只能催办一次，请于${formatShanghaiShort(
        toEpochMs(last) + REMIND_INTERVAL_MS,
      )}后再催办`,
    )
  const note = c.note === undefined ? undefined : check(noteText, c.note)
  if (note !== undefined && !note.ok) return note
  return {
    ok: true,
    changes: {},
    note: note?.value ?? '请尽快办理',
    effects: [chaseNotice(ticket, ctx, note?.value)],
  }
}

/** A person may chase one ticket once an hour (WeChat and the worker's patience both run out). */
export const REMIND_INTERVAL_MS = HOUR_MS

/** When `staffId` last chased the ticket by hand (the timeline's latest manual 催办 of theirs). */
export const lastReminderBy = (ticket: Ticket, staffId: string | undefined): string | null => {
  if (staffId === undefined) return null
  for (let i = ticket.timeline.length - 1; i >= 0; i--) {
    const e = ticket.timeline[i]
    if (e.command === 'remind' && e.actor.kind === 'staff' && e.actor.staffId === staffId) return e.at
  }
  return null
}

/**
 * A manual 催办 in the words of where the ticket stands: before its deadline, a due-soon reminder
 * (工单即将超时提醒) naming the deadline still ahead; past it, an overdue alert (督办提醒) saying
 * how late it is, at level 催办 — never "due soon" with a time already gone.
 */
export const chaseNotice = (ticket: Ticket, ctx: TransitionContext, note?: string): NotifyEffect => {
  const signing = ticket.status === 'pendingSignFor'
  const deadline = signing ? ticket.deadlines?.signFor.dueAt : ticket.deadlines?.resolve.dueAt
  const recipient = { kind: 'staff', staffId: ticket.assigneeId as string } as const
  const late = deadline === undefined ? 0 : toEpochMs(ctx.now) - toEpochMs(deadline)
  if (deadline !== undefined && late < 0)
    return notify(ticket._id, recipient, 'taskDue', {
      ticketNumber: ticket.number,
      task: ticket.description,
      dueAt: deadline,
      hint: `催办：${note ?? (signing ? '请尽快签收' : '请尽快办理')}`,
    })
  return overdueNotice(ticket, ctx, recipient, {
    overdue: `${signing ? '超时未签收' : '超时未办结'}${late > 0 ? `，已逾${describeLateness(late)}` : ''}`,
    level: '催办',
  })
}
