import type { Role } from '../model/roles'
import type { Grid, Village } from '../model/town'

/**
 * How a roster entry shows in the town's structure: a grid knows its worker(s) and informants, a
 * village its guides and supervisors (the routing chain and the escalation ladder read them). A
 * change of roles or places, a deactivation or a reactivation is a change of placement: this
 * computes the grids and villages that change, as whole new lists, from the documents as they are.
 */

/** Where a person stands: their roles and places, and whether they are on duty at all. */
export interface Placement {
  _id: string
  roles: readonly Role[]
  villageIds: readonly string[]
  gridIds: readonly string[]
  active: boolean
}

export type GridWorkerSlot = 'second' | 'replace'

export type GridPatch = Pick<Grid, '_id' | 'workerId' | 'informantIds'> & { otherWorkerIds: string[] }
export type VillagePatch = Pick<Village, '_id' | 'villageGuideIds' | 'townGuideIds' | 'supervisorIds'>

export interface StructureChange {
  grids: GridPatch[]
  villages: VillagePatch[]
  /** Grids whose post is held by someone else and no slot was chosen: the caller must ask. */
  occupied: { gridId: string; workerId: string }[]
  /** Grids where the new person replaced the post holder (who stays as the grid's other worker). */
  replaced: { gridId: string; previousWorkerId: string }[]
}

const VILLAGE_LISTS: [Role, 'villageGuideIds' | 'townGuideIds' | 'supervisorIds'][] = [
  ['villageGuide', 'villageGuideIds'],
  ['townGuide', 'townGuideIds'],
  ['townSupervisor', 'supervisorIds'],
]

const holds = (p: Placement | null, role: Role, list: 'gridIds' | 'villageIds', id: string): boolean =>
  p !== null && p.active && p.roles.includes(role) && p[list].includes(id)

const without = (ids: readonly string[], id: string) => ids.filter((x) => x !== id)
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

function placeInGrid(
  grid: Grid,
  before: Placement | null,
  after: Placement | null,
  slot: GridWorkerSlot | undefined,
  out: StructureChange,
): void {
  const id = (after ?? before)?._id ?? ''
  let workerId = grid.workerId
  let others = without(grid.otherWorkerIds ?? [], workerId ?? '')
  let informants = [...grid.informantIds]
  const wasWorker = workerId === id || others.includes(id)
  const isWorker = holds(after, 'gridWorker', 'gridIds', grid._id)
  if (wasWorker && !isWorker) {
    others = without(others, id)
    if (workerId === id) workerId = others.shift() ?? null
  } else if (isWorker && !wasWorker) {
    if (workerId === null) workerId = id
    else if (slot === 'second') others = [...others, id]
    else if (slot === 'replace') {
      out.replaced.push({ gridId: grid._id, previousWorkerId: workerId })
      others = [workerId, ...others]
      workerId = id
    } else out.occupied.push({ gridId: grid._id, workerId })
  }
  const isInformant = holds(after, 'informant', 'gridIds', grid._id)
  if (isInformant && !informants.includes(id)) informants.push(id)
  if (!isInformant) informants = without(informants, id)
  const changed =
    workerId !== grid.workerId ||
    !sameList(others, grid.otherWorkerIds ?? []) ||
    !sameList(informants, grid.informantIds)
  if (changed) out.grids.push({ _id: grid._id, workerId, otherWorkerIds: others, informantIds: informants })
}

function placeInVillage(
  village: Village,
  before: Placement | null,
  after: Placement | null,
  out: StructureChange,
) {
  const id = (after ?? before)?._id ?? ''
  const patch: VillagePatch = {
    _id: village._id,
    villageGuideIds: village.villageGuideIds,
    townGuideIds: village.townGuideIds,
    supervisorIds: village.supervisorIds,
  }
  let changed = false
  for (const [role, list] of VILLAGE_LISTS) {
    const should = holds(after, role, 'villageIds', village._id)
    const has = village[list].includes(id)
    if (should && !has) patch[list] = [...village[list], id]
    else if (!should && has) patch[list] = without(village[list], id)
    else continue
    changed = true
  }
  if (changed) out.villages.push(patch)
}

/**
 * The structure change for a person going from `before` (null: new) to `after` (null or inactive:
 * leaving). `grids` and `villages` must include every place either placement names.
 *
 * @example
 * placementChange(grids, villages, null, { _id: 'st-2', roles: ['gridWorker'], villageIds: ['v1'], gridIds: ['g1'], active: true })
 * // g1 already has a worker and no slot was chosen → { occupied: [{ gridId: 'g1', workerId: 'st-1' }], … }
 */
export function placementChange(
  grids: readonly Grid[],
  villages: readonly Village[],
  before: Placement | null,
  after: Placement | null,
  slot?: GridWorkerSlot,
): StructureChange {
  const out: StructureChange = { grids: [], villages: [], occupied: [], replaced: [] }
  const gridIds = new Set([...(before?.gridIds ?? []), ...(after?.gridIds ?? [])])
  const villageIds = new Set([...(before?.villageIds ?? []), ...(after?.villageIds ?? [])])
  for (const g of grids) if (gridIds.has(g._id)) placeInGrid(g, before, after, slot, out)
  for (const v of villages) if (villageIds.has(v._id)) placeInVillage(v, before, after, out)
  return out
}
