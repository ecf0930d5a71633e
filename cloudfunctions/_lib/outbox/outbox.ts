/**
 * The notification outbox and in-app message centre (docs/architecture.md, "Data and many towns" and "Notifications"): one document per message
 * and recipient. A ticket change carries its documents in the ticket's own write (ticketOutbox.ts);
 * the sweeper materialises them into `notifications` and `audit` within a minute (materialise.ts).
 * Its `_id` is derived from the idempotency key (ticket, version, template, recipient), so a
 * retried command or a repeated materialisation cannot write a message twice. Delivery state
 * (`state`, `attempts`, `nextAttemptAt`) is kept apart from the in-app state (`read`), like
 * FixMyStreet's send_state; the sweeper dispatches (dispatch.ts).
 */
import type { Effect, Village } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { isGroup } from './notificationDocuments'

export * from './notificationDocuments'

/** The villages whose lists the effects need (read fresh: who is on duty must be current). */
export async function villagesFor(townId: string, effects: readonly Effect[]): Promise<Map<string, Village>> {
  const ids = [
    ...new Set(
      effects.flatMap((e) => (e.kind === 'notify' && isGroup(e.recipient) ? [e.recipient.villageId] : [])),
    ),
  ]
  if (ids.length === 0) return new Map()
  const { data } = await db()
    .collection<Village>(C.villages)
    .where({ townId, _id: db().command.in(ids) })
    .limit(100)
    .get()
  return new Map(data.map((v) => [v._id, v]))
}

/** The effects of one accepted transition, with the ticket version it produced. */
export interface EffectBatch {
  version: number
  effects: readonly Effect[]
}
