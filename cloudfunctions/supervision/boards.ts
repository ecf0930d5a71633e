/**
 * The supervisors' views: the overdue board (escalated and still open: urgent first, then the
 * highest level and the longest overdue; how late — from the deadlines — and who owns it, with
 * their phone for a call) and the queue of returned or unassigned tickets to re-dispatch. Each page
 * is one indexed query plus one roster query for the owners' names and phones; a town with group
 * robots adds one query for what became of the robots' posts.
 */
import {
  hasRobots,
  maskPhone,
  summarizeTicket,
  type SupervisionRequest,
  type Ticket,
  type TicketStatus,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { requireStaff } from '../_lib/entry/context'
import { decodeOffset } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import { directory } from '../_lib/store/directory'
import { staffContacts } from '../_lib/store/staffContacts'
import { townConfig } from '../_lib/store/config'
import { robotDeliveryOf } from '../_lib/outbox/channels/robotStatus'
import { ticketsIn, toTicket } from '../_lib/store/ticketRepository'
import { supervisedVillages } from './scope'

type Req<A extends SupervisionRequest['action']> = Extract<SupervisionRequest, { action: A }>

const CHASED: readonly TicketStatus[] = [
  'submitted',
  'pendingSignFor',
  'inProgress',
  'awaitingInfo',
  'returned',
]
const WAITING: readonly TicketStatus[] = ['returned', 'submitted']

/**
 * Rows of a board; every ticket on it is in the caller's scope, so the owner's phone is shown,
 * masked: the number itself comes from `tasks.revealContact` (whose `assignee`), which logs it.
 */
async function rows(townId: string, tickets: Ticket[], withRobots: boolean) {
  const [dir, people, robots] = await Promise.all([
    directory(townId),
    staffContacts(
      townId,
      tickets.map((t) => t.assigneeId ?? ''),
    ),
    withRobots ? robotDeliveryOf(townId, tickets) : Promise.resolve(null),
  ])
  return tickets.map((t) => {
    const owner = t.assigneeId === null ? undefined : people[t.assigneeId]
    return {
      ...summarizeTicket(t),
      assigneeName: owner?.name ?? null,
      assigneePhone: owner?.phone ? maskPhone(owner.phone) : null,
      gridName: dir.grids.get(t.gridId)?.name ?? null,
      villageName: dir.villages.get(t.villageId)?.name ?? null,
      ...(robots ? { robot: robots.get(t._id) ?? null } : {}),
    }
  })
}

async function board(
  townId: string,
  where: object,
  order: Array<[string, 'asc' | 'desc']>,
  pageSize: number,
  cursor: string | null | undefined,
  withRobots = false,
) {
  const offset = decodeOffset(cursor)
  let q = ticketsIn().where(where)
  for (const [field, dir] of order) q = q.orderBy(field, dir)
  const { data } = await q
    .skip(offset)
    .limit(pageSize + 1)
    .get()
  const page = data.slice(0, pageSize).map(toTicket)
  return {
    items: await rows(townId, page, withRobots),
    nextCursor: data.length > pageSize ? String(offset + pageSize) : null,
  }
}

export async function overdueBoard(req: Req<'overdueBoard'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  const villages = supervisedVillages(caller.actor, req.villageId)
  const _ = db().command
  const where = {
    townId: staff.townId,
    status: _.in([...CHASED]),
    'escalation.level': _.gte(req.minLevel),
    ...(villages ? { villageId: _.in(villages) } : {}),
  }
  const config = await townConfig(staff.townId)
  return board(
    staff.townId,
    where,
    [
      ['priority', 'desc'], // 'urgent' > 'normal'
      ['escalation.level', 'desc'],
      ['deadlines.resolve.dueAt', 'asc'],
      ['_id', 'asc'],
    ],
    req.pageSize,
    req.cursor,
    hasRobots(config.alerts),
  )
}

export async function returnedQueue(req: Req<'returnedQueue'>, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  const villages = supervisedVillages(caller.actor, req.villageId)
  const _ = db().command
  const where = {
    townId: staff.townId,
    status: _.in([...WAITING]),
    ...(villages ? { villageId: _.in(villages) } : {}),
  }
  return board(
    staff.townId,
    where,
    [
      ['updatedAt', 'asc'],
      ['_id', 'asc'],
    ],
    req.pageSize,
    req.cursor,
  )
}
