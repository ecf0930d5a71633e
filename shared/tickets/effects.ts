import type { Role } from '../model/roles'
import type { TimelineEntry } from '../model/ticket'
import type { TemplateInputs, TemplateKey } from '../notifications/templateInputs'

/**
 * Effects are data: the state machine says what should happen, the cloud function does it
 * (writes the outbox and the message centre, appends the audit log) after the ticket is saved.
 */

/** Who is to be told. Group recipients are resolved by the function from the village's lists. */
export type Recipient =
  | { kind: 'reporter'; openid: string }
  | { kind: 'staff'; staffId: string }
  | { kind: 'villageGuides'; villageId: string }
  | { kind: 'townGuides'; villageId: string }
  | { kind: 'supervisors'; villageId: string }

export type NotifyEffect = {
  [K in TemplateKey]: {
    kind: 'notify'
    ticketId: string
    recipient: Recipient
    template: K
    data: TemplateInputs[K]
  }
}[TemplateKey]

export interface TimelineEffect {
  kind: 'timeline'
  ticketId: string
  entry: TimelineEntry
}

/** Corrections that change ownership or end a ticket without a result go to the audit log. */
export interface AuditEffect {
  kind: 'audit'
  ticketId: string
  action: string
  at: string
  actor: { staffId?: string; openid?: string; roles: Role[] }
  details: Record<string, unknown>
}

export type Effect = NotifyEffect | TimelineEffect | AuditEffect

export const notify = <K extends TemplateKey>(
  ticketId: string,
  recipient: Recipient,
  template: K,
  data: TemplateInputs[K],
): NotifyEffect => ({ kind: 'notify', ticketId, recipient, template, data }) as NotifyEffect

const recipientKey = (r: Recipient): string =>
  r.kind === 'reporter'
    ? `reporter:${r.openid}`
    : r.kind === 'staff'
      ? `staff:${r.staffId}`
      : `${r.kind}:${r.villageId}`

/**
 * The outbox's idempotency key for a notification: the same effect of the same ticket version is
 * one message, however often a retried call produces it.
 */
export const notificationKey = (effect: NotifyEffect, ticketVersion: number): string =>
  `${effect.ticketId}:v${ticketVersion}:${effect.template}:${recipientKey(effect.recipient)}`
