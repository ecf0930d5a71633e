import {
  OPEN_STATUSES,
  can,
  dropUndefined,
  refusalMessage,
  maskPhone,
  presentTicket,
  type Grid,
  type Resident,
  type TicketCommand,
  type TicketStatus,
  type TicketsRequest,
} from '@shared/index'
import { checkText } from '../_lib/platform/contentSecurity'
import {
  callerFrom,
  findResident,
  findStaff,
  loadCaller,
  requireStaff,
  requireTown,
  type Caller,
} from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { directory } from '../_lib/store/directory'
import { staffContacts } from '../_lib/store/staffContacts'
import { AppError } from '../_lib/entry/envelope'
import { requireOwnUploads } from '../_lib/platform/photos'
import { gridForReport } from '../_lib/flows/routing'
import { submitConcern } from '../_lib/flows/submission'
import { callerCommand } from '../_lib/flows/ticketCommand'
import { statusIn, ticketPage } from '../_lib/store/ticketQueries'
import { getTicket } from '../_lib/store/ticketRepository'

type Req<A extends TicketsRequest['action']> = Extract<TicketsRequest, { action: A }>

const DONE: readonly TicketStatus[] = ['closed', 'rejected']

/**
 * The reporter's capacity: an informant or grid worker reporting for a neighbour (代报) acts from
 * the roster, in the neighbour's grid — one of their grids, or another grid of a village in their
 * scope (the neighbour across the lane may belong to the next group); anyone else reports as a
 * resident of their home grid (or of the grid on the QR code they scanned, in their own town).
 */
async function reporterFor(
  req: Req<'submit'>,
  ctx: ActionContext,
): Promise<{ caller: Caller; gridId: string; inScope?: (grid: Grid) => boolean }> {
  if (req.onBehalfOf !== undefined) {
    const caller = await loadCaller(ctx.openid, { staff: true })
    const staff = requireStaff(caller, 'informant', 'gridWorker')
    const gridId = req.gridId ?? staff.scope.gridIds[0]
    if (gridId === undefined) throw new AppError('FORBIDDEN', '只能代报本网格群众反映的问题')
    const inScope = (grid: Grid) =>
      staff.scope.gridIds.includes(grid._id) || staff.scope.villageIds.includes(grid.villageId)
    return { caller, gridId, inScope }
  }
  const resident = await findResident(ctx.openid)
  // Only a caller without a home grid is looked up in the roster (a worker reporting for themself).
  const staff = resident?.homeGridId ? null : await findStaff(ctx.openid)
  const caller = callerFrom(ctx.openid, staff, resident)
  requireTown(caller)
  const gridId = req.gridId ?? caller.resident?.homeGridId ?? caller.staff?.scope.gridIds[0]
  if (!gridId)
    throw new AppError('INVALID_INPUT', '请先选择您所在的村组网格', [
      { path: 'gridId', message: '请先选择您所在的村组网格' },
    ])
  return { caller, gridId }
}

/**
 * How the assignee can reach the reporter: what they typed with this report, field by field, else
 * what their resident record holds (already read to find their grid, so it costs nothing). Not for
 * an anonymous report — the reporter chose not to be named — nor for a report made for a neighbour.
 */
function reporterContact(
  req: Pick<Req<'submit'>, 'contact' | 'anonymous' | 'onBehalfOf'>,
  resident: Pick<Resident, 'name' | 'phone'> | null,
): { name?: string; phone?: string } | undefined {
  if (req.anonymous || req.onBehalfOf !== undefined || resident === null) return req.contact
  const contact = dropUndefined({
    name: req.contact?.name ?? resident.name,
    phone: req.contact?.phone ?? resident.phone,
  })
  return Object.keys(contact).length > 0 ? contact : undefined
}

export async function submit(req: Req<'submit'>, ctx: ActionContext) {
  const { caller, gridId, inScope } = await reporterFor(req, ctx)
  const grid = await gridForReport(requireTown(caller), gridId)
  if (inScope !== undefined && !inScope(grid))
    throw new AppError('FORBIDDEN', '只能代报您负责的村组的群众反映的问题')
  const { ticket } = await submitConcern(
    caller.actor,
    ctx.openid,
    ctx.env,
    grid,
    {
      clientRequestId: req.clientRequestId,
      categoryCode: req.categoryCode,
      description: req.description,
      photos: req.photos,
      voice: req.voice,
      location: req.location,
      anonymous: req.anonymous,
      source: req.onBehalfOf !== undefined ? 'informant' : 'resident',
      contact: reporterContact(req, caller.resident),
      onBehalfOf: req.onBehalfOf ?? null,
    },
    ctx.now,
  )
  return {
    ticketId: ticket._id,
    number: ticket.number,
    status: ticket.status,
    resolveDueAt: ticket.deadlines?.resolve.dueAt ?? null,
    flagged: ticket.flagged,
  }
}

export async function listMine(req: Req<'listMine'>, ctx: ActionContext) {
  const townId = requireTown(await ctx.caller())
  const status =
    req.filter === 'open' ? statusIn(OPEN_STATUSES) : req.filter === 'done' ? statusIn(DONE) : undefined
  const base = { townId, 'reporter.openid': ctx.openid, ...(status ? { status } : {}) }
  return ticketPage(base, 'createdAt', 'desc', req.pageSize, req.cursor)
}

export async function detail(req: Req<'detail'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const ticket = await getTicket(requireTown(caller), req.ticketId)
  if (ticket === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
  if (!can(caller.actor, 'view', { kind: 'ticket', ticket }))
    throw new AppError(
      'FORBIDDEN',
      caller.staff === null ? '您不能查看这张工单' : refusalMessage(caller.actor, ticket, '查看'),
    )
  // The directory is cached per warm instance; the assignee's name costs one read when there is one.
  const [dir, staff] = await Promise.all([
    directory(ticket.townId),
    staffContacts(ticket.townId, ticket.assigneeId === null ? [] : [ticket.assigneeId]),
  ])
  const assignee = ticket.assigneeId === null ? undefined : staff[ticket.assigneeId]
  const callable = can(caller.actor, 'viewAssigneeContact', { kind: 'ticket', ticket })
  return {
    ticket: {
      ...presentTicket(ticket, caller.actor),
      gridName: dir.grids.get(ticket.gridId)?.name ?? null,
      villageName: dir.villages.get(ticket.villageId)?.name ?? null,
      assigneeName: assignee?.name ?? null,
      assigneePhone: callable && assignee?.phone ? maskPhone(assignee.phone) : null,
    },
  }
}

/** Commands of the reporter (and, for `supplement`, of the assignee too: the transition decides). */
const reporterCommand = (
  ctx: ActionContext,
  req: { ticketId: string; expectedVersion?: number },
  command: TicketCommand,
) =>
  callerCommand(
    ctx,
    req,
    command,
    command.type === 'confirm' || command.type === 'reopen' ? 'reporter' : 'anyone',
  )

export async function confirm(req: Req<'confirm'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.comment)
  return reporterCommand(ctx, req, { type: 'confirm', rating: req.rating, comment: req.comment })
}

export async function reopen(req: Req<'reopen'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.reason)
  return reporterCommand(ctx, req, { type: 'reopen', reason: req.reason })
}

export async function supplement(req: Req<'supplement'>, ctx: ActionContext) {
  requireOwnUploads(req.photos, ctx.openid, ctx.env)
  await checkText(ctx.openid, req.note)
  return reporterCommand(ctx, req, { type: 'resume', note: req.note, photos: req.photos })
}
