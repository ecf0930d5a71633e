/**
 * Delivery of the outbox (run by the sweeper): a subscribe message where the recipient holds a
 * credit for the template, else the message stays in-app only, marked with why. Never twice: a
 * message is claimed (`pending` → `sending`, conditional on its attempt count) before it is sent,
 * so overlapping runs cannot both send it, and a claimed message is never sent again. Transient
 * WeChat errors put it back to `pending` with a back-off; after MAX_ATTEMPTS it is `failed`.
 * A message still `sending` long after its claim was left by a crash mid-send: whether WeChat got
 * it cannot be known, so it is marked `unknown` and reported, not retried (the in-app copy stays).
 * One run serves every town of the environment: the pending messages are one query across towns,
 * and each page loads the configuration of the towns it holds (cached per warm instance).
 * A long-term template needs the person's recorded consent instead of a credit (channels/subscribe.ts).
 * Posts to 企业微信 group robots (`channel: 'robot'`) are handed to channels/robot.ts.
 */
import { buildSubscribeMessage, type Staff, type SubscribeMessage } from '@shared/index'
import { db, openapi } from '../platform/cloud'
import { encodeCursor, pageWhere } from '../store/cursor'
import { C } from '../store/collections'
import { townConfigs, type TownConfig } from '../store/config'
import type { NotificationDocument } from './outbox'
import { clearCredits, creditsHeld, refundCredit, spendCredit, subscriptionId } from './subscriptions'
import { countRobots, deliverRobotPosts } from './channels/robot'
import { isRobotPost, type RobotPostDocument } from './channels/robotPosts'

export const MAX_ATTEMPTS = 5
/** A send takes seconds (a function times out after 20 s): a claim this old was abandoned. */
export const STALE_SENDING_MINUTES = 10
/** The check for abandoned sends runs on the minutes divisible by this, not every minute. */
export const ABANDONED_CHECK_EVERY_MINUTES = 10
const BACKOFF_MINUTES = [1, 2, 5, 15, 60]
const PAGE = 100
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

