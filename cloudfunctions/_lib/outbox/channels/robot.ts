/**
 * Delivery of robot posts (run by the outbox's dispatch, a page at a time). Per group:
 * - at most 20 messages a minute (企业微信's limit per robot): the posts of the last minute are
 *   counted first; what does not fit singly is folded into one batch message rather than dropped,
 *   and when the minute is used up the posts wait for the next run;
 * - claim before send (`pending` → `sending`, conditional on the attempt count), as for subscribe
 *   messages: overlapping runs cannot post twice;
 * - a refused or unanswered post is retried with a back-off, and after ROBOT_MAX_ATTEMPTS it is
 *   `failed` — which the overdue board shows;
 * - a group whose key was removed from the configuration gets nothing (`inAppOnly`, notConfigured).
 * The markdown goes first; then, if the post names people, a text message that @-mentions them by
 * phone (only text messages can). A failed mention does not repeat the markdown.
 */
import {
  ROBOT_POSTS_PER_MINUTE,
  batchMarkdown,
  robotKeyOf,
  type RobotTarget,
  type Staff,
} from '@shared/index'
import { db } from '../../platform/cloud'
import { C } from '../../store/collections'
import type { TownConfig } from '../../store/config'
import type { NotificationDocument } from '../notificationDocuments'
import type { RobotPostDocument } from './robotPosts'
import { postToRobot, type RobotBody } from './webhook'

export const ROBOT_MAX_ATTEMPTS = 5
const BACKOFF_MINUTES = [1, 2, 5, 15]

export interface RobotReport {
  posted: number
  batched: number
  retried: number
  failed: number
  waiting: number
}

const notifications = () => db().collection<NotificationDocument>(C.notifications)

const minutesLater = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()

/** Messages posted to this group in the minute before `now` (one query). */
async function postsInLastMinute(townId: string, target: RobotTarget, now: Date): Promise<number> {
  const _ = db().command
  const { data } = await notifications()
    .where({
      townId,
      recipient: `robot:${target}`,
      state: 'sent',
      sentAt: _.gt(new Date(now.getTime() - 60_000).toISOString()),
    })
    .field({ robot: true })
    .limit(100)
    .get()
  return data.reduce((n, d) => n + ((d as RobotPostDocument).robot?.posts ?? 1), 0)
}

/** Other posts due for the group than those in hand (one query, up to 100). */
async function moreDue(
  townId: string,
  target: RobotTarget,
  have: RobotPostDocument[],
  now: Date,
): Promise<RobotPostDocument[]> {
  const _ = db().command
  const { data } = await notifications()
    .where({
      townId,
      recipient: `robot:${target}`,
      state: 'pending',
      nextAttemptAt: _.lte(now.toISOString()),
    })
    .orderBy('nextAttemptAt', 'asc')
    .limit(100)
    .get()
  const known = new Set(have.map((d) => d._id))
  return (data as RobotPostDocument[]).filter((d) => !known.has(d._id))
}

async function claim(docs: RobotPostDocument[], now: Date): Promise<RobotPostDocument[]> {
  const won: RobotPostDocument[] = []
  for (const n of docs) {
    const res = await notifications()
      .where({ _id: n._id, state: 'pending', attempts: n.attempts })
      .update({
        data: {
          state: 'sending',
          attempts: n.attempts + 1,
          nextAttemptAt: null,
          claimedAt: now.toISOString(),
        },
      })
    if (res.stats.updated === 1) won.push({ ...n, attempts: n.attempts + 1 })
  }
  return won
}

async function phonesOf(townId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, _id: db().command.in([...new Set(ids)].slice(0, 100)) })
    .field({ phone: true })
    .limit(100)
    .get()
  return new Map(data.filter((s) => s.phone).map((s) => [s._id, s.phone]))
}

