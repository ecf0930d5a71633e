/**
 * The notification outbox and in-app message centre (docs/architecture.md, "Data and many towns" and "Notifications"): one document per message
 * and recipient, written in the same transaction as the state change that caused it. Its `_id` is
 * derived from the idempotency key (ticket, version, template, recipient), so a retried command
 * cannot write a message twice. Delivery state (`state`, `attempts`, `nextAttemptAt`) is kept apart
 * from the in-app state (`read`), like FixMyStreet's send_state; the sweeper dispatches (dispatch.ts).
 */
import type { Effect, Village } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { auditsFor, isGroup, notificationsFor } from './notificationDocuments'
import type { Writer } from '../platform/sdkTypes'

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

/** Writes the effects' documents with `txn` (one insert per collection that has any). */
export async function writeEffects(
  txn: Writer,
  townId: string,
  batches: readonly EffectBatch[],
  villages: ReadonlyMap<string, Village>,
  now: Date,
): Promise<number> {
  const notifications = batches.flatMap((b) => notificationsFor(townId, b.version, b.effects, villages, now))
  const audits = batches.flatMap((b) => auditsFor(townId, b.version, b.effects))
  if (notifications.length > 0) await txn.collection(C.notifications).add({ data: notifications })
  if (audits.length > 0) await txn.collection(C.audit).add({ data: audits })
  return notifications.length
}
