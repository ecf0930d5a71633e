/**
 * Robot posts as outbox documents (collection `notifications`, `channel: 'robot'`, recipient
 * `robot:<town|villageId>`): carried in the same write as the escalation or 催办 that caused them
 * (a command's ticket outbox, or the sweeper's batch), one per ticket version and group, so a retried command or an overlapping sweep never posts
 * twice. What is posted is built now (names as they are now); whom to @-mention is kept as staff
 * ids and turned into phone numbers when sent. No key is stored: the sender reads it from the
 * town's configuration.
 */
import {
  hasRobots,
  alertLine,
  alertMarkdown,
  mentionText,
  robotTargetsFor,
  type AlertChannels,
  type NotifyEffect,
  type RobotAlert,
  type RobotTarget,
  type TemplateInputs,
  type Ticket,
  type Village,
} from '@shared/index'
import { townConfig } from '../../store/config'
import { directory, type Directory } from '../../store/directory'
import type { EffectBatch } from '../outbox'
import { expandRecipient, notificationId, type NotificationDocument } from '../notificationDocuments'

export interface RobotPost {
  target: RobotTarget
  kind: 'alert' | 'digest'
  markdown: string
  /** The post in one line, for a batch when the robot's minute runs out. */
  line: string
  /** Who the following text message @-mentions (their phones are looked up when sending). */
  mentionStaffIds: string[]
  mentionText: string | null
  /** Messages it took to deliver (markdown, plus the mention); counts against 20 a minute. */
  posts?: number
}

export type RobotPostDocument = NotificationDocument & { channel: 'robot'; robot: RobotPost }

export const isRobotPost = (n: NotificationDocument): n is RobotPostDocument => n.channel === 'robot'

/** A robot post in the outbox's shape (pending, due now, read: it belongs to no message centre). */
export function robotPostDocument(
  key: string,
  townId: string,
  ticketId: string | null,
  data: TemplateInputs['overdueAlert'],
  robot: RobotPost,
  now: Date,
): RobotPostDocument {
  const at = now.toISOString()
  return {
    _id: notificationId(key),
    key,
    channel: 'robot',
    townId,
    recipient: `robot:${robot.target}`,
    recipientStaffId: null,
    recipientOpenid: null,
    ticketId,
    templateKey: 'overdueAlert',
    data,
    read: true,
    createdAt: at,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    reason: null,
    sentAt: null,
    robot,
  }
}

const isOverdue = (
  e: EffectBatch['effects'][number],
): e is Extract<NotifyEffect, { template: 'overdueAlert' }> =>
  e.kind === 'notify' && e.template === 'overdueAlert'

/**
 * The posts for a ticket's transitions: each batch with an overdue alert (the ladder's 催办, 督办,
 * 挂牌督办, or a 催办 by hand past the deadline) goes to the groups `robotTargetsFor` names,
 * mentioning the people the alert went to.
 */
export function robotPostsFor(
  channels: AlertChannels,
  ticket: Ticket,
  batches: readonly EffectBatch[],
  villages: ReadonlyMap<string, Village>,
  dir: Directory,
  now: Date,
): RobotPostDocument[] {
  const out: RobotPostDocument[] = []
  for (const batch of batches) {
    const alerts = batch.effects.filter(isOverdue)
    if (alerts.length === 0) continue
    const data = alerts[alerts.length - 1].data
    const mentionStaffIds = [
      ...new Set(
        alerts.flatMap((a) =>
          expandRecipient(a.recipient, villages).flatMap((p) => (p.kind === 'staff' ? [p.staffId] : [])),
        ),
      ),
    ]
    const alert: RobotAlert = {
      ticketNumber: ticket.number,
      villageName: dir.villages.get(ticket.villageId)?.name ?? '',
      gridName: dir.grids.get(ticket.gridId)?.name ?? '',
      level: data.level,
      overdue: data.overdue,
      urgent: ticket.priority === 'urgent',
      assigneeName: data.assigneeName,
      matter: data.matter,
    }
    for (const target of robotTargetsFor(channels, ticket.villageId, data.level)) {
      const key = `${ticket._id}:v${batch.version}:robot:${target}`
      out.push(
        robotPostDocument(
          key,
          ticket.townId,
          ticket._id,
          data,
          {
            target,
            kind: 'alert',
            markdown: alertMarkdown(alert),
            line: alertLine(alert),
            mentionStaffIds,
            mentionText: mentionText(ticket.number, data.level, [data.assigneeName]),
          },
          now,
        ),
      )
    }
  }
  return out
}

/**
 * The posts of a command's transitions, for its outbox entry: nothing to read unless one of them raised
 * an overdue alert and the town has robots (configuration and directory are cached per instance).
 */
export async function robotPostsOf(
  townId: string,
  ticket: Ticket,
  batches: readonly EffectBatch[],
  villages: ReadonlyMap<string, Village>,
  now: Date,
): Promise<RobotPostDocument[]> {
  if (!batches.some((b) => b.effects.some(isOverdue))) return []
  const config = await townConfig(townId)
  if (!hasRobots(config.alerts)) return []
  return robotPostsFor(config.alerts, ticket, batches, villages, await directory(townId), now)
}
