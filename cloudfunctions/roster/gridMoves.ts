/**
 * What merging and splitting grids share: the people placed in a grid, its open tickets, and the
 * moves of tickets to another grid — each ticket its own transaction, conditional on still being
 * in the old grid (a retry moves nothing twice); a holder who cannot keep the ticket in its new
 * grid hands it over along the new grid's chain (the `handover` transition: timeline entry,
 * notification, audit), refused once the ticket has left them.
 */
import {
  covers,
  OPEN_STATUSES,
  type Actor,
  type Grid,
  type Placement,
  type Staff,
  type Ticket,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { readAll } from '../_lib/store/readAll'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { getTicket, saveTicket, toTicket, type StoredTicket } from '../_lib/store/ticketRepository'
import { carryOut, HELD_STATUSES, planHandover } from './handover'
import { documentsOf, placementOf } from './placement'

/** A grid of the town, or NOT_FOUND. */
export async function gridOfTown(townId: string, gridId: string): Promise<Grid> {
  const { data } = await db().collection<Grid>(C.grids).doc(gridId).get()
  if (!data || data.townId !== townId) throw new AppError('NOT_FOUND', '没有找到这个网格')
  return data
}

/** Everyone whose scope names the grid (active or not). */
export async function staffIn(townId: string, gridId: string): Promise<Staff[]> {
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, 'scope.gridIds': gridId })
    .orderBy('_id', 'asc')
    .limit(100)
    .get()
  return data
}

export const placementsOf = (people: readonly Staff[]): Placement[] => people.map(placementOf)

/** The grid's open tickets (pages of 100). */
export async function openTicketsIn(townId: string, gridId: string): Promise<Ticket[]> {
  const where = { townId, gridId, status: db().command.in([...OPEN_STATUSES]) }
  return (await readAll<StoredTicket>(C.tickets, where)).map(toTicket)
}

export async function countIn(collection: string, where: Record<string, unknown>): Promise<number> {
  return (await db().collection(collection).where(where).count()).total
}

export interface PendingHandover {
  ticketId: string
  fromAssigneeId: string
}

/**
 * The held tickets whose holder cannot keep them once they are in `intoGridId`: gone, unbound, or
 * not covering the new grid (with the scopes the move gives people, `scopes`).
 */
export async function handoversFor(
  townId: string,
  tickets: readonly Ticket[],
  intoGridId: string,
  scopes: readonly { _id: string; gridIds: string[] }[],
): Promise<PendingHandover[]> {
  const held = tickets.filter(
    (t) => t.assigneeId && (HELD_STATUSES as readonly string[]).includes(t.status),
  ) as (Ticket & { assigneeId: string })[]
  if (held.length === 0) return []
  const holders = new Map(
    (
      await documentsOf<Staff>(
        C.staff,
        townId,
        held.map((t) => t.assigneeId),
      )
    ).map((s) => [s._id, s]),
  )
  const newScope = new Map(scopes.map((s) => [s._id, s.gridIds]))
  return held
    .filter((t) => {
      const s = holders.get(t.assigneeId)
      if (!s || !s.active || s.openid === null) return true
      const actor: Actor = {
        kind: 'person',
        staffId: s._id,
        roles: s.roles,
        scope: { ...s.scope, gridIds: newScope.get(s._id) ?? s.scope.gridIds },
      }
      return !covers(actor, { ...t, gridId: intoGridId })
    })
    .map((t) => ({ ticketId: t._id, fromAssigneeId: t.assigneeId }))
}

/** Moves each ticket still in `fromGridId` to `into` (same village); answers how many this call moved. */
export async function moveTickets(
  townId: string,
  ticketIds: readonly string[],
  fromGridId: string,
  into: Grid,
): Promise<number> {
  let moved = 0
  for (const id of ticketIds) {
    const done = await inTransaction(async (txn) => {
      const t = await getTicket(townId, id, txn)
      if (!t || t.gridId !== fromGridId) return false
      await saveTicket(txn, t, { ...t, gridId: into._id, villageId: into.villageId })
      return true
    })
    if (done) moved++
  }
  return moved
}

/** Hands the pending tickets over along their (new) grid's chain; each moves at most once. */
export async function handOver(
  townId: string,
  actor: Actor,
  pending: readonly PendingHandover[],
  reason: string,
  now: Date,
): Promise<number> {
  let count = 0
  const byHolder = new Map<string, string[]>()
  for (const p of pending)
    byHolder.set(p.fromAssigneeId, [...(byHolder.get(p.fromAssigneeId) ?? []), p.ticketId])
  for (const [holder, ids] of byHolder) {
    const tickets = (await Promise.all(ids.map((id) => getTicket(townId, id)))).filter(
      (t): t is Ticket => t !== null && t.assigneeId === holder,
    )
    const steps = await planHandover(townId, holder, tickets, null)
    count += (await carryOut(townId, actor, holder, steps, reason, now)).handedOver
  }
  return count
}
