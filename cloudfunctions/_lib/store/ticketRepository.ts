/**
 * Tickets in the database. A stored ticket is the domain's `Ticket` plus fields derived for the
 * indexes (docs/indexes.md): `inboxKey` (inboxKey.ts), and the pending outbox entries its writes
 * carried (outbox/ticketOutbox.ts) until the sweeper materialises them, and the town's set-up
 * version a command needs (`townVersion`). None ever leaves the store: `toTicket` strips them.
 */
import type { Ticket } from '@shared/index'
import { inboxKey } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from './collections'
import type { Transaction, Writer } from '../platform/sdkTypes'
import type { OutboxEntry } from '../outbox/ticketOutbox'

export type StoredTicket = Ticket & {
  inboxKey: string
  outbox?: OutboxEntry[]
  /**
   * The town's set-up version a command on this ticket must decide with at least
   * (store/townSnapshot.ts): the version it was reported under, raised on the open tickets by
   * every set-up change. Absent: 0.
   */
  townVersion?: number
}

const stored = (t: Ticket, entry?: OutboxEntry | null): StoredTicket => ({
  ...t,
  inboxKey: inboxKey(t),
  ...(entry ? { outbox: [entry] } : {}),
})

/** The domain ticket without the stored-only fields (what shared/ and the views get). */
export const toTicket = (s: StoredTicket | Ticket): Ticket => {
  const { inboxKey: _k, outbox: _o, townVersion: _v, ...ticket } = s as StoredTicket
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

export const ticketsIn = (txn?: Writer) =>
  txn ? txn.collection<StoredTicket>(C.tickets) : db().collection<StoredTicket>(C.tickets)

/**
 * Fields a change never sets nor removes: the id, the outbox (its pending entries stay) and the
 * set-up version (raised by set-up changes alone).
 */
const KEPT = new Set(['_id', 'outbox', 'townVersion'])

/**
 * The update that turns the stored `before` into `after`: each field replaced whole (`_.set`),
 * fields `after` no longer has removed, and the change's outbox entry pushed after any pending ones.
 */
export function changeOf(before: Ticket, after: Ticket, entry?: OutboxEntry | null): Record<string, unknown> {
  const _ = db().command
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries({ ...after, inboxKey: inboxKey(after) }))
    if (!KEPT.has(k) && v !== undefined) data[k] = _.set(v)
  for (const k of Object.keys(before)) if (!(k in data) && !KEPT.has(k)) data[k] = _.remove()
  if (entry) data.outbox = _.push([entry])
  return data
}

/** A ticket of this town, or null (another town's ticket does not exist for the caller). */
export async function getTicket(townId: string, id: string, txn?: Transaction): Promise<Ticket | null> {
  const { data } = await ticketsIn(txn).doc(id).get()
  return data && data.townId === townId ? toTicket(data) : null
}

/**
 * Inserts a new ticket with its outbox entry, reported under the town's set-up version
 * `townVersion`; an existing `_id` fails with E11000 (how a repeated submit is recognised).
 */
export async function insertTicket(
  txn: Writer,
  t: Ticket,
  entry: OutboxEntry | null = null,
  townVersion = 0,
): Promise<void> {
  await ticketsIn(txn).add({ data: { ...stored(t, entry), townVersion } })
}

/**
 * Writes the change from `before` (as the transaction read it, so a concurrent change conflicts)
 * to `after`, with its outbox entry.
 */
export async function saveTicket(
  txn: Transaction,
  before: Ticket,
  after: Ticket,
  entry?: OutboxEntry | null,
): Promise<void> {
  await ticketsIn(txn)
    .doc(after._id)
    .update({ data: changeOf(before, after, entry) })
}
