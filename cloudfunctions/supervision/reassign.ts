/**
 * 改派 and the people it can go to. The pure decision (who may, to whom, what the timeline and the
 * notifications say) is shared's `reassignTicket`; this file finds the target grid's person.
 */
import { ROLE_NAMES, type Staff, type SupervisionRequest } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { checkText } from '../_lib/platform/contentSecurity'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { assigneeFor, loadGrid } from '../_lib/flows/routing'
import { runTicketCommand } from '../_lib/flows/ticketCommand'
import { staffNames } from '../_lib/store/directory'
import { getTicket } from '../_lib/store/ticketRepository'
import { checkAssignee } from './actions'
import { supervisedVillages } from './scope'

type Req<A extends SupervisionRequest['action']> = Extract<SupervisionRequest, { action: A }>

export async function reassign(req: Req<'reassign'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  await checkText(ctx.openid, req.reason)
  const ticket = await getTicket(staff.townId, req.ticketId)
  if (ticket === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
  const grid = await loadGrid(staff.townId, req.toGridId ?? ticket.gridId)
  if (req.assigneeId !== undefined) await checkAssignee(staff.townId, req.assigneeId, grid)
  const assigneeId = req.assigneeId ?? (await assigneeFor(ticket, grid))
  return runTicketCommand({
    townId: staff.townId,
    actor: caller.actor,
    ticketId: req.ticketId,
    expectedVersion: req.expectedVersion,
    command: {
      type: 'reassign',
      villageId: grid.villageId,
      gridId: grid._id,
      assigneeId,
      reason: req.reason,
    },
    now: ctx.now,
    staffNames: await staffNames(staff.townId, [assigneeId]),
  })
}

/**
 * The people a ticket in `gridId` can be given to: the grid's workers, then its village's guides
 * (two queries). Only for a grid in a village the caller supervises.
 */
export async function assignees(req: Req<'assignees'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  const grid = await loadGrid(staff.townId, req.gridId)
  supervisedVillages(caller.actor, grid.villageId)
  const _ = db().command
  const people = db().collection<Staff>(C.staff)
  const fields = { name: true, roles: true }
  const [workers, guides] = await Promise.all([
    people
      .where({ townId: staff.townId, active: true, roles: 'gridWorker', 'scope.gridIds': grid._id })
      .field(fields)
      .limit(100)
      .get(),
    people
      .where({
        townId: staff.townId,
        active: true,
        roles: 'villageGuide',
        'scope.villageIds': _.in([grid.villageId]),
      })
      .field(fields)
      .limit(100)
      .get(),
  ])
  return {
    items: [
      ...workers.data.map((s) => ({ staffId: s._id, name: s.name, roleName: ROLE_NAMES.gridWorker })),
      ...guides.data.map((s) => ({ staffId: s._id, name: s.name, roleName: ROLE_NAMES.villageGuide })),
    ],
  }
}
