/**
 * A command on an existing ticket, the thin-entry-point pipeline of docs/architecture.md, "Function envelope": read the ticket →
 * check the caller's expected version → the pure decision (`transition`) → one conditional update,
 * applied only if the ticket is still at the version read (store/ticketWrites.ts), carrying its
 * effects (notifications, robot posts, audit) in the ticket's outbox (outbox/ticketOutbox.ts) →
 * the ticket as the caller now sees it. No transaction: the state machine raises
 * the version on every change, so the guarded update is the compare-and-set a transaction gave.
 * A concurrent change makes the update match nothing; the command is decided again on a fresh
 * read (a few times, with jittered back-off), and a caller who named the version they saw gets
 * CONFLICT once the ticket has moved on. The change and its effects are one write: both or neither.
 */
import {
  presentTicket,
  type Staff,
  transition,
  type Actor,
  type Ticket,
  type TicketCommand,
  type TicketView,
  type TransitionContext,
} from '@shared/index'
import { townSnapshot, type TownSnapshot } from '../store/townSnapshot'
import {
  callerFrom,
  findResident,
  findStaff,
  requireStaff,
  requireTown,
  residentId,
  type Caller,
} from '../entry/context'
import type { ActionContext } from '../entry/defineActions'
import { AppError } from '../entry/envelope'
import { villagesFor, type EffectBatch } from '../outbox/outbox'
import { outboxEntry } from '../outbox/ticketOutbox'
import { robotPostsOf } from '../outbox/channels/robotPosts'
import type { Transaction } from '../platform/sdkTypes'
import { readTicket, saveTicket, type ReadTicket } from '../store/ticketRepository'
import { updateTicketIf } from '../store/ticketWrites'
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
  /** The ticket as the caller's lookup already read it (null: it does not exist); else read here. */
  first?: ReadTicket | null
}

/** The ticket with its newest timeline entry marked as made by `key`. */
const stampRequest = (ticket: Ticket, key: string): Ticket => ({
  ...ticket,
  timeline: ticket.timeline.map((e, i) => (i === ticket.timeline.length - 1 ? { ...e, requestKey: key } : e)),
})

/** What `transition` needs besides the ticket, from the town's snapshot (no read of its own). */
export function transitionContext(
  town: TownSnapshot,
  actor: Actor,
  now: Date,
  staff: Record<string, string> = {},
): TransitionContext {
  const { config } = town
  return {
    actor,
    now,
    rules: config.rules,
    calendar: config.calendar,
    categories: config.categories,
    names: { grids: town.gridNames, staff },
  }
}

/** Applies a refused transition as the envelope's error. */
export function refusal(result: ReturnType<typeof transition>): never {
  if (result.ok) throw new Error('refusal() called on an accepted transition')
  throw new AppError(result.refusal.code, result.refusal.message)
}

/**
 * Saves a decided ticket (`before` as read in the transaction `txn`) with the effects of the
 * transitions that led to it in its outbox.
 */
export async function persist(
  txn: Transaction,
  townId: string,
  before: Ticket,
  ticket: Ticket,
  batches: EffectBatch[],
  now: Date,
): Promise<void> {
  const villages = await villagesFor(
    townId,
    batches.flatMap((b) => b.effects),
  )
  const posts = await robotPostsOf(townId, ticket, batches, villages, now)
  await saveTicket(
    txn,
    before,
    ticket,
    outboxEntry(townId, ticket._id, ticket.version, batches, villages, now, posts),
  )
}

/** Decisions re-made after a concurrent change, before answering CONFLICT. */
const RETRIES = 4

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt))

