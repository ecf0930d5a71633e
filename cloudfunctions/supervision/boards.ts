/**
 * The supervisors' views: the overdue board (escalated and still open: level, how late — from the
 * deadlines — and who owns it) and the queue of returned or unassigned tickets to re-dispatch.
 * Each page is one indexed query plus one roster query for the owners' names.
 */
import { summarizeTicket, type SupervisionRequest, type Ticket, type TicketStatus } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { requireStaff } from '../_lib/entry/context'
import { decodeOffset } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import { directory, staffNames } from '../_lib/store/directory'
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

async function rows(townId: string, tickets: Ticket[]) {
  const [dir, names] = await Promise.all([
    directory(townId),
    staffNames(
      townId,
      tickets.map((t) => t.assigneeId ?? ''),
    ),
  ])
  return tickets.map((t) => ({
    ...summarizeTicket(t),
    assigneeName: t.assigneeId === null ? null : (names[t.assigneeId] ?? null),
    gridName: dir.grids.get(t.gridId)?.name ?? null,
    villageName: dir.villages.get(t.villageId)?.name ?? null,
  }))
}

async function board(
  townId: string,
  where: object,
  order: Array<[string, 'asc' | 'desc']>,
  pageSize: number,
  cursor: string | null | undefined,
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
    items: await rows(townId, page),
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
  return board(
    staff.townId,
    where,
    [
      ['escalation.level', 'desc'],
      ['deadlines.resolve.dueAt', 'asc'],
      ['_id', 'asc'],
    ],
    req.pageSize,
    req.cursor,
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
