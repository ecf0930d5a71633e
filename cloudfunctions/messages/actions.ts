import { SUBSCRIBE_GROUPS, messageCentreEntry, type MessagesRequest } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { defaultTownId, townConfig } from '../_lib/store/config'
import type { Caller } from '../_lib/entry/context'
import { pageWhere, toPage } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import type { NotificationDocument } from '../_lib/outbox/outbox'
import { creditsOf } from '../_lib/outbox/subscriptions'
import { recordSubscribeReport, robotReaches } from '../_lib/outbox/channels/subscribe'
import { requestKeyOf } from '../_lib/entry/requestKey'
import { reportOnce } from './reportOnce'

type Req<A extends MessagesRequest['action']> = Extract<MessagesRequest, { action: A }>

/** Messages reach a person as a reporter (by openid) and as staff (by roster id). */
const recipientKeys = (caller: Caller): string[] => [
  `openid:${caller.openid}`,
  ...(caller.staff ? [`staff:${caller.staff._id}`] : []),
]

const notifications = () => db().collection<NotificationDocument>(C.notifications)

async function mine(ctx: ActionContext): Promise<{ townId: string; keys: string[] } | null> {
  const caller = await ctx.caller()
  return caller.townId === null ? null : { townId: caller.townId, keys: recipientKeys(caller) }
}

export async function list(req: Req<'list'>, ctx: ActionContext) {
  const who = await mine(ctx)
  if (who === null) return { items: [], nextCursor: null }
  const base = {
    townId: who.townId,
    recipient: db().command.in(who.keys),
    ...(req.unreadOnly ? { read: false } : {}),
  }
  const [{ data }, config] = await Promise.all([
    notifications()
      .where(pageWhere(base, 'createdAt', 'desc', req.cursor))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(req.pageSize + 1)
      .get(),
    townConfig(who.townId),
  ])
  const page = toPage(data, req.pageSize, (n) => n.createdAt)
  return {
    items: page.rows.map((n) => ({
      _id: n._id,
      templateKey: n.templateKey,
      ...messageCentreEntry(n.templateKey, n.data, config.templates),
      ticketId: n.ticketId,
      read: n.read,
      createdAt: n.createdAt,
    })),
    nextCursor: page.nextCursor,
  }
}

export async function markRead(req: Req<'markRead'>, ctx: ActionContext) {
  const who = await mine(ctx)
  if (who === null) return { updated: 0 }
  const _ = db().command
  const where = {
    townId: who.townId,
    recipient: _.in(who.keys),
    read: false,
    ...(req.messageIds ? { _id: _.in(req.messageIds) } : {}),
  }
  const res = await notifications()
    .where(where)
    .update({ data: { read: true, readAt: ctx.now.toISOString() } })
  return { updated: res.stats.updated }
}

export async function unreadCount(_req: Req<'unreadCount'>, ctx: ActionContext) {
  const who = await mine(ctx)
  if (who === null) return { count: 0 }
  const { total } = await notifications()
    .where({ townId: who.townId, recipient: db().command.in(who.keys), read: false })
    .count()
  return { count: total }
}

/**
 * What the user allowed in wx.requestSubscribeMessage: one credit per accepted template. Template
 * ids must be ones the town has configured (a client cannot make up credits for others). With a
 * client request id, a retried report adds nothing and answers what the first one did (reportOnce.ts).
 */
export async function reportSubscriptions(req: Req<'reportSubscriptions'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const townId = caller.townId ?? (await defaultTownId())
  if (townId === null) throw new AppError('NOT_FOUND', '暂未开通')
  const config = await townConfig(townId)
  const known = new Set(Object.values(config.templates).map((t) => t.templateId))
  const ids = Object.keys(req.results)
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw new AppError('INVALID_INPUT', '未知的订阅消息模板', [
      { path: 'results', message: `未知的模板：${unknown.join('、')}` },
    ])
  const key = requestKeyOf('sr', ctx.openid, req)
  if (key !== undefined)
    return { credits: await reportOnce(key, config.templates, townId, ctx.openid, req.results, ctx.now) }
  await recordSubscribeReport(config.templates, townId, ctx.openid, req.results, ctx.now)
  return { credits: await creditsOf(ctx.openid, ids) }
}

/**
 * The credits the caller holds for a group's templates (the staff's: new task, due soon, overdue),
 * with the town's titles: one config read (cached) and one query.
 */
export async function subscriptionCredits(req: Req<'subscriptionCredits'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const townId = caller.townId ?? (await defaultTownId())
  if (townId === null) return { templates: [] }
  const config = await townConfig(townId)
  const specs = SUBSCRIBE_GROUPS[req.group].map((k) => config.templates[k])
  const credits = await creditsOf(
    ctx.openid,
    specs.map((t) => t.templateId),
  )
  return {
    templates: specs.map((t) => ({
      templateId: t.templateId,
      title: t.title,
      credits: credits[t.templateId],
      longTerm: t.longTerm,
    })),
    groupRobot: caller.staff !== null && robotReaches(config.alerts, caller.staff),
  }
}
