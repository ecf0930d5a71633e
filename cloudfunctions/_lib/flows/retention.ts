/**
 * The retention rule: contact details (the reporter's name and phone, a 代报 neighbour's) of tickets
 * closed or rejected more than `retention.contactMonths` months ago (town configuration, default 24)
 * are removed; the ticket and its text stay in the ledger, marked `contactMaskedAt`. Run by the
 * sweeper once an hour (at minute 0), one query-wide update per town, so its cost does not grow with
 * the number of tickets.
 */
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import type { TownConfig } from '../store/config'

/** The instant `months` calendar months before `now`. */
export const monthsBefore = (now: Date, months: number): Date => {
  const d = new Date(now.getTime())
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

/** Tickets whose contacts were masked now (0 outside minute 0 of an hour). */
export async function maskExpiredContacts(config: TownConfig, now: Date): Promise<number> {
  if (now.getUTCMinutes() !== 0) return 0
  const _ = db().command
  const cutoff = monthsBefore(now, config.retention.contactMonths).toISOString()
  const res = await db()
    .collection(C.tickets)
    .where({
      townId: config.townId,
      status: _.in(['closed', 'rejected']),
      closedAt: _.lt(cutoff),
      contactMaskedAt: _.exists(false),
    })
    .update({
      data: {
        'reporter.name': _.remove(),
        'reporter.phone': _.remove(),
        onBehalfOf: null,
        contactMaskedAt: now.toISOString(),
      },
    })
  return res.stats.updated
}