/** The bound openids of a page's staff recipients (one query across towns; another town's entry is ignored). */
async function openidsOf(page: NotificationDocument[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(page.map((n) => n.recipientStaffId).filter((id): id is string => id !== null))]
  if (ids.length === 0) return new Map()
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ _id: db().command.in(ids) })
    .field({ openid: true, townId: true })
    .limit(100)
    .get()
  const townOf = new Map(page.map((n) => [n.recipientStaffId, n.townId]))
  return new Map(data.filter((s) => townOf.get(s._id) === s.townId).map((s) => [s._id, s.openid]))
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
  configs: Map<string, TownConfig>,
): Promise<{ sendable: Sendable[]; inApp: Map<InAppReason, string[]> }> {
  const templatesOf = (n: NotificationDocument) => (configs.get(n.townId) as TownConfig).templates
  const inApp = new Map<InAppReason, string[]>()
  const park = (reason: InAppReason, id: string) => inApp.set(reason, [...(inApp.get(reason) ?? []), id])
  const candidates: Sendable[] = []
  for (const n of page) {
    const openid =
      n.recipientOpenid ?? (n.recipientStaffId ? (openids.get(n.recipientStaffId) ?? null) : null)
    if (openid === null) park(n.recipientStaffId ? 'unbound' : 'noRecipient', n._id)
    else if (!templatesOf(n)[n.templateKey]?.templateId) park('notConfigured', n._id)
    else candidates.push({ n, openid })
  }
  // A long-term template needs the recorded consent (credits 1, never spent); a one-time one a credit.
  const held = await creditsHeld(
    candidates.map(({ n, openid }) => ({ openid, templateId: templatesOf(n)[n.templateKey].templateId })),
  )
  const sendable = candidates.filter(({ n, openid }) => {
    const setting = templatesOf(n)[n.templateKey]
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
 * page of stale ids across towns, then one conditional update, so a send that finishes meanwhile
 * keeps its state).
 */
async function markAbandoned(now: Date, report: DispatchReport, dryRun: boolean): Promise<void> {
  const _ = db().command
  const cutoff = new Date(now.getTime() - STALE_SENDING_MINUTES * 60_000).toISOString()
  const { data } = await notifications()
    .where({ state: 'sending', claimedAt: _.lte(cutoff) })
    .orderBy('claimedAt', 'asc')
    .limit(100)
    .field({ _id: true })
    .get()
  if (data.length === 0) return
  const ids = data.map((n) => n._id)
  const updated = dryRun
    ? ids.length
    : (
        await notifications()
          .where({ _id: _.in(ids), state: 'sending', claimedAt: _.lte(cutoff) })
          .update({
            data: {
              state: 'unknown',
              reason: `stuck in sending since before ${cutoff}: delivery unknown, not retried`,
            },
          })
      ).stats.updated
  report.unknown += updated
  report.unknownIds.push(...ids.slice(0, Math.max(0, REPORTED_IDS - report.unknownIds.length)))
  console.warn(
    `[dispatch] ${updated} message(s) left in sending${dryRun ? ' (dry run: not marked)' : ', marked unknown'}: ${ids.slice(0, REPORTED_IDS).join(', ')}`,
  )
}

export interface DispatchOptions {
  /** Say what would be sent, without claiming, sending or writing anything. */
  dryRun?: boolean
  /** Look for abandoned sends (only on minutes divisible by ABANDONED_CHECK_EVERY_MINUTES). */
  checkAbandoned?: boolean
  maxPages?: number
}

/**
 * Sends what is due across towns, a page at a time, up to `maxPages`; reports abandoned sends. The
 * first page is the newest messages, so a new task's notice is not held behind a backlog (after a
 * burst of escalations); the pages after it take the oldest first, so nothing waits for ever.
 */
export async function dispatchOutbox(now: Date, options: DispatchOptions = {}): Promise<DispatchReport> {
  const report = emptyDispatchReport()
  const dryRun = options.dryRun === true
  const minute = Math.floor(now.getTime() / 60_000)
  if (options.checkAbandoned && minute % ABANDONED_CHECK_EVERY_MINUTES === 0)
    await markAbandoned(now, report, dryRun)
  const _ = db().command
  let cursor: string | null = null
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const base = { state: 'pending', nextAttemptAt: _.lte(now.toISOString()) }
    const order = !dryRun && page === 0 ? 'desc' : 'asc'
    const { data } = await notifications()
      .where(dryRun ? pageWhere(base, 'nextAttemptAt', 'asc', cursor) : base)
      .orderBy('nextAttemptAt', order)
      .orderBy('_id', order)
      .limit(PAGE)
      .get()
    if (data.length === 0) break
    const configs = await townConfigs(data.map((n) => n.townId))
    const robots = data.filter(isRobotPost)
    const people = robots.length > 0 ? data.filter((n) => !isRobotPost(n)) : data
    const { sendable, inApp } = await triage(people, await openidsOf(people), configs)
    if (dryRun) {
      report.sent += robots.length
      report.inAppOnly += [...inApp.values()].reduce((sum, ids) => sum + ids.length, 0)
      report.sent += sendable.length
      const last = data[data.length - 1]
      cursor = encodeCursor({ v: last.nextAttemptAt, id: last._id })
    } else {
      // A page's robot posts, town by town (each town's groups, keys and rate limits).
      const byTown = new Map<string, RobotPostDocument[]>()
      for (const r of robots) byTown.set(r.townId, [...(byTown.get(r.townId) ?? []), r])
      for (const [townId, posts] of byTown)
        countRobots(report, await deliverRobotPosts(configs.get(townId) as TownConfig, posts, now))
      report.inAppOnly += await settleInApp(inApp)
      for (const { n, openid } of sendable) {
        if (!(await claim(n, now))) continue
        report[await deliver(n, openid, configs.get(n.townId) as TownConfig, now)]++
      }
    }
    if (data.length < PAGE) break
  }
  return report
}
