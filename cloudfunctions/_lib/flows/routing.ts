/**
 * Who gets a ticket in a grid: shared's `routeTicket` over the grid and its village as they are
 * now, with the candidates' roster entries. The village is read only when the grid's own links of
 * the chain (category owner, grid worker) have nobody available, so the usual case costs two reads.
 */
import {
  routeTicket,
  routingCandidates,
  type Grid,
  type RouteDecision,
  type Staff,
  type Ticket,
  type Village,
} from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { AppError } from '../entry/envelope'

/** A grid of this town (1 read), or NOT_FOUND. */
export async function loadGrid(townId: string, gridId: string): Promise<Grid> {
  const { data: grid } = await db().collection<Grid>(C.grids).doc(gridId).get()
  if (!grid || grid.townId !== townId) throw new AppError('NOT_FOUND', '没有找到这个网格')
  return grid
}

export async function loadVillage(townId: string, villageId: string): Promise<Village> {
  const { data: village } = await db().collection<Village>(C.villages).doc(villageId).get()
  if (!village || village.townId !== townId) throw new AppError('NOT_FOUND', '没有找到这个村')
  return village
}

async function availability(
  townId: string,
  ids: string[],
): Promise<Pick<Staff, '_id' | 'townId' | 'active'>[]> {
  if (ids.length === 0) return []
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, _id: db().command.in(ids.slice(0, 100)) })
    .field({ townId: true, active: true })
    .limit(100)
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

/** The routing decision for a category in a grid, or null if nobody in the chain is available. */
export async function routeIn(grid: Grid, categoryCode: string): Promise<RouteDecision | null> {
  const gridOnly = { grid, village: noGuides(grid.townId, grid.villageId), categoryCode }
  const first = routeTicket({
    ...gridOnly,
    staff: await availability(grid.townId, routingCandidates(gridOnly)),
  })
  if (first !== null) return first
  const village = await loadVillage(grid.townId, grid.villageId)
  const input = { grid, village, categoryCode }
  return routeTicket({ ...input, staff: await availability(grid.townId, routingCandidates(input)) })
}

/** Who takes a ticket moved to `grid` (转办, re-dispatch): its category's chain there, or NOT_FOUND. */
export async function assigneeFor(ticket: Ticket | null, grid: Grid): Promise<string> {
  if (ticket === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
  const route = await routeIn(grid, ticket.categoryCode)
  if (route === null) throw new AppError('NOT_FOUND', '目标网格暂无可以接收的工作人员')
  return route.assigneeId
}
