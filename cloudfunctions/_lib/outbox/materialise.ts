/**
 * Materialising the tickets' outboxes (ticketOutbox.ts), first thing in every sweep: the tickets
 * with pending entries are one indexed query across towns (`outbox.at`, pages of 100 by `_id`);
 * their notification documents are then one insert, their audits another, and one update across
 * the page pulls exactly the entries written (`_.pull` by key), so an entry pushed meanwhile stays
 * for the next run. The documents' ids are idempotency keys: when a batch meets a duplicate (a run
 * that stopped between its inserts and its pull), the batch is written one by one, duplicates
 * skipped. With `dryRun` nothing is written: the counts say what would be.
 */
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { ticketsIn } from '../store/ticketRepository'
import { isDuplicateKey } from '../store/transactions'
import type { OutboxEntry } from './ticketOutbox'

export interface MaterialiseReport {
  /** Ticket changes whose documents were written. */
  entries: number
  notifications: number
  audits: number
}

export interface MaterialiseOptions {
  dryRun?: boolean
  /** Only these tickets (e.g. one reporter's, before their messages are erased). */
  where?: Record<string, unknown>
}

const PAGE = 100

export const emptyMaterialiseReport = (): MaterialiseReport => ({ entries: 0, notifications: 0, audits: 0 })

/** A ticket as the materialiser reads it. */
export interface PendingTicket {
  _id: string
  outbox?: OutboxEntry[]
}

/** Inserts documents whose ids are idempotency keys: one insert, or one each after a duplicate. */
async function insertOnce(collection: string, docs: readonly { _id: string }[]): Promise<void> {
  if (docs.length === 0) return
  try {
    await db()
      .collection(collection)
      .add({ data: [...docs] })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    for (const d of docs)
      try {
        await db().collection(collection).add({ data: d })
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
      }
  }
}

/**
 * Writes the documents of the entries `tickets` carried as read, then pulls those entries (by
 * key) from them; entries pushed after the read are left in place.
 */
export async function materialiseTickets(
  tickets: readonly PendingTicket[],
  report: MaterialiseReport,
  dryRun = false,
): Promise<void> {
  const entries = tickets.flatMap((t) => t.outbox ?? [])
  if (entries.length === 0) return
  const notifications = entries.flatMap((e) => e.notifications)
  const audits = entries.flatMap((e) => e.audits)
  report.entries += entries.length
  report.notifications += notifications.length
  report.audits += audits.length
  if (dryRun) return
  await insertOnce(C.notifications, notifications)
  await insertOnce(C.audit, audits)
  const _ = db().command
  await ticketsIn()
    .where({ _id: _.in(tickets.map((t) => t._id)) })
    .update({ data: { outbox: _.pull({ key: _.in(entries.map((e) => e.key)) }) } })
}

/** Materialises every pending outbox entry (of the tickets `options.where` names, if given). */
export async function materialiseOutbox(options: MaterialiseOptions = {}): Promise<MaterialiseReport> {
  const _ = db().command
  const report = emptyMaterialiseReport()
  let after: string | null = null
  for (;;) {
    const { data } = await ticketsIn()
      .where({
        ...options.where,
        'outbox.at': _.exists(true),
        ...(after === null ? {} : { _id: _.gt(after) }),
      })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .field({ outbox: true })
      .get()
    await materialiseTickets(data as PendingTicket[], report, options.dryRun === true)
    if (data.length < PAGE) return report
    after = data[data.length - 1]._id
  }
}
