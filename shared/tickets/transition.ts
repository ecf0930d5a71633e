import { toIso } from '../calendar/shanghaiTime'
import { computeNextDueAt } from '../deadlines/dueActions'
import { ROLES, type Actor, type Role } from '../model/roles'
import { TICKET_STATUS_NAMES, type Ticket, type TimelineActor, type TimelineEntry } from '../model/ticket'
import { can, isReporter, refusalMessage } from '../permissions/can'
import { escalateTicket, remindTicket } from './chaseTicket'
import { autoCloseTicket, confirmTicket, reopenTicket } from './closeTicket'
import { COMMAND_SPECS, type CommandOf, type CommandType, type TicketCommand } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext, type TransitionResult } from './context'
import { markDuplicate, redispatchTicket, rejectTicket, returnTicket, transferTicket } from './correctTicket'
import { reassignTicket } from './reassignTicket'
import { addProgress, requestInfo, resolveTicket, resumeTicket, signForTicket } from './handleTicket'
import { routeTicket, submitTicket } from './submitTicket'

type Handler<T extends CommandType> = (
  ticket: Ticket,
  command: CommandOf<T>,
  ctx: TransitionContext,
) => HandlerOutcome

const HANDLERS: { [T in Exclude<CommandType, 'submit'>]: Handler<T> } = {
  route: routeTicket,
  signFor: signForTicket,
  addProgress,
  requestInfo,
  resume: resumeTicket,
  resolve: resolveTicket,
  confirm: confirmTicket,
  reopen: reopenTicket,
  returnTicket,
  redispatch: redispatchTicket,
  transfer: transferTicket,
  reassign: reassignTicket,
  reject: rejectTicket,
  markDuplicate,
  escalate: escalateTicket,
  remind: remindTicket,
  autoClose: autoCloseTicket,
}

/** The highest of the actor's roles names them on the timeline (a guide acting as assignee, say). */
const leadingRole = (roles: readonly Role[]): Role | undefined =>
  [...ROLES].reverse().find((r) => roles.includes(r))

/** Commands a reporter issues as the reporter (anything else a staff member does, they do as staff). */
const REPORTER_COMMANDS: readonly CommandType[] = ['submit', 'confirm', 'reopen', 'resume']

/**
 * The reporter is shown as "the reporter" (their identity is masked by the view, and an anonymous
 * informant must not reappear by staff id); staff acting in their role are named.
 */
const timelineActor = (actor: Actor, ticket: Ticket, command: CommandType): TimelineActor => {
  if (actor.kind === 'system') return { kind: 'system' }
  const asReporter = isReporter(actor, ticket) && REPORTER_COMMANDS.includes(command)
  if (asReporter || actor.staffId === undefined) return { kind: 'reporter' }
  const entry: TimelineActor = { kind: 'staff', staffId: actor.staffId }
  if (actor.name !== undefined) entry.name = actor.name
  const role = leadingRole(actor.roles)
  if (role !== undefined) entry.role = role
  return entry
}

const apply = (
  before: Ticket,
  from: Ticket['status'] | null,
  command: TicketCommand,
  outcome: Extract<HandlerOutcome, { ok: true }>,
  ctx: TransitionContext,
): TransitionResult => {
  const at = toIso(ctx.now)
  const to = outcome.to ?? COMMAND_SPECS[command.type].to ?? before.status
  const entry: TimelineEntry = {
    at,
    actor: timelineActor(ctx.actor, before, command.type),
    command: command.type,
    from,
    to,
  }
  if (outcome.note !== undefined) entry.note = outcome.note
  if (outcome.photos !== undefined && outcome.photos.length > 0) entry.photos = outcome.photos
  const changed: Ticket = {
    ...before,
    ...outcome.changes,
    status: to,
    version: before.version + 1,
    updatedAt: at,
    timeline: [...before.timeline, entry],
  }
  const ticket = { ...changed, nextDueAt: computeNextDueAt(changed, ctx.rules, ctx.calendar) }
  return {
    ok: true,
    ticket,
    effects: [{ kind: 'timeline', ticketId: ticket._id, entry }, ...outcome.effects],
  }
}

/**
 * The ticket state machine, a pure function (like XState's `transition`): the next ticket and the
 * effects to carry out, or a refusal that changes nothing. Checks, in order: who may (FORBIDDEN),
 * from which status (INVALID_TRANSITION), with what input (INVALID_INPUT). Every accepted command
 * appends exactly one timeline entry, bumps `version`, and recomputes `nextDueAt`.
 *
 * @example
 * const r = transition(ticket, { type: 'signFor' }, { actor, now, rules, calendar })
 * if (r.ok) save(r.ticket, { ifVersion: ticket.version }).then(() => run(r.effects))
 */
export const transition = (
  ticket: Ticket | null,
  command: TicketCommand,
  ctx: TransitionContext,
): TransitionResult => {
  if (command.type === 'submit') {
    if (ticket !== null) return refuse('INVALID_TRANSITION', '工单已经提交')
    const outcome = submitTicket(command, ctx)
    return outcome.ok ? apply(outcome.changes as Ticket, null, command, outcome, ctx) : outcome
  }
  if (ticket === null) return refuse('INVALID_TRANSITION', '工单不存在')
  const spec = COMMAND_SPECS[command.type]
  if (!can(ctx.actor, command.type, { kind: 'ticket', ticket })) {
    return refuse('FORBIDDEN', refusalMessage(ctx.actor, ticket, spec.label))
  }
  if (!spec.from.includes(ticket.status)) {
    return refuse('INVALID_TRANSITION', `${TICKET_STATUS_NAMES[ticket.status]}的工单不能${spec.label}`)
  }
  const handler = HANDLERS[command.type] as Handler<typeof command.type>
  const outcome = handler(ticket, command, ctx)
  return outcome.ok ? apply(ticket, ticket.status, command, outcome, ctx) : outcome
}

/** The commands this actor could issue on the ticket now (for the buttons a page shows). */
export const allowedCommands = (ticket: Ticket, actor: Actor): CommandType[] =>
  (Object.keys(COMMAND_SPECS) as CommandType[]).filter(
    (type) =>
      type !== 'submit' &&
      COMMAND_SPECS[type].from.includes(ticket.status) &&
      can(actor, type, { kind: 'ticket', ticket }) &&
      (type !== 'remind' || ticket.assigneeId !== null),
  )
