import { toEpochMs, toIso } from '../calendar/shanghaiTime'
import type { Ticket } from '../model/ticket'
import { supervises } from '../permissions/can'
import { check, reasonText } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import type { Effect } from './effects'
import { gridNameOf, progressNotice, staffNameOf, taskNotice } from './notices'

/**
 * 改派: a guide, supervisor or the grid office takes a ticket from the person holding it (waiting
 * for sign-for, or in progress) and gives it to someone else — another person of the same grid, or
 * a person of another grid in a village they supervise. The new owner must sign for it.
 *
 * Deadlines stay as they are: the clock started at dispatch, and a change of hands neither resets
 * nor extends it (as for 转办). The ladder's steps that already fired stay fired; what is still to
 * come (the resolve deadline, 督办, 挂牌督办) now chases the new owner.
 *
 * @example
 * transition(ticket, { type: 'reassign', villageId: 'v01', gridId: 'g02', assigneeId: 'st-worker-2', reason: '原网格员外出培训' }, ctx)
 * // pendingSignFor, assignee st-worker-2; the new owner gets 待办事项提醒, the reporter 已改派
 */
export const reassignTicket = (
  ticket: Ticket,
  c: CommandOf<'reassign'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  if (c.assigneeId.length === 0) return refuse('INVALID_INPUT', '缺少办理人')
  if (c.assigneeId === ticket.assigneeId) return refuse('INVALID_INPUT', '请选择另一位办理人')
  if (!supervises(ctx.actor, { villageId: c.villageId }))
    return refuse('FORBIDDEN', '只能改派给您负责的村（社区）的人员')
  const moved: Ticket = { ...ticket, villageId: c.villageId, gridId: c.gridId, assigneeId: c.assigneeId }
  // The deadline still ahead (sign-for, else resolve): a new owner is not told a time already gone.
  const ahead = [ticket.deadlines?.signFor.dueAt, ticket.deadlines?.resolve.dueAt].find(
    (d): d is string => d !== undefined && toEpochMs(d) > toEpochMs(ctx.now),
  )
  const due = ahead ?? ticket.deadlines?.resolve.dueAt ?? toIso(ctx.now)
  const toName = staffNameOf(ctx, c.assigneeId) || gridNameOf(ctx, c.gridId) || '其他人员'
  const effects: Effect[] = [
    taskNotice(moved, ctx, { kind: 'staff', staffId: c.assigneeId }, `改派给您：${ticket.description}`, due),
    progressNotice(ticket, ctx, '已改派', '已改派给其他工作人员办理'),
    {
      kind: 'audit',
      ticketId: ticket._id,
      action: 'reassign',
      at: toIso(ctx.now),
      actor: { staffId: ctx.actor.staffId, openid: ctx.actor.openid, roles: ctx.actor.roles },
      details: {
        fromAssigneeId: ticket.assigneeId,
        fromGridId: ticket.gridId,
        toGridId: c.gridId,
        toAssigneeId: c.assigneeId,
        reason: reason.value,
      },
    },
  ]
  return {
    ok: true,
    changes: { villageId: c.villageId, gridId: c.gridId, assigneeId: c.assigneeId, signedForAt: null },
    note: `改派给${toName}：${reason.value}`,
    effects,
  }
}
