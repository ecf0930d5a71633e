import type { Grid, Staff, Village } from '../model/town'

/**
 * Who owns a new ticket: a short fallback chain over data, like FixMyStreet's body sender — the
 * grid's owner for this category, else the grid's worker, else the village guide (兜底). Towns
 * differ by data (owners, vacancies), never by code.
 */
export type RouteVia = 'categoryOwner' | 'gridWorker' | 'villageGuide' | 'manual'

export interface RouteDecision {
  assigneeId: string
  via: RouteVia
}

export type StaffAvailability = Pick<Staff, '_id' | 'townId' | 'active'>

export interface RoutingInput {
  grid: Pick<Grid, 'townId' | 'workerId' | 'categoryOwners'>
  village: Pick<Village, 'townId' | 'villageGuideIds'>
  categoryCode: string
  /** The candidates' roster entries (see `routingCandidates`); absent or inactive ones are skipped. */
  staff: readonly StaffAvailability[]
}

/** The chain, in order: each link names candidates; the first available one gets the ticket. */
export const ROUTING_CHAIN: readonly { via: RouteVia; candidates: (input: RoutingInput) => string[] }[] = [
  {
    via: 'categoryOwner',
    candidates: ({ grid, categoryCode }) => {
      const owner = grid.categoryOwners[categoryCode]
      return owner === undefined ? [] : [owner]
    },
  },
  { via: 'gridWorker', candidates: ({ grid }) => (grid.workerId === null ? [] : [grid.workerId]) },
  { via: 'villageGuide', candidates: ({ village }) => village.villageGuideIds },
]

/** Every staff id the chain may look at: the function loads just these from the roster (one query). */
export const routingCandidates = (input: Omit<RoutingInput, 'staff'>): string[] => [
  ...new Set(ROUTING_CHAIN.flatMap((link) => link.candidates({ ...input, staff: [] }))),
]

/**
 * @returns the assignee and which link chose them, or null when nobody in the chain is available
 * (a vacant grid in a village without a guide): the ticket then waits in `submitted` for a guide.
 *
 * @example
 * routeTicket({ grid, village, categoryCode: 'dispute', staff }) // { assigneeId: 'mediator-1', via: 'categoryOwner' }
 */
export const routeTicket = (input: RoutingInput): RouteDecision | null => {
  const available = (id: string) =>
    input.staff.some((s) => s._id === id && s.active && s.townId === input.grid.townId)
  for (const link of ROUTING_CHAIN) {
    const assigneeId = link.candidates(input).find(available)
    if (assigneeId !== undefined) return { assigneeId, via: link.via }
  }
  return null
}

export interface TransferTarget {
  gridId: string
  gridName: string
  villageId: string
  villageName: string
  sameVillage: boolean
}

/**
 * Grids a ticket may be transferred (转办) to: any other grid of the same town, those of the same
 * village first. The function then routes the ticket within the chosen grid with `routeTicket`.
 */
export const transferTargets = (
  ticket: { townId: string; villageId: string; gridId: string },
  grids: readonly Grid[],
  villages: readonly Village[],
): TransferTarget[] => {
  const villageById = new Map(villages.map((v) => [v._id, v]))
  const rank = (g: Grid) => (g.villageId === ticket.villageId ? 0 : 1)
  return grids
    .filter((g) => g.townId === ticket.townId && g._id !== ticket.gridId && villageById.has(g.villageId))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (villageById.get(a.villageId)?.order ?? 0) - (villageById.get(b.villageId)?.order ?? 0) ||
        a.villageId.localeCompare(b.villageId) ||
        (a.order ?? 0) - (b.order ?? 0) ||
        a.name.localeCompare(b.name),
    )
    .map((g) => ({
      gridId: g._id,
      gridName: g.name,
      villageId: g.villageId,
      villageName: (villageById.get(g.villageId) as Village).name,
      sameVillage: g.villageId === ticket.villageId,
    }))
}
