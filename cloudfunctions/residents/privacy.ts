/**
 * A resident's rights over what the town holds about them (个人信息保护法): see it, export it, correct
 * name and phone, delete the account. Deleting keeps their reports in the town's ledger — the text
 * stays, the person goes: name and phone erased, the reporter marked 已注销, the openid replaced — and
 * removes their messages (first materialising what their tickets' outboxes still hold, so no message
 * to them appears afterwards), subscribe credits and resident record. Each step is a query-wide write, so
 * a retry after a partial failure finishes the job (and a retry after a full one changes nothing).
 */
import {
  messageCentreEntry,
  presentTicket,
  type Grid,
  type ResidentsRequest,
  type Ticket,
  type Village,
} from '@shared/index'
import { db, fileStore } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { townConfig } from '../_lib/store/config'
import { residentId, type Caller } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { checkText } from '../_lib/platform/contentSecurity'
import type { NotificationDocument } from '../_lib/outbox/notificationDocuments'
import { materialiseOutbox } from '../_lib/outbox/materialise'
import { toTicket } from '../_lib/store/ticketRepository'

type Req<A extends ResidentsRequest['action']> = Extract<ResidentsRequest, { action: A }>

/** What an erased reporter is shown as in the ledger. */
export const ERASED_NAME = '已注销'
export const ERASED_OPENID = 'erased'
const MAX_ROWS = 200

const recipient = (openid: string) => `openid:${openid}`

async function ownTickets(townId: string, openid: string): Promise<Ticket[]> {
  const { data } = await db()
    .collection<Ticket>(C.tickets)
    .where({ townId, 'reporter.openid': openid })
    .orderBy('createdAt', 'desc')
    .limit(MAX_ROWS)
    .get()
  return data.map(toTicket)
}

async function named<T extends { _id: string; name: string }>(collection: string, id: string | null) {
  if (!id) return null
  const { data } = await db().collection<T>(collection).doc(id).get()
  return data ? { _id: data._id, name: data.name } : null
}

async function held(caller: Caller) {
  const townId = caller.resident?.townId ?? caller.townId
  if (!townId) return null
  const [tickets, messages, homeVillage, homeGrid] = await Promise.all([
    ownTickets(townId, caller.openid),
    db()
      .collection(C.notifications)
      .where({ townId, recipient: recipient(caller.openid) })
      .count(),
    named<Village>(C.villages, caller.resident?.homeVillageId ?? null),
    named<Grid>(C.grids, caller.resident?.homeGridId ?? null),
  ])
  return { townId, tickets, messages: messages.total, homeVillage, homeGrid }
}

export async function myData(_req: Req<'myData'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const h = await held(caller)
  const r = caller.resident as (typeof caller.resident & { createdAt?: string }) | null
  return {
    held: r !== null || (h?.tickets.length ?? 0) > 0,
    homeVillage: h?.homeVillage ?? null,
    homeGrid: h?.homeGrid ?? null,
    name: r?.name ?? null,
    phone: r?.phone ?? null,
    reports: (h?.tickets ?? []).map((t) => ({
      ticketId: t._id,
      number: t.number,
      status: t.status,
      excerpt: t.description.slice(0, 30),
      createdAt: t.createdAt,
    })),
    messages: h?.messages ?? 0,
    since: r?.createdAt ?? null,
  }
}

/** A JSON file in cloud storage with everything held, and a temporary URL to fetch it by. */
export async function exportMyData(_req: Req<'exportMyData'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const h = await held(caller)
  if (!h || (caller.resident === null && h.tickets.length === 0))
    throw new AppError('NOT_FOUND', '没有保存您的个人信息')
  const [{ data: messages }, config] = await Promise.all([
    db()
      .collection<NotificationDocument>(C.notifications)
      .where({ townId: h.townId, recipient: recipient(caller.openid) })
      .orderBy('createdAt', 'desc')
      .limit(MAX_ROWS)
      .get(),
    townConfig(h.townId),
  ])
  const file = {
    说明: '一网：您的个人信息副本',
    exportedAt: ctx.now.toISOString(),
    resident: caller.resident && {
      name: caller.resident.name ?? null,
      phone: caller.resident.phone ?? null,
      homeVillage: h.homeVillage?.name ?? null,
      homeGrid: h.homeGrid?.name ?? null,
    },
    reports: h.tickets.map((t) => presentTicket(t, caller.actor)),
    messages: messages.map((n) => ({
      ...messageCentreEntry(n.templateKey, n.data, config.templates),
      createdAt: n.createdAt,
    })),
  }
  const cloudPath = `exports/${caller.openid}/${ctx.now.getTime()}.json`
  const { fileID } = await fileStore().upload(cloudPath, Buffer.from(JSON.stringify(file, null, 2), 'utf8'))
  return { fileID, url: await fileStore().tempUrl(fileID), reports: h.tickets.length }
}

export async function correctMe(req: Req<'correctMe'>, ctx: ActionContext) {
  const caller = await ctx.caller({ resident: true })
  if (!caller.resident) throw new AppError('FORBIDDEN', '请先选择您所在的村组网格')
  await checkText(ctx.openid, req.name)
  const data = {
    ...(req.name !== undefined ? { name: req.name } : {}),
    ...(req.phone !== undefined ? { phone: req.phone } : {}),
    updatedAt: ctx.now.toISOString(),
  }
  await db().collection(C.residents).doc(residentId(ctx.openid)).update({ data })
  return { name: req.name ?? caller.resident.name ?? null, phone: req.phone ?? caller.resident.phone ?? null }
}

export async function deleteAccount(_req: Req<'deleteAccount'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  if (caller.staff) throw new AppError('FORBIDDEN', '工作人员身份请联系镇网格办注销')
  const townId = caller.resident?.townId ?? null
  if (townId === null) return { reportsKept: 0, messagesDeleted: 0 }
  const _ = db().command
  await materialiseOutbox({ where: { townId, 'reporter.openid': ctx.openid } })
  const tickets = await db()
    .collection(C.tickets)
    .where({ townId, 'reporter.openid': ctx.openid })
    .update({
      data: {
        'reporter.openid': ERASED_OPENID,
        'reporter.name': ERASED_NAME,
        'reporter.phone': _.remove(),
        'reporter.erasedAt': ctx.now.toISOString(),
      },
    })
  const messages = await db()
    .collection(C.notifications)
    .where({ townId, recipient: recipient(ctx.openid) })
    .remove()
  await db().collection(C.subscriptions).where({ openid: ctx.openid }).remove()
  await db().collection(C.residents).doc(residentId(ctx.openid)).remove()
  return { reportsKept: tickets.stats.updated, messagesDeleted: messages.stats.removed }
}
