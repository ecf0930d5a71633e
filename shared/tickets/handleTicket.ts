import { toIso } from '../calendar/shanghaiTime'
import { resumeDeadlines } from '../deadlines/computeDeadlines'
import type { Ticket } from '../model/ticket'
import { isReporter } from '../permissions/can'
import { check, noteText, photoList, reasonText, resultText } from './checkInput'
import type { CommandOf } from './commands'
import type { HandlerOutcome, TransitionContext } from './context'
import { notify } from './effects'
import { progressNotice, reporterOf, taskNotice } from './notices'

/** The assignee's work: sign for, report progress, ask the resident, resume, resolve. */

/** A note with optional photos (progress, the resident's supplement), checked like the requests. */
const checkNoteAndPhotos = (c: { note: string; photos?: string[] }) => {
  const note = check(noteText, c.note)
  if (!note.ok) return note
  const photos = check(photoList, c.photos ?? [])
  if (!photos.ok) return photos
  return { ok: true as const, value: { note: note.value, photos: photos.value } }
}

export const signForTicket = (
  ticket: Ticket,
  _c: CommandOf<'signFor'>,
  ctx: TransitionContext,
): HandlerOutcome => ({
  ok: true,
  changes: { signedForAt: toIso(ctx.now) },
  effects: [progressNotice(ticket, ctx, '已签收', '网格员已签收，正在办理')],
})

export const addProgress = (
  ticket: Ticket,
  c: CommandOf<'addProgress'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const input = checkNoteAndPhotos(c)
  if (!input.ok) return input
  const { note, photos } = input.value
  return {
    ok: true,
    changes: {},
    note,
    photos,
    effects: [progressNotice(ticket, ctx, '办理中', note)],
  }
}

/** Waiting on the resident stops the clock (docs/architecture.md, "Deadlines and escalation"); `resume` pushes the deadlines. */
export const requestInfo = (
  ticket: Ticket,
  c: CommandOf<'requestInfo'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const question = check(reasonText, c.question)
  if (!question.ok) return question
  return {
    ok: true,
    changes: { pausedAt: toIso(ctx.now) },
    note: question.value,
    effects: [progressNotice(ticket, ctx, '待补充', `请补充：${question.value}`)],
  }
}

export const resumeTicket = (
  ticket: Ticket,
  c: CommandOf<'resume'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const input = checkNoteAndPhotos(c)
  if (!input.ok) return input
  const { note, photos } = input.value
  const deadlines =
    ticket.deadlines !== null && ticket.pausedAt !== null
      ? resumeDeadlines(ctx.calendar, ticket.deadlines, ticket.pausedAt, ctx.now)
      : ticket.deadlines
  const byReporter = isReporter(ctx.actor, ticket)
  const resumed = { ...ticket, deadlines }
  const effects =
    byReporter && ticket.assigneeId !== null
      ? [
          taskNotice(
            resumed,
            ctx,
            { kind: 'staff', staffId: ticket.assigneeId },
            `群众已补充：${note}`,
            deadlines?.resolve.dueAt ?? toIso(ctx.now),
          ),
        ]
      : [progressNotice(ticket, ctx, '办理中', note)]
  return { ok: true, changes: { pausedAt: null, deadlines }, note, photos, effects }
}

export const resolveTicket = (
  ticket: Ticket,
  c: CommandOf<'resolve'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const result = check(resultText, c.result)
  if (!result.ok) return result
  const photos = check(photoList, c.photos ?? [])
  if (!photos.ok) return photos
  const at = toIso(ctx.now)
  return {
    ok: true,
    changes: {
      resolution: { result: result.value, photos: photos.value, at, byStaffId: ctx.actor.staffId as string },
    },
    note: result.value,
    photos: photos.value,
    effects: [
      notify(ticket._id, reporterOf(ticket), 'ticketResolved', {
        ticketNumber: ticket.number,
        result: result.value,
        resolvedAt: at,
        tip: '请确认办理结果并评价',
      }),
    ],
  }
}
