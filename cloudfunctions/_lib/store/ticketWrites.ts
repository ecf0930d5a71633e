/**
 * A ticket written without a transaction: one conditional update, applied only if the ticket is
 * still at the version it was read at (the state machine raises the version on every change). If
 * someone changed it meanwhile, nothing is written and the caller decides again on a fresh read.
 * Each field is replaced whole (`_.set`), and fields the new ticket no longer has are removed, so
 * the stored ticket is exactly the new one; the change's outbox entry is pushed in the same write,
 * and pending entries are never removed nor overwritten (ticketRepository.ts, `changeOf`).
 */
import type { Ticket } from '@shared/index'
import type { OutboxEntry } from '../outbox/ticketOutbox'
import { changeOf, ticketsIn } from './ticketRepository'

export async function updateTicketIf(
  before: Ticket,
  after: Ticket,
  entry?: OutboxEntry | null,
): Promise<boolean> {
  const res = await ticketsIn()
    .where({ _id: before._id, townId: before.townId, version: before.version })
    .update({ data: changeOf(before, after, entry) })
  return res.stats.updated === 1
}
