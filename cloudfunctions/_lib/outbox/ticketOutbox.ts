/**
 * The outbox carried in the ticket's own write (docs/architecture.md, "Notifications"): a ticket
 * change's notification documents (message centre, delivery, robot posts) and audit documents go
 * into the ticket document as one pending entry, in the same insert or update as the change, so a
 * change costs no insert of its own and the change and its messages exist together or not at all.
 * The sweeper materialises the entries every minute (materialise.ts): one insert per collection,
 * then one update that pulls exactly the entries it wrote.
 */
import type { Village } from '@shared/index'
import {
  auditsFor,
  notificationsFor,
  type AuditDocument,
  type NotificationDocument,
} from './notificationDocuments'
import type { EffectBatch } from './outbox'

export interface OutboxEntry {
  /** `<ticketId>:v<version>`: the ticket version the write produced (unique: every change raises it). */
  key: string
  /** When the change was written (ISO). */
  at: string
  notifications: NotificationDocument[]
  audits: AuditDocument[]
}

/**
 * The entry of one ticket write that produced `version` (the last of `batches`), or null when the
 * change has nothing to say. `extra`: further notifications (the town's group-robot posts).
 */
export function outboxEntry(
  townId: string,
  ticketId: string,
  version: number,
  batches: readonly EffectBatch[],
  villages: ReadonlyMap<string, Village>,
  now: Date,
  extra: readonly NotificationDocument[] = [],
): OutboxEntry | null {
  const notifications = [
    ...batches.flatMap((b) => notificationsFor(townId, b.version, b.effects, villages, now)),
    ...extra,
  ]
  const audits = batches.flatMap((b) => auditsFor(townId, b.version, b.effects))
  if (notifications.length === 0 && audits.length === 0) return null
  return { key: `${ticketId}:v${version}`, at: now.toISOString(), notifications, audits }
}
