/**
 * 拆分网格 (`roster.splitGrid`): a new grid C in the village of grid A, named by the office, taking
 * only what the office listed — staff placed in A (their A becomes C), residents whose home grid
 * is A, open tickets of A. Everything else stays with A. The structure, the new grid and the audit
 * entry are one transaction; the listed tickets then move one by one (a holder who cannot keep a
 * ticket in C hands it over along C's chain) and the residents' home grid follows.
 */
import { randomInt } from 'node:crypto'
import { OPEN_STATUSES, regridPlacements, type Grid, type Resident, type RosterRequest } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { directory } from '../_lib/store/directory'
import { getTicket } from '../_lib/store/ticketRepository'
import { requireRosterAdmin } from './admin'
import { auditDoc, writeAudit } from './audit'
import { gridOfTown, handOver, handoversFor, moveTickets, placementsOf } from './gridMoves'
import { documentsOf } from './placement'
import type { Staff } from '@shared/index'

type Req = Extract<RosterRequest, { action: 'splitGrid' }>

export async function splitGrid(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const townId = admin.townId
  const from = await gridOfTown(townId, req.gridId)
  if (from.mergedInto) throw new AppError('INVALID_TRANSITION', `${from.name}已经并入其他网格，不能拆分`)
  const { data: same } = await db()
    .collection<Grid>(C.grids)
    .where({ townId, villageId: from.villageId, name: req.name })
    .limit(1)
    .get()
  if (same.length > 0) throw new AppError('CONFLICT', `这个村已经有“${req.name}”了`)

  const staffIds = [...new Set(req.staffIds ?? [])]
  const residentIds = [...new Set(req.residentIds ?? [])]
  const ticketIds = [...new Set(req.ticketIds ?? [])]
  const people = await documentsOf<Staff>(C.staff, townId, staffIds)
  const strayStaff = staffIds.find(
    (id) => !people.some((s) => s._id === id && s.scope.gridIds.includes(from._id)),
  )
  if (strayStaff)
    throw new AppError('INVALID_INPUT', `有人员不在${from.name}`, [
      { path: 'staffIds', message: '人员不在这个网格' },
    ])
  const residents = await documentsOf<Resident>(C.residents, townId, residentIds)
  if (residents.length !== residentIds.length || residents.some((r) => r.homeGridId !== from._id))
    throw new AppError('INVALID_INPUT', `有群众不在${from.name}`, [
      { path: 'residentIds', message: '群众不在这个网格' },
    ])
  const tickets = await Promise.all(ticketIds.map((id) => getTicket(townId, id)))
  if (tickets.some((t) => !t || t.gridId !== from._id || !OPEN_STATUSES.includes(t.status)))
    throw new AppError('INVALID_INPUT', `只能移动${from.name}未办结的工单`, [
      { path: 'ticketIds', message: '工单不在这个网格或已办结' },
    ])

  const { total } = await db().collection(C.grids).where({ townId, villageId: from.villageId }).count()
  const grid: Grid = {
    _id: `g_${ctx.now.getTime().toString(36)}${randomInt(36 ** 4).toString(36)}`,
    townId,
    villageId: from.villageId,
    name: req.name,
    workerId: null,
    otherWorkerIds: [],
    informantIds: [],
    categoryOwners: {},
    order: total + 1,
  }
  const planned = regridPlacements(from, grid, placementsOf(people))
  const handovers = await handoversFor(
    townId,
    tickets.filter((t) => t !== null),
    grid._id,
    planned.scopes,
  )
  await inTransaction(async (txn) => {
    const { data: a } = await txn.collection<Grid>(C.grids).doc(from._id).get()
    if (!a || a.mergedInto) throw new AppError('CONFLICT', '网格刚被修改过，请刷新后重试')
    const done = regridPlacements(a, grid, placementsOf(people))
    await txn.collection(C.grids).add({ data: done.into })
    await txn
      .collection(C.grids)
      .doc(a._id)
      .update({
        data: {
          workerId: done.from.workerId,
          otherWorkerIds: done.from.otherWorkerIds ?? [],
          informantIds: done.from.informantIds,
        },
      })
    for (const s of done.scopes)
      await txn
        .collection(C.staff)
        .doc(s._id)
        .update({ data: { 'scope.gridIds': s.gridIds } })
    const village = (await directory(townId)).villages.get(a.villageId)?.name ?? ''
    await writeAudit(txn, [
      auditDoc(townId, admin, ctx.now, {
        action: 'splitGrid',
        summary:
          `拆分网格：从${village}${a.name}分出${village}${req.name}；` +
          `${done.scopes.length} 位人员、${residentIds.length} 位群众、${ticketIds.length} 件工单转入`,
        details: { fromGridId: a._id, gridId: grid._id, staffIds, residents: residentIds.length, ticketIds },
      }),
    ])
  })
  await moveTickets(townId, ticketIds, from._id, grid)
  const caller = await ctx.caller({ staff: true })
  await handOver(townId, caller.actor, handovers, `网格拆分：转入${req.name}`, ctx.now)
  const _ = db().command
  for (let i = 0; i < residentIds.length; i += 100)
    await db()
      .collection(C.residents)
      .where({ townId, homeGridId: from._id, _id: _.in(residentIds.slice(i, i + 100)) })
      .update({ data: { homeGridId: grid._id, updatedAt: ctx.now.toISOString() } })
  return {
    gridId: grid._id,
    villageId: grid.villageId,
    name: req.name,
    staff: planned.scopes.length,
    residents: residentIds.length,
    tickets: ticketIds.length,
  }
}
