/**
 * A command on an existing ticket, the thin-entry-point pipeline of DESIGN.md §3: load the ticket
 * in a transaction → check the caller's expected version → the pure decision (`transition`) →
 * save it and its effects (outbox, audit) in the same transaction → the ticket as the caller now
 * sees it. A concurrent change makes the transaction conflict; it is re-run on fresh reads, and a
 * caller who named the version they saw gets CONFLICT once the ticket has moved on.
 */
import {
  presentTicket,
  transition,
  type Actor,
  type Ticket,
  type TicketCommand,
  type TicketView,
  type TransitionContext,
} from '@shared/index'
import { townConfig, type TownConfig } from '../store/config'
import { requireStaff, requireTown } from '../entry/context'
import type { ActionContext } from '../entry/defineActions'
import { directory, gridNames } from '../store/directory'
import { AppError } from '../entry/envelope'
import { villagesFor, writeEffects, type EffectBatch } from '../outbox/outbox'
import { robotPostsOf, writeRobotPosts } from '../outbox/channels/robotPosts'
import type { Transaction } from '../platform/sdkTypes'
import { getTicket, saveTicket } from '../store/ticketRepository'
import { Abort, inTransaction } from '../store/transactions'
import { requestKeyOf } from '../entry/requestKey'

export interface TicketCommandRun {
  townId: string
  actor: Actor
  ticketId: string
  expectedVersion?: number
  /** The command, or how to make it from the ticket as read in the transaction. */
  command: TicketCommand | ((ticket: Ticket) => TicketCommand)
  now: Date
  /** Staff names for notifications that name a person (the overdue alert's 责任人). */
  staffNames?: Record<string, string>
  /**
   * The tap this command comes from (`requestKeyOf`): the new timeline entry carries it, and a
   * retry that finds it on the timeline answers the ticket as it stands, changing nothing.
   */
  requestKey?: string
}

/** The ticket with its newest timeline entry marked as made by `key`. */
const stampRequest = (ticket: Ticket, key: string): Ticket => ({
  ...ticket,
  timeline: ticket.timeline.map((e, i) => (i === ticket.timeline.length - 1 ? { ...e, requestKey: key } : e)),
})

export async function transitionContext(
  config: TownConfig,
  actor: Actor,
  now: Date,
  staff: Record<string, string> = {},
): Promise<TransitionContext> {
  const dir = await directory(config.townId)
  return {
    actor,
    now,
    rules: config.rules,
    calendar: config.calendar,
    categories: config.categories,
    names: { grids: gridNames(dir), staff },
  }
}

/** Applies a refused transition as the envelope's error. */
export function refusal(result: ReturnType<typeof transition>): never {
  if (result.ok) throw new Error('refusal() called on an accepted transition')
  throw new AppError(result.refusal.code, result.refusal.message)
}

/** Saves a decided ticket and the effects of the transitions that led to it, in `txn`. */
export async function persist(
  txn: Transaction,
  townId: string,
  ticket: Ticket,
  batches: EffectBatch[],
  now: Date,
): Promise<void> {
  const villages = await villagesFor(
    townId,
    batches.flatMap((b) => b.effects),
  )
  await saveTicket(txn, ticket)
  await writeEffects(txn, townId, batches, villages, now)
  await writeRobotPosts(txn, await robotPostsOf(townId, ticket, batches, villages, now))
}

export async function runTicketCommand(run: TicketCommandRun): Promise<{ ticket: TicketView }> {
  const config = await townConfig(run.townId)
  const ctx = await transitionContext(config, run.actor, run.now, run.staffNames)
  const ticket = await inTransaction(async (txn) => {
    const current = await getTicket(run.townId, run.ticketId, txn)
    if (current === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
    if (run.requestKey !== undefined && current.timeline.some((e) => e.requestKey === run.requestKey))
      return new Abort(current)
    if (run.expectedVersion !== undefined && run.expectedVersion !== current.version)
      throw new AppError('CONFLICT')
    const command = typeof run.command === 'function' ? run.command(current) : run.command
    const result = transition(current, command, ctx)
    if (!result.ok) refusal(result)
    const decided = run.requestKey === undefined ? result.ticket : stampRequest(result.ticket, run.requestKey)
    await persist(txn, run.townId, decided, [{ version: decided.version, effects: result.effects }], run.now)
    return decided
  })
  return { ticket: presentTicket(ticket, run.actor) }
}

/**
 * A command on one ticket by the caller of an action: as staff (their roster town; UNAUTHENTICATED
 * if not on the roster) or as anyone of a town (a reporter). Whether they may is `transition`'s call.
 */
export async function callerCommand(
  ctx: ActionContext,
  req: { ticketId: string; expectedVersion?: number; clientRequestId?: string },
  command: TicketCommandRun['command'],
  as: 'staff' | 'anyone',
): Promise<{ ticket: TicketView }> {
  const caller = await ctx.caller(as === 'staff' ? { staff: true } : undefined)
  return runTicketCommand({
    townId: as === 'staff' ? requireStaff(caller).townId : requireTown(caller),
    actor: caller.actor,
    ticketId: req.ticketId,
    expectedVersion: req.expectedVersion,
    command,
    now: ctx.now,
    requestKey: requestKeyOf('rq', ctx.openid, req),
  })
}
