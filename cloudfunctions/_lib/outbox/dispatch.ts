/**
 * Delivery of the outbox (run by the sweeper): a subscribe message where the recipient holds a
 * credit for the template, else the message stays in-app only, marked with why. Never twice: a
 * message is claimed (`pending` → `sending`, conditional on its attempt count) before it is sent,
 * so overlapping runs cannot both send it, and a claimed message is never sent again. Transient
 * WeChat errors put it back to `pending` with a back-off; after MAX_ATTEMPTS it is `failed`.
 * A message still `sending` long after its claim was left by a crash mid-send: whether WeChat got
 * it cannot be known, so it is marked `unknown` and reported, not retried (the in-app copy stays).
 * A long-term template needs the person's recorded consent instead of a credit (channels/subscribe.ts).
 * Posts to 企业微信 group robots (`channel: 'robot'`) are handed to channels/robot.ts.
 */
import { buildSubscribeMessage, type Staff, type SubscribeMessage } from '@shared/index'
import { db, openapi } from '../platform/cloud'
import { C } from '../store/collections'
import type { TownConfig } from '../store/config'
import type { NotificationDocument } from './outbox'
import { clearCredits, creditsHeld, refundCredit, spendCredit, subscriptionId } from './subscriptions'
import { countRobots, deliverRobotPosts } from './channels/robot'
import { isRobotPost } from './channels/robotPosts'

export const MAX_ATTEMPTS = 5
/** A send takes seconds (a function times out after 20 s): a claim this old was abandoned. */
export const STALE_SENDING_MINUTES = 10
const BACKOFF_MINUTES = [1, 2, 5, 15, 60]
const PAGE = 50
/** How many ids of messages of unknown delivery a report names (the count is complete). */
const REPORTED_IDS = 20

/** WeChat errors worth another try: system busy, rate limits, timeouts. */
const TRANSIENT = new Set([-1, 45009, 45011, 45015, 40001, 42001, -501002])

export interface DispatchReport {
  sent: number
  inAppOnly: number
  retried: number
  failed: number
  /** Found left in `sending` by a crash and marked `unknown` in this run. */
  unknown: number
  /** The first of those, for whoever reads the log. */
  unknownIds: string[]
}

export const emptyDispatchReport = (): DispatchReport => ({
  sent: 0,
  inAppOnly: 0,
  retried: 0,
  failed: 0,
  unknown: 0,
  unknownIds: [],
})

const notifications = () => db().collection<NotificationDocument>(C.notifications)

const backoff = (attempts: number, now: Date): string =>
  new Date(
    now.getTime() + (BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 60) * 60_000,
  ).toISOString()

async function finish(id: string, changes: Partial<NotificationDocument>): Promise<void> {
  await notifications().doc(id).update({ data: changes })
}

/** Claims a pending message for this run; false if another run (or a retry) got there first. */
async function claim(n: NotificationDocument, now: Date): Promise<boolean> {
  const res = await notifications()
    .where({ _id: n._id, state: 'pending', attempts: n.attempts })
    .update({
      data: { state: 'sending', attempts: n.attempts + 1, nextAttemptAt: null, claimedAt: now.toISOString() },
    })
  return res.stats.updated === 1
}

async function openidsOf(townId: string, page: NotificationDocument[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(page.map((n) => n.recipientStaffId).filter((id): id is string => id !== null))]
  if (ids.length === 0) return new Map()
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, _id: db().command.in(ids) })
    .field({ openid: true })
    .limit(100)
    .get()
  return new Map(data.map((s) => [s._id, s.openid]))
}

type Outcome = 'sent' | 'inAppOnly' | 'retried' | 'failed'

/** Why a message stays in-app only without an attempt to send it. */
type InAppReason = 'unbound' | 'noRecipient' | 'notConfigured' | 'noCredit'

interface Sendable {
  n: NotificationDocument
  openid: string
}

/**
 * Sorts a page before anything is claimed: most messages cannot be sent at all (the recipient has
 * no credit, is not bound, or the template is not configured), and those are settled with one
 * conditional update per reason instead of a claim, a credit check and a write each. The credit
 * read is one query for the page; a credit granted after it only waits for the next message.
 */
async function triage(
  page: NotificationDocument[],
  openids: Map<string, string | null>,
  config: TownConfig,
): Promise<{ sendable: Sendable[]; inApp: Map<InAppReason, string[]> }> {
  const inApp = new Map<InAppReason, string[]>()
  const park = (reason: InAppReason, id: string) => inApp.set(reason, [...(inApp.get(reason) ?? []), id])
  const candidates: Sendable[] = []
  for (const n of page) {
    const openid =
      n.recipientOpenid ?? (n.recipientStaffId ? (openids.get(n.recipientStaffId) ?? null) : null)
    if (openid === null) park(n.recipientStaffId ? 'unbound' : 'noRecipient', n._id)
    else if (!config.templates[n.templateKey]?.templateId) park('notConfigured', n._id)
    else candidates.push({ n, openid })
  }
  // A long-term template needs the recorded consent (credits 1, never spent); a one-time one a credit.
  const held = await creditsHeld(
    candidates.map(({ n, openid }) => ({ openid, templateId: config.templates[n.templateKey].templateId })),
  )
  const sendable = candidates.filter(({ n, openid }) => {
    const setting = config.templates[n.templateKey]
    if ((held.get(subscriptionId(openid, setting.templateId)) ?? 0) > 0) return true
    park('noCredit', n._id)
    return false
  })
  return { sendable, inApp }
}

