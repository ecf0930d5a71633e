import {
  TICKET_NUMBER_PATTERN,
  type Staff,
  type SupervisionRequest,
  type Ticket,
  type TicketCommand,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { checkText } from '../_lib/platform/contentSecurity'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { assigneeFor, loadGrid } from '../_lib/flows/routing'
import { callerCommand } from '../_lib/flows/ticketCommand'
import { getTicket, ticketsIn, toTicket } from '../_lib/store/ticketRepository'

type Req<A extends SupervisionRequest['action']> = Extract<SupervisionRequest, { action: A }>

/** A correction by a guide, supervisor or the grid office; `can()` (in the transition) decides. */
const supervisorCommand = (
  ctx: ActionContext,
  req: { ticketId: string; expectedVersion?: number; clientRequestId?: string },
  command: TicketCommand,
) => callerCommand(ctx, req, command, 'staff')

/**
 * A named assignee must be active staff of this town who can act in the target grid: its grid
 * worker, a guide or supervisor of its village, or the grid office.
 */
export async function checkAssignee(
  townId: string,
  staffId: string,
  grid: { _id: string; villageId: string },
): Promise<void> {
  const { data } = await db().collection<Staff>(C.staff).doc(staffId).get()
  const fits =
    data !== null &&
    data.townId === townId &&
    data.active &&
    ((data.roles.includes('gridWorker') && data.scope.gridIds.includes(grid._id)) ||
      (data.roles.some((r) => r === 'villageGuide' || r === 'townGuide' || r === 'townSupervisor') &&
        data.scope.villageIds.includes(grid.villageId)) ||
      data.roles.includes('admin'))
  if (!fits)
    throw new AppError('INVALID_INPUT', '办理人不在目标网格', [
      { path: 'assigneeId', message: '办理人不在目标网格' },
    ])
}

export async function redispatch(req: Req<'redispatch'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  await checkText(ctx.openid, req.note)
  const grid = await loadGrid(staff.townId, req.toGridId)
  if (req.assigneeId !== undefined) await checkAssignee(staff.townId, req.assigneeId, grid)
  const assigneeId = req.assigneeId ?? (await assigneeFor(await getTicket(staff.townId, req.ticketId), grid))
  return supervisorCommand(ctx, req, {
    type: 'redispatch',
    villageId: grid.villageId,
    gridId: grid._id,
    assigneeId,
    note: req.note,
  })
}

export async function reject(req: Req<'reject'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.reason)
  return supervisorCommand(ctx, req, { type: 'reject', reason: req.reason })
}

/**
 * The original a duplicate points at, named as people name tickets — by its number
 * (`20261126-0001`, read off the screen or out over the phone) — or by its `_id`; only in the
 * caller's town. A number is looked up first (index `townId + number`), then the same text as an id.
 */
async function findOriginal(townId: string, ref: string): Promise<Ticket | null> {
  if (TICKET_NUMBER_PATTERN.test(ref)) {
    const { data } = await ticketsIn().where({ townId, number: ref }).limit(2).get()
    if (data.length > 1)
      throw new AppError('INVALID_INPUT', '这个编号对应多张工单，请改填原工单的 ID', [
        { path: 'duplicateOf', message: '这个编号对应多张工单，请改填原工单的 ID' },
      ])
    if (data.length === 1) return toTicket(data[0])
  }
  return getTicket(townId, ref)
}

export async function markDuplicate(req: Req<'markDuplicate'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  await checkText(ctx.openid, req.reason)
  const original = await findOriginal(staff.townId, req.duplicateOf)
  if (original === null)
    throw new AppError(
      'NOT_FOUND',
      `没有找到原工单“${req.duplicateOf}”，请填写本镇工单的编号（如 20260901-0012）或 ID`,
    )
  return supervisorCommand(ctx, req, { type: 'markDuplicate', duplicateOf: original._id, reason: req.reason })
}

export async function remind(req: Req<'remind'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.note)
  return supervisorCommand(ctx, req, { type: 'remind', note: req.note })
}
