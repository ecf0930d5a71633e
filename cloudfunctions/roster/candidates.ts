/**
 * Who could take a leaving person's moving tasks: the grids' other workers, their villages' guides
 * and the town office — active, bound, and covering every moving task's place (else they could not
 * act on it). For the handover screen's choice; the default is each task's chain.
 */
import {
  covers,
  type Actor,
  type Grid,
  type Staff,
  type Ticket,
  type Village,
  placesText,
} from '@shared/index'
import { C } from '../_lib/store/collections'
import { availableOffice } from '../_lib/flows/routing'
import { directory, gridNames } from '../_lib/store/directory'
import { documentsOf } from './placement'

export async function handoverCandidates(townId: string, leavingId: string, moving: readonly Ticket[]) {
  if (moving.length === 0) return { candidates: [] }
  const [grids, villages, office, dir] = await Promise.all([
    documentsOf<Grid>(
      C.grids,
      townId,
      moving.map((t) => t.gridId),
    ),
    documentsOf<Village>(
      C.villages,
      townId,
      moving.map((t) => t.villageId),
    ),
    availableOffice(townId),
    directory(townId),
  ])
  const ids = [
    ...grids.flatMap((g) => [...(g.workerId ? [g.workerId] : []), ...(g.otherWorkerIds ?? [])]),
    ...villages.flatMap((v) => v.villageGuideIds),
    ...office.map((s) => s._id),
  ].filter((id) => id !== leavingId)
  const people = await documentsOf<Staff>(C.staff, townId, ids)
  const names = {
    grids: gridNames(dir),
    villages: Object.fromEntries([...dir.villages.values()].map((v) => [v._id, v.name])),
  }
  const order = new Map(ids.map((id, i) => [id, i]))
  const candidates = people
    .filter((s) => s.active && s.openid !== null)
    .filter((s) => {
      const actor: Actor = { kind: 'person', staffId: s._id, roles: s.roles, scope: s.scope }
      return moving.every((t) => covers(actor, t))
    })
    .sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0))
    .map((s) => ({
      _id: s._id,
      name: s.name,
      phone: s.phone,
      roles: s.roles,
      bound: true,
      active: true,
      places: placesText({ roles: s.roles, villageIds: s.scope.villageIds, gridIds: s.scope.gridIds }, names),
    }))
  return { candidates }
}
