/**
 * Tickets in the database. A stored ticket is the domain's `Ticket` plus fields derived for the
 * indexes (docs/indexes.md): `inboxKey` (inboxKey.ts). Writes happen inside the caller's transaction.
 */
import type { Ticket } from '@shared/index'
import { inboxKey } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from './collections'
import type { Transaction, Writer } from '../platform/sdkTypes'

export type StoredTicket = Ticket & {
  inboxKey: string
  /**
   * The town's set-up version a command on this ticket must decide with at least
   * (store/townSnapshot.ts): the version it was reported under, raised on the open tickets by
   * every set-up change. Absent: 0.
   */
  townVersion?: number
}

const stored = (t: Ticket): StoredTicket => ({ ...t, inboxKey: inboxKey(t) })

/** The domain ticket without the derived fields (what shared/ and the views get). */
export const toTicket = (s: StoredTicket | Ticket): Ticket => {
  const { inboxKey: _k, townVersion: _v, ...ticket } = s as StoredTicket
  return ticket
}

export interface ReadTicket {
  ticket: Ticket
  /** See StoredTicket.townVersion. */
  townVersion: number
}

/** A ticket (of `townId` when given) with the set-up version it requires, or null. */
export async function readTicket(id: string, townId?: string): Promise<ReadTicket | null> {
  const { data } = await ticketsIn().doc(id).get()
  if (!data || (townId !== undefined && data.townId !== townId)) return null
  return { ticket: toTicket(data), townVersion: data.townVersion ?? 0 }
}

const withoutId = <T extends { _id: string }>(d: T): Omit<T, '_id'> => {
  const { _id: _i, ...rest } = d
  return rest
}

export const ticketsIn = (txn?: Writer) =>
  txn ? txn.collection<StoredTicket>(C.tickets) : db().collection<StoredTicket>(C.tickets)

/** A ticket of this town, or null (another town's ticket does not exist for the caller). */
export async function getTicket(townId: string, id: string, txn?: Transaction): Promise<Ticket | null> {
  const { data } = await ticketsIn(txn).doc(id).get()
  return data && data.townId === townId ? toTicket(data) : null
}

/**
 * Inserts a new ticket, reported under the town's set-up version `townVersion`; an existing `_id`
 * fails with E11000 (how a repeated submit is recognised).
 */
export async function insertTicket(txn: Writer, t: Ticket, townVersion = 0): Promise<void> {
  await ticketsIn(txn).add({ data: { ...stored(t), townVersion } })
}

/** Replaces the ticket (the transaction has read it, so a concurrent change conflicts). */
export async function saveTicket(txn: Transaction, t: Ticket): Promise<void> {
  await ticketsIn(txn)
    .doc(t._id)
    .set({ data: withoutId(stored(t)) })
}
