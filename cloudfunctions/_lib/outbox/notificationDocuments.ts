/**
 * The outbox's documents, built from a transition's effects (pure: the functions write them, and so
 * does the demo seed). See outbox.ts for how they are written and dispatch.ts for delivery.
 */
import { createHash } from 'node:crypto'
import type {
  AuditEffect,
  Effect,
  NotifyEffect,
  Recipient,
  TemplateInputs,
  TemplateKey,
  Village,
} from '../../../shared/index'

/**
 * `unknown`: claimed for sending and never finished (the sender crashed mid-send). WeChat may or may
 * not have delivered it, so it is never sent again; the sweeper marks it so after a while (dispatch.ts).
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'inAppOnly' | 'failed' | 'unknown'

export interface NotificationDocument {
  _id: string
  /** Absent: a person's message (in-app, and a subscribe message where allowed). `robot`: a post
   * to a 企业微信 group (outbox/channels/robot.ts), in nobody's message centre. */
  channel?: 'robot'
  /** The idempotency key, readable: `<ticketId>:v<version>:<template>:<recipient>`. */
  key: string
  townId: string
  /** `staff:<staffId>` or `openid:<openid>`: what the message centre queries by. */
  recipient: string
  recipientStaffId: string | null
  recipientOpenid: string | null
  ticketId: string | null
  templateKey: TemplateKey
  data: TemplateInputs[TemplateKey]
  read: boolean
  createdAt: string
  state: DeliveryState
  attempts: number
  nextAttemptAt: string | null
  /** When the last delivery attempt claimed it (`sending` since then, until it finishes). */
  claimedAt?: string | null
  /** Why a message stayed in-app only, or why delivery failed. */
  reason: string | null
  sentAt: string | null
}

export interface AuditDocument {
  _id: string
  townId: string
  ticketId: string
  action: string
  at: string
  actor: AuditEffect['actor']
  details: Record<string, unknown>
}

type PersonRecipient = { kind: 'reporter'; openid: string } | { kind: 'staff'; staffId: string }

const recipientKey = (r: PersonRecipient): string =>
  r.kind === 'reporter' ? `openid:${r.openid}` : `staff:${r.staffId}`

export const notificationId = (key: string): string =>
  `n_${createHash('sha1').update(key).digest('hex').slice(0, 32)}`

export const isGroup = (r: Recipient): r is Extract<Recipient, { villageId: string }> =>
  r.kind === 'villageGuides' || r.kind === 'townGuides' || r.kind === 'supervisors'

const GROUP_FIELD = {
  villageGuides: 'villageGuideIds',
  townGuides: 'townGuideIds',
  supervisors: 'supervisorIds',
} as const

/** The people a recipient names: a group is the village's list at this moment. */
export function expandRecipient(r: Recipient, villages: ReadonlyMap<string, Village>): PersonRecipient[] {
  if (!isGroup(r)) return [r]
  const ids = villages.get(r.villageId)?.[GROUP_FIELD[r.kind]] ?? []
  return ids.map((staffId) => ({ kind: 'staff', staffId }))
}

/**
 * The outbox documents for a ticket version's effects: one per person, duplicates (the assignee
 * who is also a village guide) written once.
 */
export function notificationsFor(
  townId: string,
  ticketVersion: number,
  effects: readonly Effect[],
  villages: ReadonlyMap<string, Village>,
  now: Date,
): NotificationDocument[] {
  const at = now.toISOString()
  const out = new Map<string, NotificationDocument>()
  for (const e of effects.filter((x): x is NotifyEffect => x.kind === 'notify')) {
    for (const person of expandRecipient(e.recipient, villages)) {
      const key = `${e.ticketId}:v${ticketVersion}:${e.template}:${recipientKey(person)}`
      if (out.has(key)) continue
      out.set(key, {
        _id: notificationId(key),
        key,
        townId,
        recipient: recipientKey(person),
        recipientStaffId: person.kind === 'staff' ? person.staffId : null,
        recipientOpenid: person.kind === 'reporter' ? person.openid : null,
        ticketId: e.ticketId,
        templateKey: e.template,
        data: { ...e.data },
        read: false,
        createdAt: at,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        reason: null,
        sentAt: null,
      })
    }
  }
  return [...out.values()]
}

export function auditsFor(
  townId: string,
  ticketVersion: number,
  effects: readonly Effect[],
): AuditDocument[] {
  return effects
    .filter((e): e is AuditEffect => e.kind === 'audit')
    .map((e) => ({
      _id: notificationId(`${e.ticketId}:v${ticketVersion}:audit:${e.action}`).replace(/^n_/, 'a_'),
      townId,
      ticketId: e.ticketId,
      action: e.action,
      at: e.at,
      actor: e.actor,
      details: e.details,
    }))
}
