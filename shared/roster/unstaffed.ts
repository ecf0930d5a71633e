import { gridWorkerIds, isAvailable, type StaffAvailability } from '../routing/routeTicket'
import type { Grid, Village } from '../model/town'

/**
 * 无人负责的网格: grids where no worker can take a ticket — the post is vacant, or its holders
 * have not bound WeChat, or have left — and where their tickets go instead (the chain's fallback).
 */
export interface UnstaffedGrid {
  gridId: string
  villageId: string
  why: 'vacant' | 'unbound' | 'inactive'
  fallback: 'villageGuide' | 'townOffice' | 'nobody'
}

/**
 * @example
 * unstaffedGrids(grids, villages, staff, officeAvailable) // [{ gridId: 'g07', why: 'unbound', fallback: 'villageGuide', … }]
 */
export function unstaffedGrids(
  grids: readonly Pick<Grid, '_id' | 'townId' | 'villageId' | 'workerId' | 'otherWorkerIds'>[],
  villages: readonly Pick<Village, '_id' | 'villageGuideIds'>[],
  staff: readonly StaffAvailability[],
  officeAvailable: boolean,
): UnstaffedGrid[] {
  const byId = new Map(staff.map((s) => [s._id, s]))
  const villageById = new Map(villages.map((v) => [v._id, v]))
  const out: UnstaffedGrid[] = []
  for (const g of grids) {
    const workers = gridWorkerIds(g).map((id) => byId.get(id))
    if (workers.some((s) => s !== undefined && isAvailable(s, g.townId))) continue
    const present = workers.filter((s): s is StaffAvailability => s !== undefined)
    const why = present.length === 0 ? 'vacant' : present.some((s) => s.active) ? 'unbound' : 'inactive'
    const guides = villageById.get(g.villageId)?.villageGuideIds ?? []
    const guided = guides.some((id) => {
      const s = byId.get(id)
      return s !== undefined && isAvailable(s, g.townId)
    })
    out.push({
      gridId: g._id,
      villageId: g.villageId,
      why,
      fallback: guided ? 'villageGuide' : officeAvailable ? 'townOffice' : 'nobody',
    })
  }
  return out
}
