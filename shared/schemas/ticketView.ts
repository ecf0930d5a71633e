import * as z from 'zod'
import { PRIORITIES } from '../model/category'
import { LADDER_STEPS, TICKET_STATUSES } from '../model/ticket'
import { ROLES } from '../model/roles'
import { isoInstant } from './common'

/** What a caller is shown of a ticket: reporter contact already masked for that viewer. */

export const ticketStatus = z.enum(TICKET_STATUSES)
export const priority = z.enum(PRIORITIES)

const deadline = z.object({ dueAt: isoInstant, remindAt: isoInstant, basis: z.enum(['calendar', 'working']) })

export const timelineEntryView = z.object({
  at: isoInstant,
  actor: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('reporter') }),
    z.object({
      kind: z.literal('staff'),
      staffId: z.string(),
      name: z.string().optional(),
      role: z.enum(ROLES).optional(),
    }),
    z.object({ kind: z.literal('system') }),
  ]),
  command: z.string(),
  from: ticketStatus.nullable(),
  to: ticketStatus,
  note: z.string().optional(),
  photos: z.array(z.string()).optional(),
})

/** `hidden`: an anonymous report; `masked`: contact shown as 138****1234 / 张*. */
export const reporterView = z.object({
  hidden: z.boolean(),
  masked: z.boolean(),
  name: z.string().optional(),
  phone: z.string().optional(),
  role: z.enum(ROLES).optional(),
  /** The viewer may ask for the phone itself (`tasks.revealContact`, logged); shown masked until then. */
  revealable: z.boolean().optional(),
})

export const ticketView = z.object({
  _id: z.string(),
  number: z.string(),
  townId: z.string(),
  villageId: z.string(),
  gridId: z.string(),
  categoryCode: z.string(),
  priority,
  description: z.string(),
  photos: z.array(z.string()),
  /** The reporter's voice note, if they spoke instead of (or besides) typing. */
  voice: z.object({ fileID: z.string(), durationSec: z.number().int() }).nullable(),
  location: z
    .object({
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .nullable(),
  anonymous: z.boolean(),
  source: z.enum(['resident', 'informant', 'patrol', 'meeting']),
  reporter: reporterView,
  onBehalfOf: z.object({ name: z.string().optional(), phone: z.string().optional() }).nullable(),
  isMine: z.boolean(),
  status: ticketStatus,
  assigneeId: z.string().nullable(),
  deadlines: z.object({ dispatchedAt: isoInstant, signFor: deadline, resolve: deadline }).nullable(),
  paused: z.boolean(),
  escalationLevel: z.number().int().min(0).max(3),
  firedSteps: z.array(z.enum(LADDER_STEPS)),
  signedForAt: isoInstant.nullable(),
  resolution: z
    .object({ result: z.string(), photos: z.array(z.string()), at: isoInstant, byStaffId: z.string() })
    .nullable(),
  rating: z
    .object({ score: z.number().int().min(1).max(5), comment: z.string().optional(), at: isoInstant })
    .nullable(),
  rejection: z
    .object({
      kind: z.enum(['invalid', 'duplicate']),
      reason: z.string(),
      duplicateOf: z.string().optional(),
      at: isoInstant,
    })
    .nullable(),
  closedAt: isoInstant.nullable(),
  reopenCount: z.number().int().min(0),
  version: z.number().int().min(0),
  timeline: z.array(timelineEntryView),
  /** The commands this viewer may issue now (the client shows only those buttons). */
  allowedCommands: z.array(z.string()),
  createdAt: isoInstant,
  updatedAt: isoInstant,
})
export type TicketView = z.infer<typeof ticketView>

/**
 * The detail page's ticket: the view plus the names people read (as the overdue board's rows have),
 * null when the grid, village or assignee is no longer in the town's roster or there is no assignee.
 */
export const ticketDetailView = ticketView.extend({
  gridName: z.string().nullable(),
  villageName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /**
   * The responsible person's phone, masked (139****0001): only for those who supervise the ticket
   * (guides and supervisors of its village, the grid office), who get the number itself from
   * `tasks.revealContact` (whose `assignee`, logged); null for everyone else or when unknown.
   */
  assigneePhone: z.string().nullable().optional(),
})
export type TicketDetailView = z.infer<typeof ticketDetailView>

/** A row of a list (inbox, my reports, boards): small, so a page of 50 stays cheap to send. */
export const ticketSummary = z.object({
  _id: z.string(),
  number: z.string(),
  categoryCode: z.string(),
  priority,
  /** The description cut to 60 characters. */
  excerpt: z.string(),
  status: ticketStatus,
  villageId: z.string(),
  gridId: z.string(),
  assigneeId: z.string().nullable(),
  signForDueAt: isoInstant.nullable(),
  resolveDueAt: isoInstant.nullable(),
  escalationLevel: z.number().int().min(0).max(3),
  createdAt: isoInstant,
  updatedAt: isoInstant,
})
export type TicketSummary = z.infer<typeof ticketSummary>
