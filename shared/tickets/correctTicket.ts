import { toIso } from '../calendar/shanghaiTime'
import type { Ticket } from '../model/ticket'
import { supervises } from '../permissions/can'
import { check, noteText, reasonText } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import type { AuditEffect } from './effects'
import { gridNameOf, progressNotice, taskNotice } from './notices'
import { deadlinesAtDispatch } from './submitTicket'

/**
 * Corrections: the assignee returns (退单) or transfers (转办) a ticket; guides re-dispatch, reject
 * or mark duplicates. A ticket that changes hands keeps its deadlines: the clock started at dispatch.
 */

const audit = (
  ticket: Ticket,
  ctx: TransitionContext,
  action: string,
  details: Record<string, unknown>,
): AuditEffect => ({
  kind: 'audit',
  ticketId: ticket._id,
  action,
  at: toIso(ctx.now),
  actor: { staffId: ctx.actor.staffId, openid: ctx.actor.openid, roles: ctx.actor.roles },
  details,
})

export const returnTicket = (
  ticket: Ticket,
  c: CommandOf<'returnTicket'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  const returned = { ...ticket, assigneeId: null }
  return {
    ok: true,
    changes: { assigneeId: null, signedForAt: null },
    note: reason.value,
    effects: [
      taskNotice(
        returned,
        ctx,
        { kind: 'villageGuides', villageId: ticket.villageId },
        `退单待派：${reason.value}`,
        ticket.deadlines?.resolve.dueAt ?? toIso(ctx.now),
      ),
      audit(ticket, ctx, 'returnTicket', { fromAssigneeId: ticket.assigneeId, reason: reason.value }),
    ],
  }
}

/** A guide sends a returned (or never-routed) ticket to a grid in their scope. */
export const redispatchTicket = (
  ticket: Ticket,
  c: CommandOf<'redispatch'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  if (!supervises(ctx.actor, { villageId: c.villageId }))
    return refuse('FORBIDDEN', '只能派给您负责的村的网格')
  if (c.assigneeId.length === 0) return refuse('INVALID_INPUT', '缺少办理人')
  const note = c.note === undefined ? undefined : check(noteText, c.note)
  if (note !== undefined && !note.ok) return note
  const deadlines = deadlinesAtDispatch(ticket, ctx)
  const moved = { ...ticket, villageId: c.villageId, gridId: c.gridId, assigneeId: c.assigneeId, deadlines }
  return {
    ok: true,
    changes: {
      villageId: c.villageId,
      gridId: c.gridId,
      assigneeId: c.assigneeId,
      deadlines,
      signedForAt: null,
    },
    note: note?.value ?? `派给${gridNameOf(ctx, c.gridId) || '网格'}`,
    effects: [
      taskNotice(
        moved,
        ctx,
        { kind: 'staff', staffId: c.assigneeId },
        ticket.description,
        deadlines.signFor.dueAt,
      ),
      audit(ticket, ctx, 'redispatch', { toGridId: c.gridId, toAssigneeId: c.assigneeId }),
    ],
  }
}

/** 转办: the assignee hands the ticket to another grid (routed there by the function). */
export const transferTicket = (
  ticket: Ticket,
  c: CommandOf<'transfer'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  if (c.gridId === ticket.gridId) return refuse('INVALID_INPUT', '不能转办给本网格')
  if (c.assigneeId.length === 0) return refuse('INVALID_INPUT', '缺少办理人')
  const moved = { ...ticket, villageId: c.villageId, gridId: c.gridId, assigneeId: c.assigneeId }
  const gridName = gridNameOf(ctx, c.gridId) || '其他网格'
  return {
    ok: true,
    changes: { villageId: c.villageId, gridId: c.gridId, assigneeId: c.assigneeId, signedForAt: null },
    // The timeline says where it went, not only why.
    note: `转给${gridName}：${reason.value}`,
    effects: [
      taskNotice(
        moved,
        ctx,
        { kind: 'staff', staffId: c.assigneeId },
        `转办：${ticket.description}`,
        ticket.deadlines?.signFor.dueAt ?? toIso(ctx.now),
      ),
      progressNotice(ticket, ctx, '已转办', `已转交${gridName}办理`),
      audit(ticket, ctx, 'transfer', {
        fromGridId: ticket.gridId,
        toGridId: c.gridId,
        toAssigneeId: c.assigneeId,
      }),
    ],
  }
}

export const rejectTicket = (
  ticket: Ticket,
  c: CommandOf<'reject'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  return {
    ok: true,
    changes: { rejection: { kind: 'invalid', reason: reason.value, at: toIso(ctx.now) }, pausedAt: null },
    note: reason.value,
    effects: [
      progressNotice(ticket, ctx, '不予受理', reason.value),
      audit(ticket, ctx, 'reject', { reason: reason.value }),
    ],
  }
}

export const markDuplicate = (
  ticket: Ticket,
  c: CommandOf<'markDuplicate'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  const reason = check(reasonText, c.reason)
  if (!reason.ok) return reason
  if (c.duplicateOf.length === 0 || c.duplicateOf === ticket._id)
    return refuse('INVALID_INPUT', '请选择另一张原工单')
  return {
    ok: true,
    changes: {
      rejection: { kind: 'duplicate', reason: reason.value, duplicateOf: c.duplicateOf, at: toIso(ctx.now) },
      pausedAt: null,
    },
    note: reason.value,
    effects: [
      progressNotice(ticket, ctx, '重复件', `与已有工单重复：${reason.value}`),
      audit(ticket, ctx, 'markDuplicate', { duplicateOf: c.duplicateOf, reason: reason.value }),
    ],
  }
}
