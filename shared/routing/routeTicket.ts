import type { Grid, Staff, Village } from '../model/town'

/**
 * Who owns a new ticket: a short fallback chain over data, like FixMyStreet's body sender — the
 * grid's owner for this category, else the grid's worker(s), else the village guide (兜底), else the
 * town's grid office. Only someone active **and bound** (a WeChat identity that can see the task)
 * is ever chosen. Towns differ by data (owners, vacancies), never by code.
 */
export type RouteVia = 'categoryOwner' | 'gridWorker' | 'villageGuide' | 'townOffice' | 'manual'

export interface RouteDecision {
  assigneeId: string
  via: RouteVia
}

export type StaffAvailability = Pick<Staff, '_id' | 'townId' | 'active' | 'openid'>

export interface RoutingInput {
  grid: Pick<Grid, 'townId' | 'workerId' | 'categoryOwners' | 'otherWorkerIds'>
  village: Pick<Village, 'townId' | 'villageGuideIds'>
  categoryCode: string
  /** The town's grid office (admins), the chain's last link; absent: the chain ends at the village. */
  officeIds?: readonly string[]
  /** Never chosen, wherever they stand in the chain (someone leaving, whose tasks are handed over). */
  excludeIds?: readonly string[]
  /** The candidates' roster entries (see `routingCandidates`); absent, inactive or unbound ones are skipped. */
  staff: readonly StaffAvailability[]
}

/** Someone a ticket may go to: on this town's roster, active, with a WeChat identity bound. */
export const isAvailable = (s: StaffAvailability, townId: string): boolean =>
  s.active && s.openid !== null && s.openid !== undefined && s.townId === townId

/** The grid's workers in order: the post holder, then any other worker of the grid. */
export const gridWorkerIds = (grid: Pick<Grid, 'workerId' | 'otherWorkerIds'>): string[] => [
  ...(grid.workerId === null ? [] : [grid.workerId]),
  ...(grid.otherWorkerIds ?? []).filter((id) => id !== grid.workerId),
]

/** The chain, in order: each link names candidates; the first available one gets the ticket. */
export const ROUTING_CHAIN: readonly { via: RouteVia; candidates: (input: RoutingInput) => string[] }[] = [
  {
    via: 'categoryOwner',
    candidates: ({ grid, categoryCode }) => {
      const owner = grid.categoryOwners[categoryCode]
      return owner === undefined ? [] : [owner]
    },
  },
  { via: 'gridWorker', candidates: ({ grid }) => gridWorkerIds(grid) },
  { via: 'villageGuide', candidates: ({ village }) => village.villageGuideIds },
  { via: 'townOffice', candidates: ({ officeIds }) => [...(officeIds ?? [])] },
]

/** Every staff id the chain may look at: the function loads just these from the roster (one query). */
export const routingCandidates = (input: Omit<RoutingInput, 'staff'>): string[] => [
  ...new Set(ROUTING_CHAIN.flatMap((link) => link.candidates({ ...input, staff: [] }))),
]

/**
 * @returns the assignee and which link chose them, or null when nobody in the chain is available
 * (no bound worker, guide or office member at all): the ticket then waits in `submitted`.
 *
 * @example
 * routeTicket({ grid, village, categoryCode: 'dispute', staff }) // { assigneeId: 'mediator-1', via: 'categoryOwner' }
 */
export const routeTicket = (input: RoutingInput): RouteDecision | null => {
  const excluded = new Set(input.excludeIds ?? [])
  const available = (id: string) =>
    !excluded.has(id) && input.staff.some((s) => s._id === id && isAvailable(s, input.grid.townId))
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
