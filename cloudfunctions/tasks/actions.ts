import type { Role, Staff, TasksRequest, TicketCommand, TicketStatus } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { checkText } from '../_lib/platform/contentSecurity'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { requireOwnUploads } from '../_lib/platform/photos'
import { assigneeFor, loadGrid } from '../_lib/flows/routing'
import { callerCommand } from '../_lib/flows/ticketCommand'
import { countByStatus, statusIn, ticketPage } from '../_lib/store/ticketQueries'
import { getTicket } from '../_lib/store/ticketRepository'

type Req<A extends TasksRequest['action']> = Extract<TasksRequest, { action: A }>

const TODO: readonly TicketStatus[] = ['pendingSignFor', 'inProgress', 'awaitingInfo']
const FILTERS: Record<Req<'inbox'>['filter'], readonly TicketStatus[]> = {
  todo: TODO,
  pendingSignFor: ['pendingSignFor'],
  inProgress: ['inProgress'],
  awaitingInfo: ['awaitingInfo'],
  resolved: ['resolved'],
  done: ['closed', 'rejected'],
}

/**
 * The assignee's tickets, awaiting sign-for first, then by the deadline that matters (one indexed
 * query on `inboxKey`); the first page also carries the count per status for the tabs. A guide's
 * or supervisor's to-do also holds what they must act on in their villages (`guideWork`).
 */
export async function inbox(req: Req<'inbox'>, ctx: ActionContext) {
  const staff = requireStaff(await ctx.caller({ staff: true }))
  const mine = { townId: staff.townId, assigneeId: staff._id }
  const guide = req.filter === 'todo' ? guideWork(staff) : null
  const where = guide ?? { ...mine, status: statusIn(FILTERS[req.filter]) }
  const page = await ticketPage(where, 'inboxKey', 'asc', req.pageSize, req.cursor)
  if (req.cursor) return page
  return {
    ...page,
    counts: await countByStatus(guide ?? { ...mine, status: statusIn([...TODO, 'resolved']) }),
  }
}

/** The escalation level that reaches each guiding role (催办 1, 督办 2, 挂牌督办 3). */
const LEVEL_OF: Partial<Record<Role, number>> = { villageGuide: 1, townGuide: 2, townSupervisor: 3 }
const CHASED: readonly TicketStatus[] = [...TODO, 'returned', 'submitted']

/**
 * A guide's or supervisor's to-do (not a grid worker's): what they hold themselves (a ticket routed
 * to a village guide when its grid had nobody), the tickets of their villages escalated to their
 * level or beyond, and — for village guides — those returned or never routed, waiting to be
 * re-dispatched. Null for everyone else: their inbox is what they hold.
 */
function guideWork(staff: Staff): object | null {
  if (staff.roles.includes('gridWorker') || staff.scope.villageIds.length === 0) return null
  const levels = staff.roles.flatMap((r) => (LEVEL_OF[r] === undefined ? [] : [LEVEL_OF[r] as number]))
  if (levels.length === 0) return null
  const _ = db().command
  const town = { townId: staff.townId }
  const villages = { villageId: _.in(staff.scope.villageIds) }
  return _.or([
    { ...town, assigneeId: staff._id, status: statusIn(TODO) },
    { ...town, ...villages, status: statusIn(CHASED), 'escalation.level': _.gte(Math.min(...levels)) },
    ...(staff.roles.includes('villageGuide')
      ? [{ ...town, ...villages, status: statusIn(['returned', 'submitted']) }]
      : []),
  ])
}

/** A command of the assignee on one ticket. */
const assigneeCommand = (
  ctx: ActionContext,
  req: { ticketId: string; expectedVersion?: number; clientRequestId?: string },
  command: TicketCommand,
) => callerCommand(ctx, req, command, 'staff')

export const signFor = (req: Req<'signFor'>, ctx: ActionContext) =>
  assigneeCommand(ctx, req, { type: 'signFor' })

export async function addProgress(req: Req<'addProgress'>, ctx: ActionContext) {
  requireOwnUploads(req.photos, ctx.openid, ctx.env)
  await checkText(ctx.openid, req.note)
  return assigneeCommand(ctx, req, { type: 'addProgress', note: req.note, photos: req.photos })
}

export async function requestInfo(req: Req<'requestInfo'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.question)
  return assigneeCommand(ctx, req, { type: 'requestInfo', question: req.question })
}

export async function resume(req: Req<'resume'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.note)
  return assigneeCommand(ctx, req, { type: 'resume', note: req.note })
}

export async function resolve(req: Req<'resolve'>, ctx: ActionContext) {
  requireOwnUploads(req.photos, ctx.openid, ctx.env)
  await checkText(ctx.openid, req.result)
  return assigneeCommand(ctx, req, { type: 'resolve', result: req.result, photos: req.photos })
}

export async function returnTicket(req: Req<'returnTicket'>, ctx: ActionContext) {
  await checkText(ctx.openid, req.reason)
  return assigneeCommand(ctx, req, { type: 'returnTicket', reason: req.reason })
}

/** 转办: routed within the target grid by the same chain as a new report. */
export async function transfer(req: Req<'transfer'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  await checkText(ctx.openid, req.reason)
  const [ticket, grid] = await Promise.all([
    getTicket(staff.townId, req.ticketId),
    loadGrid(staff.townId, req.toGridId),
  ])
  return assigneeCommand(ctx, req, {
    type: 'transfer',
    villageId: grid.villageId,
    gridId: grid._id,
    assigneeId: await assigneeFor(ticket, grid),
    reason: req.reason,
  })
}
