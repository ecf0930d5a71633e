/**
 * The retention rule: contact details (the reporter's name and phone, a 代报 neighbour's) of tickets
 * closed or rejected more than `retention.contactMonths` months ago (town configuration, default 24)
 * are removed; the ticket and its text stay in the ledger, marked `contactMaskedAt`. Run by the
 * sweeper once an hour (at minute 0), one query-wide update per retention period and 100 towns, so its
 * cost grows neither with the number of tickets nor with the number of towns.
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
  return maskExpiredContactsOf([config], now)
}

/**
 * The rule for many towns at once (the sweeper serves every town): one update per retention period
 * and 100 towns, so a county whose towns keep the default costs a few updates an hour, not one a town.
 */
export async function maskExpiredContactsOf(configs: readonly TownConfig[], now: Date): Promise<number> {
  if (now.getUTCMinutes() !== 0) return 0
  const _ = db().command
  const byMonths = new Map<number, string[]>()
  for (const c of configs)
    byMonths.set(c.retention.contactMonths, [...(byMonths.get(c.retention.contactMonths) ?? []), c.townId])
  let masked = 0
  for (const [months, townIds] of byMonths) {
    const cutoff = monthsBefore(now, months).toISOString()
    for (let i = 0; i < townIds.length; i += 100) {
      const towns = _.in(townIds.slice(i, i + 100))
      const unmasked = _.exists(false)
      const res = await db()
        .collection(C.tickets)
        .where(
          // A closed ticket finished at `closedAt`; a rejected one (不予受理, 重复) when it was rejected.
          _.or([
            { townId: towns, status: 'closed', closedAt: _.lt(cutoff), contactMaskedAt: unmasked },
            { townId: towns, status: 'rejected', 'rejection.at': _.lt(cutoff), contactMaskedAt: unmasked },
          ]),
        )
        .update({
          data: {
            'reporter.name': _.remove(),
            'reporter.phone': _.remove(),
            onBehalfOf: null,
            contactMaskedAt: now.toISOString(),
          },
        })
      masked += res.stats.updated
    }
  }
  return masked
}