/** Settles parked messages: only those still pending (another run may have claimed one meanwhile). */
async function settleInApp(inApp: Map<InAppReason, string[]>): Promise<number> {
  const _ = db().command
  let settled = 0
  for (const [reason, ids] of inApp) {
    const res = await notifications()
      .where({ _id: _.in(ids), state: 'pending' })
      .update({ data: { state: 'inAppOnly', reason } })
    settled += res.stats.updated
  }
  return settled
}

async function deliver(
  n: NotificationDocument,
  openid: string,
  config: TownConfig,
  now: Date,
): Promise<Outcome> {
  const setting = config.templates[n.templateKey]
  let message: SubscribeMessage
  try {
    message = buildSubscribeMessage(n.templateKey, n.data, config.templates, {
      ticketId: n.ticketId,
      sentAt: now,
    })
  } catch (err) {
    // A configuration bug (the config is checked on read, so this should not happen): not WeChat's fault.
    await finish(n._id, { state: 'failed', reason: `badTemplate ${(err as Error).message}`.slice(0, 200) })
    return 'failed'
  }
  if (!setting.longTerm && !(await spendCredit(openid, setting.templateId))) {
    // Spent since the page's credit read (another message of this page, or another run).
    await finish(n._id, { state: 'inAppOnly', reason: 'noCredit' })
    return 'inAppOnly'
  }
  try {
    await openapi().subscribeMessage.send({
      touser: openid,
      ...message,
      miniprogramState: 'formal',
      lang: 'zh_CN',
    })
  } catch (err) {
    const code = Number((err as { errCode?: unknown }).errCode)
    const message = String((err as { errMsg?: unknown }).errMsg ?? (err as Error).message ?? '').slice(0, 200)
    if (code === 43101) {
      // WeChat holds no credit (or the long-term consent was turned off): in-app only (and the
      // group robot), and our record is corrected so later messages do not try again.
      await clearCredits(openid, setting.templateId)
      await finish(n._id, { state: 'inAppOnly', reason: 'refused' })
      return 'inAppOnly'
    }
    if (!setting.longTerm) await refundCredit(openid, setting.templateId)
    const attempts = n.attempts + 1
    if (TRANSIENT.has(code) && attempts < MAX_ATTEMPTS) {
      await finish(n._id, {
        state: 'pending',
        nextAttemptAt: backoff(attempts, now),
        reason: `${code} ${message}`,
      })
      return 'retried'
    }
    await finish(n._id, { state: 'failed', reason: `${code} ${message}` })
    return 'failed'
  }
  await finish(n._id, { state: 'sent', sentAt: now.toISOString(), reason: null })
  return 'sent'
}

/**
 * Marks messages left in `sending` for over STALE_SENDING_MINUTES as `unknown` (two operations: the
 * page of stale ids, then one conditional update, so a send that finishes meanwhile keeps its state).
 */
async function markAbandoned(townId: string, now: Date, report: DispatchReport): Promise<void> {
  const _ = db().command
  const cutoff = new Date(now.getTime() - STALE_SENDING_MINUTES * 60_000).toISOString()
  const { data } = await notifications()
    .where({ townId, state: 'sending', claimedAt: _.lte(cutoff) })
    .orderBy('claimedAt', 'asc')
    .limit(100)
    .field({ _id: true })
    .get()
  if (data.length === 0) return
  const ids = data.map((n) => n._id)
  const res = await notifications()
    .where({ _id: _.in(ids), state: 'sending', claimedAt: _.lte(cutoff) })
    .update({
      data: {
        state: 'unknown',
        reason: `stuck in sending since before ${cutoff}: delivery unknown, not retried`,
      },
    })
  report.unknown += res.stats.updated
  report.unknownIds.push(...ids.slice(0, Math.max(0, REPORTED_IDS - report.unknownIds.length)))
  console.warn(
    `[dispatch] ${townId}: ${res.stats.updated} message(s) left in sending, marked unknown: ${ids.slice(0, REPORTED_IDS).join(', ')}`,
  )
}

/** Sends what is due in one town, a page at a time, up to `maxPages`; reports abandoned sends. */
export async function dispatchOutbox(config: TownConfig, now: Date, maxPages = 10): Promise<DispatchReport> {
  const report = emptyDispatchReport()
  await markAbandoned(config.townId, now, report)
  const _ = db().command
  for (let page = 0; page < maxPages; page++) {
    const { data } = await notifications()
      .where({ townId: config.townId, state: 'pending', nextAttemptAt: _.lte(now.toISOString()) })
      .orderBy('nextAttemptAt', 'asc')
      .limit(PAGE)
      .get()
    if (data.length === 0) break
    const robots = data.filter(isRobotPost)
    const people = robots.length > 0 ? data.filter((n) => !isRobotPost(n)) : data
    if (robots.length > 0) countRobots(report, await deliverRobotPosts(config, robots, now))
    const { sendable, inApp } = await triage(people, await openidsOf(config.townId, people), config)
    report.inAppOnly += await settleInApp(inApp)
    for (const { n, openid } of sendable) {
      if (!(await claim(n, now))) continue
      report[await deliver(n, openid, config, now)]++
    }
    if (data.length < PAGE) break
  }
  return report
}
