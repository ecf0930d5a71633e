import { toIso } from '../calendar/shanghaiTime'
import type { Actor } from '../model/roles'
import type { Ticket } from '../model/ticket'
import { covers } from '../permissions/can'
import { check, reasonText } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import { gridNameOf, taskNotice } from './notices'

/**
 * 移交: an open task changes hands because its holder leaves or moves. The ticket keeps its status
 * and deadlines (the clock started at dispatch); the new holder is told, and the change is on the
 * timeline and the audit log. Refused when the ticket is no longer held by `fromAssigneeId` (it was
 * handed over already: a retry moves nothing twice) or when the successor does not cover the
 * ticket's place (they could not act on it).
 *
 * @example
 * transition(ticket, { type: 'handover', fromAssigneeId: 'st-w1', to: guide, reason: '调离' }, ctx)
 */
export const handoverTicket = (
  ticket: Ticket,
  c: CommandOf<'handover'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  if (ticket.assigneeId !== c.fromAssigneeId)
    return refuse('INVALID_TRANSITION', '这张工单已经不在原负责人手上')
  if (c.to.staffId === c.fromAssigneeId) return refuse('INVALID_INPUT', '接手人不能是原负责人')
  const successor: Actor = { kind: 'person', staffId: c.to.staffId, roles: c.to.roles, scope: c.to.scope }
  if (c.to.scope.townId !== ticket.townId || !covers(successor, ticket)) {
    const place = gridNameOf(ctx, ticket.gridId) || '这个网格'
    return refuse('INVALID_INPUT', `${c.to.name ?? '接手人'}不负责${place}，不能接手这张工单`)
  }
  const moved = { ...ticket, assigneeId: c.to.staffId }
  return {
    ok: true,
    changes: { assigneeId: c.to.staffId },
    note: `移交给${c.to.name ?? '新负责人'}：${reason.value}`,
    effects: [
      taskNotice(
        moved,
        ctx,
        { kind: 'staff', staffId: c.to.staffId },
        `移交：${ticket.description}`,
        ticket.status === 'pendingSignFor'
          ? (ticket.deadlines?.signFor.dueAt ?? toIso(ctx.now))
          : (ticket.deadlines?.resolve.dueAt ?? toIso(ctx.now)),
      ),
      {
        kind: 'audit',
        ticketId: ticket._id,
        action: 'handover',
        at: toIso(ctx.now),
        actor: { staffId: ctx.actor.staffId, openid: ctx.actor.openid, roles: ctx.actor.roles },
        details: { fromAssigneeId: c.fromAssigneeId, toAssigneeId: c.to.staffId, reason: reason.value },
      },
    ],
  }
}
