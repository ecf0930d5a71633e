/**
 * 查看号码: staff views show phone numbers masked; one who may call the person asks for the number
 * here, and the asking is logged (`contactReveals`: who, whose, when) before the number is answered,
 * so no number leaves without its entry. The office reads the log with `roster.revealLog`.
 */
import { randomInt } from 'node:crypto'
import { can, refusalMessage, type RevealWhose, type TasksRequest, type Ticket } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { staffContacts } from '../_lib/store/staffContacts'
import { getTicket } from '../_lib/store/ticketRepository'

type Req = Extract<TasksRequest, { action: 'revealContact' }>

export interface RevealDoc {
  _id: string
  townId: string
  staffId: string
  staffName: string
  ticketId: string
  ticketNumber: string
  whose: RevealWhose
  at: string
}

/** The person `whose` names on the ticket, if the caller may call them; FORBIDDEN otherwise. */
async function contactOf(ticket: Ticket, whose: RevealWhose, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const resource = { kind: 'ticket', ticket } as const
  if (whose === 'assignee') {
    if (!can(caller.actor, 'viewAssigneeContact', resource))
      throw new AppError('FORBIDDEN', refusalMessage(caller.actor, ticket, '查看办理人号码'))
    if (ticket.assigneeId === null) throw new AppError('NOT_FOUND', '这张工单还没有办理人')
    const people = await staffContacts(ticket.townId, [ticket.assigneeId])
    const person = people[ticket.assigneeId]
    return { name: person?.name ?? null, phone: person?.phone ?? null }
  }
  if (ticket.anonymous || !can(caller.actor, 'viewContact', resource))
    throw new AppError('FORBIDDEN', refusalMessage(caller.actor, ticket, '查看号码'))
  const person = whose === 'reporter' ? ticket.reporter : ticket.onBehalfOf
  return { name: person?.name ?? null, phone: person?.phone ?? null }
}

export async function revealContact(req: Req, ctx: ActionContext) {
  const staff = requireStaff(await ctx.caller({ staff: true }))
  const ticket = await getTicket(staff.townId, req.ticketId)
  if (ticket === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
  const { name, phone } = await contactOf(ticket, req.whose, ctx)
  if (!phone) throw new AppError('NOT_FOUND', '没有留下电话号码')
  const at = ctx.now.toISOString()
  const entry: RevealDoc = {
    _id: `rv_${ctx.now.getTime().toString(36)}${randomInt(36 ** 6)
      .toString(36)
      .padStart(6, '0')}`,
    townId: staff.townId,
    staffId: staff._id,
    staffName: staff.name,
    ticketId: ticket._id,
    ticketNumber: ticket.number,
    whose: req.whose,
    at,
  }
  await db().collection(C.reveals).add({ data: entry })
  return { ticketId: ticket._id, whose: req.whose, name, phone }
}
