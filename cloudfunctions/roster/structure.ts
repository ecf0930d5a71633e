/**
 * How a roster entry shows in the town's structure (DESIGN.md §4: a grid knows its worker and
 * informants, a village its guides and supervisors — the routing chain and escalation ladder
 * read them). Pure: the updates, not their execution. Also used by the demo seed.
 */
import type { Grid, Staff } from '@shared/index'
import { C } from '../_lib/store/collections'
import { db } from '../_lib/platform/cloud'

export interface StructureUpdate {
  collection: string
  id: string
  data: Record<string, unknown>
}

export function structureUpdates(staff: Staff, grids: Pick<Grid, '_id'>[]): StructureUpdate[] {
  const _ = db().command
  const out: StructureUpdate[] = []
  const gridData: Record<string, unknown> = {}
  if (staff.roles.includes('gridWorker')) gridData.workerId = staff._id
  if (staff.roles.includes('informant')) gridData.informantIds = _.addToSet(staff._id)
  if (Object.keys(gridData).length > 0)
    for (const g of grids) out.push({ collection: C.grids, id: g._id, data: gridData })
  const villageData: Record<string, unknown> = {}
  if (staff.roles.includes('villageGuide')) villageData.villageGuideIds = _.addToSet(staff._id)
  if (staff.roles.includes('townGuide')) villageData.townGuideIds = _.addToSet(staff._id)
  if (staff.roles.includes('townSupervisor')) villageData.supervisorIds = _.addToSet(staff._id)
  if (Object.keys(villageData).length > 0) {
    for (const v of staff.scope.villageIds) out.push({ collection: C.villages, id: v, data: villageData })
  }
  return out
}
