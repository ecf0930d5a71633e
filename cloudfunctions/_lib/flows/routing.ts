/**
 * Who gets a ticket in a grid: shared's `routeTicket` over the grid and its village as they are
 * now, with the candidates' roster entries (active and bound: see `isAvailable`). The village is
 * read only when the grid's own links of the chain (category owner, grid workers) have nobody
 * available, and the town's office only when the village's guides have nobody either, so the usual
 * case costs two reads.
 */
import {
  routeTicket,
  routingCandidates,
  type Grid,
  type RouteDecision,
  type Staff,
  type StaffAvailability,
  type Ticket,
  type Village,
} from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { AppError } from '../entry/envelope'
import { cachedSnapshot, gridOf, townSnapshot } from '../store/townSnapshot'

/**
 * A grid of this town (1 read), or NOT_FOUND. A grid merged into another (roster.mergeGrids)
 * answers the grid it became (1 more read), so a stale list or an old QR code reports there.
 */
export async function loadGrid(townId: string, gridId: string): Promise<Grid> {
  const { data: grid } = await db().collection<Grid>(C.grids).doc(gridId).get()
  if (!grid || grid.townId !== townId) throw new AppError('NOT_FOUND', '没有找到这个网格')
  return grid.mergedInto ? loadGrid(townId, grid.mergedInto) : grid
}

/**
 * The grid a report names, from the town snapshot this instance holds (or reads: one operation):
 * no read of its own. A grid the snapshot does not know (added since it was made) is read.
 */
export async function gridForReport(townId: string, gridId: string): Promise<Grid> {
  const snap = cachedSnapshot(townId) ?? (await townSnapshot(townId))
  return gridOf(snap, gridId) ?? loadGrid(townId, gridId)
}

export async function loadVillage(townId: string, villageId: string): Promise<Village> {
  const { data: village } = await db().collection<Village>(C.villages).doc(villageId).get()
  if (!village || village.townId !== townId) throw new AppError('NOT_FOUND', '没有找到这个村')
  return village
}

async function availability(townId: string, ids: string[]): Promise<StaffAvailability[]> {
  if (ids.length === 0) return []
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, _id: db().command.in(ids.slice(0, 100)) })
    .field({ townId: true, active: true, openid: true })
    .limit(100)
    .get()
  return data
}

/** The town's grid office members who can take a task (active, bound), in a stable order (1 read). */
export async function availableOffice(townId: string): Promise<StaffAvailability[]> {
  const _ = db().command
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, roles: 'admin', active: true, openid: _.neq(null) })
    .orderBy('_id', 'asc')
    .field({ townId: true, active: true, openid: true })
    .limit(20)
    .get()
  return data
}

const noGuides = (townId: string, villageId: string): Village => ({
  _id: villageId,
  townId,
  name: '',
  villageGuideIds: [],
  townGuideIds: [],
  supervisorIds: [],
})

/**
 * The routing decision for a category in a grid, or null if nobody in the chain is available.
 * `excludeIds`: people never to choose (someone whose tasks are being handed over).
 */
export async function routeIn(
  grid: Grid,
  categoryCode: string,
  excludeIds: readonly string[] = [],
): Promise<RouteDecision | null> {
  const gridOnly = { grid, village: noGuides(grid.townId, grid.villageId), categoryCode, excludeIds }
  const first = routeTicket({
    ...gridOnly,
    staff: await availability(grid.townId, routingCandidates(gridOnly)),
  })
  if (first !== null) return first
  const village = await loadVillage(grid.townId, grid.villageId)
  const input = { grid, village, categoryCode, excludeIds }
  const staff = await availability(grid.townId, routingCandidates(input))
  const second = routeTicket({ ...input, staff })
  if (second !== null) return second
  const office = await availableOffice(grid.townId)
  return routeTicket({ ...input, officeIds: office.map((s) => s._id), staff: [...staff, ...office] })
}

/** Who takes a ticket moved to `grid` (转办, re-dispatch): its category's chain there, or NOT_FOUND. */
export async function assigneeFor(ticket: Ticket | null, grid: Grid): Promise<string> {
  if (ticket === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
  const route = await routeIn(grid, ticket.categoryCode)
  if (route === null) throw new AppError('NOT_FOUND', '目标网格暂无可以接收的工作人员')
  return route.assigneeId
}