export async function runTicketCommand(run: TicketCommandRun): Promise<{ ticket: TicketView }> {
  for (let attempt = 0; ; attempt++) {
    const read =
      attempt === 0 && run.first !== undefined ? run.first : await readTicket(run.ticketId, run.townId)
    if (read === null) throw new AppError('NOT_FOUND', '没有找到这张工单')
    const current = read.ticket
    // The town's configuration and names, at least as new as the ticket requires (store/townSnapshot.ts).
    const town = await townSnapshot(run.townId, read.townVersion)
    // a retry of a tap already applied (the same client request id): the ticket as it stands
    if (run.requestKey !== undefined && current.timeline.some((e) => e.requestKey === run.requestKey))
      return { ticket: presentTicket(current, run.actor) }
    if (run.expectedVersion !== undefined && run.expectedVersion !== current.version)
      throw new AppError('CONFLICT')
    const command = typeof run.command === 'function' ? run.command(current) : run.command
    const ctx = transitionContext(town, run.actor, run.now, run.staffNames)
    const result = transition(current, command, ctx)
    if (!result.ok) refusal(result)
    const decided = run.requestKey === undefined ? result.ticket : stampRequest(result.ticket, run.requestKey)
    const villages = await villagesFor(run.townId, result.effects)
    const batches = [{ version: decided.version, effects: result.effects }]
    const posts = await robotPostsOf(run.townId, decided, batches, villages, run.now)
    const entry = outboxEntry(run.townId, decided._id, decided.version, batches, villages, run.now, posts)
    if (await updateTicketIf(current, decided, entry)) return { ticket: presentTicket(decided, run.actor) }
    if (attempt >= RETRIES) throw new AppError('CONFLICT')
    await pause(attempt)
  }
}

/**
 * A command on one ticket by the caller of an action: as staff (their roster town; FORBIDDEN if
 * not on the roster), as anyone of a town, or as the reporter (confirm, reopen: only the openid
 * and the town matter). Whether they may is `transition`'s call.
 *
 * Staff and reporters cost no lookup of their own in the usual case: the ticket is read first, and
 * it names its reporter (by openid) and its assignee, whom the town snapshot this instance holds
 * knows by openid (store/townSnapshot.ts): the ticket carries the town's set-up version, so a
 * person taken off the roster is not found in any instance's copy from then on. Anyone else — a
 * guide or the office acting on it, a caller the snapshot does not know yet — is looked up afresh.
 */
export async function callerCommand(
  ctx: ActionContext,
  req: { ticketId: string; expectedVersion?: number; clientRequestId?: string },
  command: TicketCommandRun['command'],
  as: 'staff' | 'anyone' | 'reporter',
): Promise<{ ticket: TicketView }> {
  const run = {
    ticketId: req.ticketId,
    expectedVersion: req.expectedVersion,
    command,
    now: ctx.now,
    requestKey: requestKeyOf('rq', ctx.openid, req),
  }
  if (as === 'anyone') {
    const caller = await ctx.caller()
    return runTicketCommand({ ...run, townId: requireTown(caller), actor: caller.actor })
  }
  const read = await readTicket(req.ticketId)
  const caller =
    (read && (await knownCaller(ctx.openid, read, as))) ??
    (as === 'reporter' ? await reporterCaller(ctx) : await ctx.caller({ staff: true }))
  const townId = as === 'staff' ? requireStaff(caller).townId : requireTown(caller)
  // Another town's ticket does not exist for the caller.
  return runTicketCommand({
    ...run,
    townId,
    actor: caller.actor,
    first: read?.ticket.townId === townId ? read : null,
  })
}

/** The caller as the ticket names them — its resident reporter, or its assignee — or null. */
async function knownCaller(
  openid: string,
  { ticket, townVersion }: ReadTicket,
  as: 'staff' | 'reporter',
): Promise<Caller | null> {
  if (as === 'reporter') {
    if (ticket.reporter.openid !== openid || ticket.reporter.role !== 'resident') return null
    // A resident reports in their home town: the ticket's.
    return callerFrom(openid, null, {
      _id: residentId(openid),
      townId: ticket.townId,
      openid,
      homeGridId: null,
      homeVillageId: null,
    })
  }
  if (ticket.assigneeId === null) return null
  const person = (await townSnapshot(ticket.townId, townVersion)).staffByOpenid.get(openid)
  if (!person || person._id !== ticket.assigneeId) return null
  // The roster entry as the snapshot keeps it: what identifies and scopes a person (callerFrom).
  return callerFrom(openid, person as Staff, null)
}

async function reporterCaller(ctx: ActionContext): Promise<Caller> {
  const resident = await findResident(ctx.openid)
  const staff = resident?.townId ? null : await findStaff(ctx.openid)
  return callerFrom(ctx.openid, staff, resident)
}
