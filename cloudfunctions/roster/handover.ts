/**
 * Handing a person's open tasks over (移交) when they leave or move: which tasks move (all of them
 * on deactivation; on a move, those outside the new places), who takes each (a successor named on
 * the screen, or the task's grid chain without the person), and the moves themselves — each task
 * its own `handover` transition (timeline entry, notification to the new holder, audit), each
 * refused once the task has left the person, so a retried call moves every task exactly once.
 */
import {
  covers,
  type Actor,
  type Grid,
  type HandoverSuccessor,
  type Placement,
  type Staff,
  type Ticket,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { readAll } from '../_lib/store/readAll'
import { AppError } from '../_lib/entry/envelope'
import { routeIn } from '../_lib/flows/routing'
import { runTicketCommand } from '../_lib/flows/ticketCommand'
import { toTicket, type StoredTicket } from '../_lib/store/ticketRepository'
import { documentsOf } from './placement'

/** Statuses in which a ticket sits with its assignee (a returned or resolved one does not). */
export const HELD_STATUSES = ['pendingSignFor', 'inProgress', 'awaitingInfo'] as const

export async function openTasksOf(townId: string, staffId: string): Promise<Ticket[]> {
  const where = { townId, assigneeId: staffId, status: db().command.in([...HELD_STATUSES]) }
  return (await readAll<StoredTicket>(C.tickets, where, {}, 50)).map(toTicket)
}

const actorOf = (p: Placement, townId: string): Actor => ({
  kind: 'person',
  staffId: p._id,
  roles: [...p.roles],
  scope: { townId, villageIds: [...p.villageIds], gridIds: [...p.gridIds] },
})

/** The tasks that leave with the person: all, or (on a move) those the new placement does not cover. */
export const movingTasks = (tasks: readonly Ticket[], after: Placement | null, townId: string): Ticket[] =>
  after === null || !after.active ? [...tasks] : tasks.filter((t) => !covers(actorOf(after, townId), t))

export const successorOf = (s: Staff): HandoverSuccessor => ({
  staffId: s._id,
  name: s.name,
  roles: s.roles,
  scope: s.scope,
})

export interface HandoverStep {
  ticket: Ticket
  to: Staff | null
}

/**
 * Who takes each moving task: the named successor (who must be active, bound and cover every
 * task's place), or each task's grid chain without the person. One routing per grid and category.
 */
export async function planHandover(
  townId: string,
  leavingId: string,
  tasks: readonly Ticket[],
  successorId: string | null | undefined,
): Promise<HandoverStep[]> {
  if (tasks.length === 0) return []
  if (successorId) {
    const { data } = await db().collection<Staff>(C.staff).doc(successorId).get()
    if (!data || data.townId !== townId) throw new AppError('NOT_FOUND', '没有这位接手人')
    if (data._id === leavingId) throw new AppError('INVALID_INPUT', '接手人不能是本人')
    if (!data.active || data.openid === null)
      throw new AppError('INVALID_INPUT', `${data.name}还没有绑定微信或已停用，不能接手任务`)
    const actor: Actor = { kind: 'person', staffId: data._id, roles: data.roles, scope: data.scope }
    const outside = tasks.find((t) => !covers(actor, t))
    if (outside) throw new AppError('INVALID_INPUT', `${data.name}不负责工单 ${outside.number} 所在的网格`)
    return tasks.map((ticket) => ({ ticket, to: data }))
  }
  const grids = new Map(
    (
      await documentsOf<Grid>(
        C.grids,
        townId,
        tasks.map((t) => t.gridId),
      )
    ).map((g) => [g._id, g]),
  )
  const routes = new Map<string, string | null>()
  for (const t of tasks) {
    const key = `${t.gridId}\u0000${t.categoryCode}`
    const grid = grids.get(t.gridId)
    if (!routes.has(key))
      routes.set(key, grid ? ((await routeIn(grid, t.categoryCode, [leavingId]))?.assigneeId ?? null) : null)
  }
  const people = new Map(
    (
      await documentsOf<Staff>(
        C.staff,
        townId,
        [...routes.values()].filter((id): id is string => id !== null),
      )
    ).map((s) => [s._id, s]),
  )
  return tasks.map((ticket) => {
    const id = routes.get(`${ticket.gridId}\u0000${ticket.categoryCode}`) ?? null
    return { ticket, to: id === null ? null : (people.get(id) ?? null) }
  })
}

/** Refuses a plan with a task nobody can take (before anything is written). */
export function requireSuccessors(steps: readonly HandoverStep[]): void {
  const stuck = steps.filter((s) => s.to === null)
  if (stuck.length > 0)
    throw new AppError(
      'INVALID_TRANSITION',
      `有 ${stuck.length} 件任务找不到可以接手的人（网格、村和镇网格办都没有已绑定的人员），请指定接手人`,
    )
}

/** Carries the plan out; answers how many tasks this call moved, to whom. */
export async function carryOut(
  townId: string,
  actor: Actor,
  leavingId: string,
  steps: readonly HandoverStep[],
  reason: string,
  now: Date,
): Promise<{ handedOver: number; to: { staffId: string; name: string; count: number }[] }> {
  const counts = new Map<string, { staffId: string; name: string; count: number }>()
  let handedOver = 0
  for (const { ticket, to } of steps) {
    if (to === null) continue
    try {
      await runTicketCommand({
        townId,
        actor,
        ticketId: ticket._id,
        command: { type: 'handover', fromAssigneeId: leavingId, to: successorOf(to), reason },
        now,
      })
    } catch (err) {
      // Moved already (a retry, or the holder acted meanwhile): each task moves once.
      if (err instanceof AppError && err.code === 'INVALID_TRANSITION') continue
      throw err
    }
    handedOver++
    const c = counts.get(to._id) ?? { staffId: to._id, name: to.name, count: 0 }
    c.count++
    counts.set(to._id, c)
  }
  return { handedOver, to: [...counts.values()] }
}
