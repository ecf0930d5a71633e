import { toEpochMs, toIso } from '../calendar/shanghaiTime'
import { addDuration, reopenDeadlines } from '../deadlines/computeDeadlines'
import { timeLimitFor } from '../deadlines/timeLimitRules'
import type { Rating, Ticket } from '../model/ticket'
import { check, commentText, ratingScore, reasonText } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import { progressNotice, taskNotice } from './notices'

/** The reporter closes the loop: confirm and rate, or reopen (重办); or nobody answers and it closes. */

export const confirmTicket = (
  _t: Ticket,
  c: CommandOf<'confirm'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const score = check(ratingScore, c.rating)
  if (!score.ok) return score
  const comment = c.comment === undefined ? undefined : check(commentText, c.comment)
  if (comment !== undefined && !comment.ok) return comment
  const at = toIso(ctx.now)
  const rating: Rating = { score: score.value as Rating['score'], at }
  if (comment !== undefined) rating.comment = comment.value
  return {
    ok: true,
    changes: { rating, closedAt: at },
    note: `评分 ${score.value}${comment === undefined ? '' : `：${comment.value}`}`,
    effects: [],
  }
}

/**
 * 重办: back to the same assignee with a fresh resolve window (never earlier than the old one).
 * From `closed` only within the reopen window, and only so many times: after that, the complaint is
 * a matter for supervision, not another round in the grid.
 */
export const reopenTicket = (
  ticket: Ticket,
  c: CommandOf<'reopen'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  const { rules, calendar } = ctx
  if (ticket.status === 'closed' && ticket.closedAt !== null) {
    const windowEnds = addDuration(calendar, ticket.closedAt, rules.reopenWindow)
    if (toEpochMs(ctx.now) > toEpochMs(windowEnds)) return refuse('INVALID_TRANSITION', '已超过重办期限')
  }
  if (ticket.reopenCount >= rules.maxReopens) {
    return refuse('INVALID_TRANSITION', '重办次数已达上限，请联系镇网格办')
  }
  const limit = timeLimitFor(rules, ticket.categoryCode, ticket.priority)
  const deadlines =
    ticket.deadlines === null
      ? null
      : reopenDeadlines(calendar, ticket.deadlines, ctx.now, limit, rules.ladder)
  const reopened = { ...ticket, deadlines }
  return {
    ok: true,
    changes: {
      reopenCount: ticket.reopenCount + 1,
      closedAt: null,
      rating: null,
      resolution: null,
      deadlines,
    },
    note: reason.value,
    effects:
      ticket.assigneeId === null
        ? []
        : [
            taskNotice(
              reopened,
              ctx,
              { kind: 'staff', staffId: ticket.assigneeId },
              `重办：${reason.value}`,
              deadlines?.resolve.dueAt ?? toIso(ctx.now),
            ),
          ],
  }
}

/** Resolved and unanswered for the rules' period: closed without a rating. */
export const autoCloseTicket = (
  ticket: Ticket,
  _c: CommandOf<'autoClose'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const resolvedAt = ticket.resolution?.at ?? ticket.updatedAt
  const due = addDuration(ctx.calendar, resolvedAt, ctx.rules.autoCloseAfter)
  if (toEpochMs(ctx.now) < toEpochMs(due)) return refuse('INVALID_TRANSITION', '尚未到自动办结时间')
  return {
    ok: true,
    changes: { closedAt: toIso(ctx.now) },
    note: '群众未在期限内评价，系统自动办结',
    effects: [progressNotice(ticket, ctx, '已办结', '超过评价期限，系统已自动办结')],
  }
}
