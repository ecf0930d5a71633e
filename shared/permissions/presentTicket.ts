import { dropUndefined } from '../model/dropUndefined'
import type { Actor } from '../model/roles'
import type { Ticket } from '../model/ticket'
import type { TicketSummary, TicketView } from '../schemas/ticketView'
import { allowedCommands } from '../tickets/transition'
import { can, isReporter } from './can'
import { maskContact, maskPhone } from './maskContact'

export interface PresentOptions {
  /** The admin audit view: the only view in which an anonymous reporter is shown. */
  audit?: boolean
}

/**
 * `full`: the reporter themself, or the admin audit. `revealable`: one who may call them (the
 * assignee, the village's guides) sees the name and a masked phone, and asks for the number with
 * `tasks.revealContact`, which logs it. `masked`: everyone else. `hidden`: an anonymous report.
 */
type Visibility = 'full' | 'revealable' | 'masked' | 'hidden'

/**
 * How much of the reporter a viewer sees: the reporter themself and the admin audit everything;
 * nobody else sees an anonymous reporter; no staff view carries a phone number unmasked.
 */
export const reporterVisibility = (
  ticket: Ticket,
  viewer: Actor,
  options: PresentOptions = {},
): Visibility => {
  if (options.audit === true && can(viewer, 'audit', { kind: 'ticket', ticket })) return 'full'
  if (isReporter(viewer, ticket)) return 'full'
  if (ticket.anonymous) return 'hidden'
  return can(viewer, 'viewContact', { kind: 'ticket', ticket }) ? 'revealable' : 'masked'
}

const contactFor = <T extends { name?: string; phone?: string }>(c: T, v: Visibility) =>
  v === 'full'
    ? { name: c.name, phone: c.phone }
    : v === 'revealable'
      ? { name: c.name, phone: c.phone === undefined ? undefined : maskPhone(c.phone) }
      : v === 'masked'
        ? maskContact({ name: c.name, phone: c.phone })
        : {}

/**
 * The ticket as `viewer` may see it. The caller checks `can(viewer, 'view', …)` first; this
 * function only decides what of the reporter is shown, and never includes an openid.
 */
export const presentTicket = (ticket: Ticket, viewer: Actor, options: PresentOptions = {}): TicketView => {
  const v = reporterVisibility(ticket, viewer, options)
  const reporter =
    v === 'hidden'
      ? { hidden: true, masked: false }
      : {
          hidden: false,
          masked: v === 'masked' || (v === 'revealable' && ticket.reporter.phone !== undefined),
          ...(v === 'revealable' ? { revealable: true } : {}),
          role: ticket.reporter.role,
          ...contactFor(ticket.reporter, v),
        }
  return {
    _id: ticket._id,
    number: ticket.number,
    townId: ticket.townId,
    villageId: ticket.villageId,
    gridId: ticket.gridId,
    categoryCode: ticket.categoryCode,
    priority: ticket.priority,
    description: ticket.description,
    photos: ticket.photos,
    voice: ticket.voice ?? null,
    location: ticket.location,
    anonymous: ticket.anonymous,
    source: ticket.source,
    reporter: dropUndefined(reporter),
    onBehalfOf:
      ticket.onBehalfOf === null || v === 'hidden' ? null : dropUndefined(contactFor(ticket.onBehalfOf, v)),
    isMine: isReporter(viewer, ticket),
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    deadlines: ticket.deadlines,
    paused: ticket.pausedAt !== null,
    escalationLevel: ticket.escalation.level,
    firedSteps: ticket.escalation.fired.map((f) => f.step),
    signedForAt: ticket.signedForAt,
    resolution: ticket.resolution,
    rating: ticket.rating,
    rejection: ticket.rejection,
    closedAt: ticket.closedAt,
    reopenCount: ticket.reopenCount,
    version: ticket.version,
    timeline: ticket.timeline.map(({ requestKey: _key, ...entry }) => entry),
    allowedCommands: allowedCommands(ticket, viewer),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  }
}

/** A list row: no reporter at all, so lists need no masking decision. */
export const summarizeTicket = (ticket: Ticket): TicketSummary => ({
  _id: ticket._id,
  number: ticket.number,
  categoryCode: ticket.categoryCode,
  priority: ticket.priority,
  excerpt:
    Array.from(ticket.description).length > 60
      ? `${Array.from(ticket.description).slice(0, 59).join('')}…`
      : ticket.description,
  status: ticket.status,
  villageId: ticket.villageId,
  gridId: ticket.gridId,
  assigneeId: ticket.assigneeId,
  signForDueAt: ticket.deadlines?.signFor.dueAt ?? null,
  resolveDueAt: ticket.deadlines?.resolve.dueAt ?? null,
  escalationLevel: ticket.escalation.level,
  createdAt: ticket.createdAt,
  updatedAt: ticket.updatedAt,
})
