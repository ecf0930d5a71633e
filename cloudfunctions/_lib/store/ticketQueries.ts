/**
 * Paged ticket lists, each one indexed query (docs/indexes.md): my reports, an inbox, boards.
 * Rows are summaries (no reporter), so lists need no masking decisions.
 */
import { summarizeTicket, type TicketStatus, type TicketSummary } from '@shared/index'
import { db } from '../platform/cloud'
import { pageWhere, toPage } from './cursor'
import { ticketsIn, toTicket, type StoredTicket } from './ticketRepository'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** A keyset page of tickets matching `base`, in `field` order. */
export async function ticketPage(
  base: object,
  field: 'createdAt' | 'inboxKey' | 'updatedAt',
  dir: 'asc' | 'desc',
  pageSize: number,
  cursor: string | null | undefined,
): Promise<Page<TicketSummary>> {
  const { data } = await ticketsIn()
    .where(pageWhere(base, field, dir, cursor))
    .orderBy(field, dir)
    .orderBy('_id', dir)
    .limit(pageSize + 1)
    .get()
  const page = toPage<StoredTicket>(data, pageSize, (t) => t[field])
  return { items: page.rows.map((t) => summarizeTicket(toTicket(t))), nextCursor: page.nextCursor }
}

export const statusIn = (statuses: readonly TicketStatus[]) => db().command.in([...statuses])

/** Tickets per status among `base` (one aggregation), for the inbox's tabs. */
export async function countByStatus(base: object): Promise<Partial<Record<TicketStatus, number>>> {
  const $ = db().command.aggregate
  const { list } = await ticketsIn()
    .aggregate()
    .match(base)
    .group({ _id: '$status', n: $.sum(1) })
    .end()
  return Object.fromEntries(list.map((r) => [String(r._id), Number(r.n)]))
}
