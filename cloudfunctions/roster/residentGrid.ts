/**
 * A resident's grid: 有事找五员 (their home grid's people, to call), and staff correcting a
 * reporter's home grid from a ticket in their scope (audited), since one wrong tap at the start
 * sends every later report to the wrong worker.
 */
import { covers, type Grid, type Resident, type RosterRequest } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { requireStaff, residentId } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { getTicket } from '../_lib/store/ticketRepository'
import { directory, gridNames } from '../_lib/store/directory'
import { inTransaction } from '../_lib/store/transactions'
import { auditDoc, writeAudit } from './audit'
import { teamOf } from './team'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>

export async function myGrid(_req: Req<'myGrid'>, ctx: ActionContext) {
  const caller = await ctx.caller({ resident: true })
  const home = caller.resident
  if (!home?.homeGridId) return { home: null }
  return { home: await teamOf(home.townId, home.homeGridId) }
}

export async function correctResidentGrid(req: Req<'correctResidentGrid'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  const ticket = await getTicket(staff.townId, req.ticketId)
  if (!ticket) throw new AppError('NOT_FOUND', '没有找到这张工单')
  if (!covers(caller.actor, ticket)) throw new AppError('FORBIDDEN', '只能更正您负责范围内群众的网格')
  const { data: grid } = await db().collection<Grid>(C.grids).doc(req.gridId).get()
  if (!grid || grid.townId !== staff.townId) throw new AppError('NOT_FOUND', '没有找到这个网格')
  const id = residentId(ticket.reporter.openid)
  const names = gridNames(await directory(staff.townId))
  const gridName = names[grid._id] ?? grid.name
  await inTransaction(async (txn) => {
    const { data: resident } = await txn.collection<Resident>(C.residents).doc(id).get()
    if (!resident || resident.townId !== staff.townId)
      throw new AppError('NOT_FOUND', '这位群众还没有登记网格')
    await txn
      .collection(C.residents)
      .doc(id)
      .update({
        data: { homeGridId: grid._id, homeVillageId: grid.villageId, updatedAt: ctx.now.toISOString() },
      })
    await writeAudit(txn, [
      auditDoc(staff.townId, staff, ctx.now, {
        action: 'correctResidentGrid',
        summary: `更正工单 ${ticket.number} 上报人的网格：${names[resident.homeGridId ?? ''] ?? '未登记'} → ${gridName}`,
        details: { ticketId: ticket._id, from: resident.homeGridId, to: grid._id },
      }),
    ])
  })
  return { homeGridId: grid._id, homeVillageId: grid.villageId, gridName }
}
