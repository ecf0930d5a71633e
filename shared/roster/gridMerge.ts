import type { Grid } from '../model/town'
import { placementChange, type Placement } from './structure'

/**
 * Moving people from one grid to another of the same village, as a merge (everyone placed in
 * `from`) or a split (the people listed): each placement's `from` becomes `into` (no duplicate),
 * and the two grids' lists follow through `placementChange`, one person after the other. A grid
 * worker arriving where the post is held is added beside the holder (`second`): a merge or split
 * never silently replaces anyone. Inactive people change scope only.
 */
export interface RegridResult {
  from: Grid
  into: Grid
  /** The new `scope.gridIds` of each moved person. */
  scopes: { _id: string; gridIds: string[] }[]
}

export const regridIds = (gridIds: readonly string[], fromId: string, intoId: string): string[] => [
  ...new Set(gridIds.map((id) => (id === fromId ? intoId : id))),
]

export function regridPlacements(from: Grid, into: Grid, placements: readonly Placement[]): RegridResult {
  let grids: Grid[] = [from, into]
  const scopes: RegridResult['scopes'] = []
  for (const before of placements) {
    if (!before.gridIds.includes(from._id)) continue
    const after: Placement = { ...before, gridIds: regridIds(before.gridIds, from._id, into._id) }
    const change = placementChange(grids, [], before, after, 'second')
    grids = grids.map((g) => {
      const patch = change.grids.find((p) => p._id === g._id)
      return patch ? { ...g, ...patch } : g
    })
    scopes.push({ _id: before._id, gridIds: [...after.gridIds] })
  }
  return { from: grids[0], into: grids[1], scopes }
}

/** A merge's category owners: `into`'s own, then `from`'s for the categories `into` has none for. */
export const mergedOwners = (from: Grid, into: Grid): Record<string, string> => ({
  ...from.categoryOwners,
  ...into.categoryOwners,
})