/** Posts one message (markdown, then the mention) for `docs` and settles them all the same way. */
async function post(
  key: string,
  docs: RobotPostDocument[],
  markdown: string,
  mention: { text: string; phones: string[] } | null,
  now: Date,
  report: RobotReport,
): Promise<number> {
  const answer = await postToRobot(key, { msgtype: 'markdown', markdown: { content: markdown } })
  const _ = db().command
  const ids = docs.map((d) => d._id)
  if (answer.errcode !== 0) {
    const attempts = Math.max(...docs.map((d) => d.attempts))
    const reason = `robot ${answer.errcode} ${answer.errmsg}`.slice(0, 200)
    if (attempts < ROBOT_MAX_ATTEMPTS) {
      await notifications()
        .where({ _id: _.in(ids), state: 'sending' })
        .update({
          data: {
            state: 'pending',
            nextAttemptAt: minutesLater(now, BACKOFF_MINUTES[attempts - 1] ?? 15),
            reason,
          },
        })
      report.retried += docs.length
    } else {
      await notifications()
        .where({ _id: _.in(ids), state: 'sending' })
        .update({ data: { state: 'failed', reason } })
      report.failed += docs.length
      console.warn(`[robot] ${docs[0].townId}: post to group ${docs[0].robot.target} failed: ${reason}`)
    }
    return 1
  }
  let posts = 1
  let reason: string | null = docs.length > 1 ? `batched ${docs.length}` : null
  if (mention && mention.phones.length > 0) {
    const body: RobotBody = {
      msgtype: 'text',
      text: { content: mention.text, mentioned_mobile_list: mention.phones },
    }
    const m = await postToRobot(key, body)
    posts++
    if (m.errcode !== 0) reason = `mention failed: ${m.errcode} ${m.errmsg}`.slice(0, 200)
  }
  // The messages count once, on the first document (the minute's budget sums them).
  const [head, ...rest] = ids
  const sent = { state: 'sent', sentAt: now.toISOString(), reason }
  await notifications()
    .where({ _id: head, state: 'sending' })
    .update({ data: { ...sent, 'robot.posts': posts } })
  if (rest.length > 0)
    await notifications()
      .where({ _id: _.in(rest), state: 'sending' })
      .update({ data: { ...sent, 'robot.posts': 0 } })
  report.posted += docs.length
  return posts
}

/** One group's due posts: singly while the minute allows, the rest folded into one batch. */
async function deliverToGroup(
  config: TownConfig,
  target: RobotTarget,
  due: RobotPostDocument[],
  now: Date,
  report: RobotReport,
): Promise<void> {
  const _ = db().command
  const key = robotKeyOf(config.alerts, target)
  if (key === null) {
    await notifications()
      .where({ _id: _.in(due.map((d) => d._id)), state: 'pending' })
      .update({ data: { state: 'inAppOnly', reason: 'notConfigured' } })
    return
  }
  let budget = ROBOT_POSTS_PER_MINUTE - (await postsInLastMinute(config.townId, target, now))
  if (budget <= 0) {
    await notifications()
      .where({ _id: _.in(due.map((d) => d._id)), state: 'pending' })
      .update({ data: { nextAttemptAt: minutesLater(now, 1) } })
    report.waiting += due.length
    return
  }
  // Every post due for this group, later pages' too (one query): if they are more than the
  // minute allows, one batch message carries the rest.
  const mine = await claim([...due, ...(await moreDue(config.townId, target, due, now))], now)
  const phones = await phonesOf(
    config.townId,
    mine.flatMap((d) => d.robot.mentionStaffIds),
  )
  const mentionOf = (d: RobotPostDocument) =>
    d.robot.mentionText === null
      ? null
      : { text: d.robot.mentionText, phones: d.robot.mentionStaffIds.flatMap((id) => phones.get(id) ?? []) }
  const cost = (d: RobotPostDocument) => 1 + ((mentionOf(d)?.phones.length ?? 0) > 0 ? 1 : 0)
  const total = mine.reduce((n, d) => n + cost(d), 0)
  // All singly if they fit in the minute; else singly while one message is left for the batch.
  const reserve = total <= budget ? 0 : 1
  let i = 0
  while (i < mine.length && cost(mine[i]) <= budget - reserve) {
    budget -= await post(key, [mine[i]], mine[i].robot.markdown, mentionOf(mine[i]), now, report)
    i++
  }
  const rest = mine.slice(i)
  if (rest.length === 0) return
  if (rest.length === 1) {
    await post(key, rest, rest[0].robot.markdown, null, now, report)
    return
  }
  await post(key, rest, batchMarkdown(rest.map((d) => d.robot.line)), null, now, report)
  report.batched += rest.length
}

/** Delivers a page's robot posts, group by group. */
export async function deliverRobotPosts(
  config: TownConfig,
  page: RobotPostDocument[],
  now: Date,
): Promise<RobotReport> {
  const report: RobotReport = { posted: 0, batched: 0, retried: 0, failed: 0, waiting: 0 }
  const byTarget = new Map<RobotTarget, RobotPostDocument[]>()
  for (const d of page) byTarget.set(d.robot.target, [...(byTarget.get(d.robot.target) ?? []), d])
  for (const [target, due] of byTarget) await deliverToGroup(config, target, due, now, report)
  return report
}

/** A run's robot figures in the dispatch report (posts count as sent; a batch as its posts). */
export function countRobots(
  report: { sent: number; retried: number; failed: number; inAppOnly: number },
  r: RobotReport,
): void {
  report.sent += r.posted
  report.retried += r.retried + r.waiting
  report.failed += r.failed
}
