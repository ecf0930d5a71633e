/**
 * Delivery of the outbox (run by the sweeper): a subscribe message where the recipient holds a
 * credit for the template, else the message stays in-app only, marked with why. Never twice: a
 * message is claimed (`pending` → `sending`, conditional on its attempt count) before it is sent,
 * so overlapping runs cannot both send it, and a claimed message is never sent again. Transient
 * WeChat errors put it back to `pending` with a back-off; after MAX_ATTEMPTS it is `failed`.
 */
import type { Staff } from '@shared/index'
import { db, openapi } from './cloud'
import { C } from './collections'
import type { TownConfig } from './config'
import type { NotificationDocument } from './outbox'
import { clearCredits, refundCredit, spendCredit } from './subscriptions'
import { pageFor, subscribeData } from './templateSettings'

export const MAX_ATTEMPTS = 5
const BACKOFF_MINUTES = [1, 2, 5, 15, 60]
const PAGE = 50

/** WeChat errors worth another try: system busy, rate limits, timeouts. */
const TRANSIENT = new Set([-1, 45009, 45011, 45015, 40001, 42001, -501002])

export interface DispatchReport {
  sent: number
  inAppOnly: number
  retried: number
  failed: number
}

const notifications = () => db().collection<NotificationDocument>(C.notifications)

const backoff = (attempts: number, now: Date): string =>
  new Date(now.getTime() + (BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 60) * 60_000).toISOString()

async function finish(id: string, changes: Partial<NotificationDocument>): Promise<void> {
  await notifications().doc(id).update({ data: changes })
}

/** Claims a pending message for this run; false if another run (or a retry) got there first. */
async function claim(n: NotificationDocument, now: Date): Promise<boolean> {
  const res = await notifications()
    .where({ _id: n._id, state: 'pending', attempts: n.attempts })
    .update({ data: { state: 'sending', attempts: n.attempts + 1, nextAttemptAt: null, claimedAt: now.toISOString() } })
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

type Outcome = keyof DispatchReport

async function deliver(n: NotificationDocument, openid: string | null, config: TownConfig, now: Date): Promise<Outcome> {
  const setting = config.templates[n.templateKey]
  if (openid === null) {
    await finish(n._id, { state: 'inAppOnly', reason: n.recipientStaffId ? 'unbound' : 'noRecipient' })
    return 'inAppOnly'
  }
  if (!setting?.templateId) {
    await finish(n._id, { state: 'inAppOnly', reason: 'notConfigured' })
    return 'inAppOnly'
  }
  if (!setting.longTerm && !(await spendCredit(openid, setting.templateId))) {
    await finish(n._id, { state: 'inAppOnly', reason: 'noCredit' })
    return 'inAppOnly'
  }
  try {
    await openapi().subscribeMessage.send({
      touser: openid,
      templateId: setting.templateId,
      page: pageFor(setting, n.ticketId),
      data: subscribeData(setting, n.data),
      miniprogramState: 'formal',
      lang: 'zh_CN',
    })
  } catch (err) {
    const code = Number((err as { errCode?: unknown }).errCode)
    const message = String((err as { errMsg?: unknown }).errMsg ?? (err as Error).message ?? '').slice(0, 200)
    if (code === 43101) {
      // WeChat holds no credit for this user and template: in-app only, and our count is corrected.
      if (!setting.longTerm) await clearCredits(openid, setting.templateId)
      await finish(n._id, { state: 'inAppOnly', reason: 'refused' })
      return 'inAppOnly'
    }
    if (!setting.longTerm) await refundCredit(openid, setting.templateId)
    const attempts = n.attempts + 1
    if (TRANSIENT.has(code) && attempts < MAX_ATTEMPTS) {
      await finish(n._id, { state: 'pending', nextAttemptAt: backoff(attempts, now), reason: `${code} ${message}` })
      return 'retried'
    }
    await finish(n._id, { state: 'failed', reason: `${code} ${message}` })
    return 'failed'
  }
  await finish(n._id, { state: 'sent', sentAt: now.toISOString(), reason: null })
  return 'sent'
}

/** Sends what is due in one town, a page at a time, up to `maxPages`. */
export async function dispatchOutbox(config: TownConfig, now: Date, maxPages = 10): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, inAppOnly: 0, retried: 0, failed: 0 }
  const _ = db().command
  for (let page = 0; page < maxPages; page++) {
    const { data } = await notifications()
      .where({ townId: config.townId, state: 'pending', nextAttemptAt: _.lte(now.toISOString()) })
      .orderBy('nextAttemptAt', 'asc')
      .limit(PAGE)
      .get()
    if (data.length === 0) break
    const openids = await openidsOf(config.townId, data)
    for (const n of data) {
      if (!(await claim(n, now))) continue
      const openid = n.recipientOpenid ?? (n.recipientStaffId ? (openids.get(n.recipientStaffId) ?? null) : null)
      report[await deliver(n, openid, config, now)]++
    }
    if (data.length < PAGE) break
  }
  return report
}
