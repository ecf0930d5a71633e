/**
 * A ticket written without a transaction: one conditional update, applied only if the ticket is
 * still at the version it was read at (the state machine raises the version on every change). If
 * someone changed it meanwhile, nothing is written and the caller decides again on a fresh read.
 * Each field is replaced whole (`_.set`), and fields the new ticket no longer has are removed, so
 * the stored document is exactly the new ticket.
 */
import { inboxKey, type Ticket } from '@shared/index'
import { db } from '../platform/cloud'
import { ticketsIn } from './ticketRepository'

export async function updateTicketIf(before: Ticket, after: Ticket): Promise<boolean> {
  const _ = db().command
  const data: Record<string, unknown> = {}
  for (const [k, v] of Object.entries({ ...after, inboxKey: inboxKey(after) }))
    if (k !== '_id' && v !== undefined) data[k] = _.set(v)
  for (const k of Object.keys(before)) if (!(k in data) && k !== '_id') data[k] = _.remove()
  const res = await ticketsIn()
    .where({ _id: before._id, townId: before.townId, version: before.version })
    .update({ data })
  return res.stats.updated === 1
}
