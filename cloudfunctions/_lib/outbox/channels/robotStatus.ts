/**
 * What became of the robot posts about some tickets, for the overdue board (one query): `failed`
 * if any post about the ticket finally failed (someone should tell the group by hand), else the
 * latest post's state. Tickets with no post (or only posts to groups since removed) are absent.
 */
import type { Ticket } from '@shared/index'
import { db } from '../../platform/cloud'
import { C } from '../../store/collections'
import type { NotificationDocument } from '../notificationDocuments'

export interface RobotDelivery {
  state: 'pending' | 'sent' | 'failed'
  at: string | null
}

const STATE: Partial<Record<NotificationDocument['state'], RobotDelivery['state']>> = {
  pending: 'pending',
  sending: 'pending',
  sent: 'sent',
  unknown: 'sent',
  failed: 'failed',
}

export async function robotDeliveryOf(
  townId: string,
  tickets: readonly Pick<Ticket, '_id'>[],
): Promise<Map<string, RobotDelivery>> {
  const out = new Map<string, RobotDelivery>()
  if (tickets.length === 0) return out
  const { data } = await db()
    .collection<NotificationDocument>(C.notifications)
    .where({ townId, channel: 'robot', ticketId: db().command.in(tickets.map((t) => t._id)) })
    .orderBy('createdAt', 'asc')
    .field({ ticketId: true, state: true, sentAt: true, claimedAt: true, createdAt: true })
    .limit(100)
    .get()
  for (const n of data) {
    const state = STATE[n.state]
    if (state === undefined || n.ticketId === null) continue
    if (out.get(n.ticketId)?.state === 'failed') continue
    out.set(n.ticketId, { state, at: n.sentAt ?? n.claimedAt ?? null })
  }
  return out
}
