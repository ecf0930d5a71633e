import type { Priority } from './category'
import type { Role } from './roles'
import type { TownDocument } from './town'

/**
 * Ticket statuses. `submitted` lasts only between the submit and route commands of one call
 * (or while a grid has nobody to route to): it keeps "who reported what" apart from "who owns
 * it and when the clock starts", and a ticket nobody could be found for stays visible.
 */
export const TICKET_STATUSES = [
  'submitted',
  'pendingSignFor',
  'inProgress',
  'awaitingInfo',
  'resolved',
  'closed',
  'returned',
  'rejected',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_STATUS_NAMES: Record<TicketStatus, string> = {
  submitted: '待分派',
  pendingSignFor: '待签收',
  inProgress: '办理中',
  awaitingInfo: '待补充',
  resolved: '待评价',
  closed: '已办结',
  returned: '已退单',
  rejected: '不予受理',
}

/** Statuses in which somebody still owes the reporter something (the sweeper's query). */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'submitted',
  'pendingSignFor',
  'inProgress',
  'awaitingInfo',
  'resolved',
  'returned',
]

/** `meeting`: a concern raised at a 屋场会, logged by the staff member who recorded the meeting. */
export type TicketSource = 'resident' | 'informant' | 'patrol' | 'meeting'

/**
 * Where the concern is: coordinates (GCJ-02, as WeChat's maps use) with the place's name and
 * address when a map gave them, or only the words the reporter typed ("村口大樟树下") when the
 * phone could not say where it is. Coordinates come as a pair or not at all.
 */
export interface GeoPoint {
  latitude?: number
  longitude?: number
  /** The place's name from the map (`chooseLocation`), e.g. 石桥村村委会. */
  name?: string
  /** The address from the map, or the reporter's own description of the place. */
  address?: string
}

/** The person who submitted: a resident, an informant (代报) or a grid worker logging a patrol. */
export interface Reporter {
  openid: string
  staffId?: string
  role: Role
  name?: string
  phone?: string
  /** Set when the reporter deleted their account: name shows 已注销, phone and openid are gone. */
  erasedAt?: string
}

/** The neighbour an informant reports for (代报). */
export interface OnBehalfOf {
  name?: string
  phone?: string
}

/** A spoken description (docs/architecture.md, "Elder-friendly screens"): an uploaded audio file and its length in whole seconds. */
export interface VoiceNote {
  fileID: string
  durationSec: number
}

/**
 * The description of a report made with a voice note and no words. Lists, the message centre and
 * the subscribe messages (`thing` keywords must not be empty) show it; the card offers the recording.
 */
export const VOICE_ONLY_DESCRIPTION = '（语音留言）'

/** Whether a window is measured on the wall clock (urgent) or in working time. */
export type TimeBasis = 'calendar' | 'working'

export interface Deadline {
  dueAt: string
  /** When the assignee is reminded, before `dueAt` (same basis). */
  remindAt: string
  basis: TimeBasis
}

export interface TicketDeadlines {
  /** The clock starts at dispatch (docs/architecture.md, "Deadlines and escalation"), so a return or transfer never resets it. */
  dispatchedAt: string
  signFor: Deadline
  resolve: Deadline
}

/** Steps of the escalation ladder, in the order they normally fire. */
export const LADDER_STEPS = [
  'signForReminder',
  'signForOverdue',
  'resolveReminder',
  'resolveOverdue',
  'supervisorOverdue',
] as const
export type LadderStep = (typeof LADDER_STEPS)[number]

/** A ladder step that fired. `round` is the reopen count, so a reopened ticket can be chased again. */
export interface FiredStep {
  step: LadderStep
  round: number
  at: string
}

export interface Escalation {
  /** 0 none, 1 village guide (催办), 2 town guide (督办), 3 town supervisor (挂牌督办). Never goes down. */
  level: 0 | 1 | 2 | 3
  fired: FiredStep[]
}

export type TimelineActor =
  { kind: 'reporter' } | { kind: 'staff'; staffId: string; name?: string; role?: Role } | { kind: 'system' }

export interface TimelineEntry {
  at: string
  actor: TimelineActor
  command: string
  from: TicketStatus | null
  to: TicketStatus
  /** Why: the reason, result or note given with the command. */
  note?: string
  photos?: string[]
  /**
   * The request that made this entry (derived from the caller and the client's request id), so a
   * retried command finds its first answer here instead of adding a second entry. Not shown.
   */
  requestKey?: string
}

export interface Resolution {
  result: string
  photos: string[]
  at: string
  byStaffId: string
}

export interface Rating {
  score: 1 | 2 | 3 | 4 | 5
  comment?: string
  at: string
}

export type RejectionKind = 'invalid' | 'duplicate'
export interface Rejection {
  kind: RejectionKind
  reason: string
  duplicateOf?: string
  at: string
}

export interface Ticket extends TownDocument {
  /** 20260901-0012: the Shanghai date of submission and a per-day counter. */
  number: string
  villageId: string
  gridId: string
  categoryCode: string
  priority: Priority
  description: string
  photos: string[]
  /** Null when none; tickets stored before voice notes existed have no field at all. */
  voice?: VoiceNote | null
  location: GeoPoint | null
  anonymous: boolean
  source: TicketSource
  reporter: Reporter
  onBehalfOf: OnBehalfOf | null
  status: TicketStatus
  assigneeId: string | null
  deadlines: TicketDeadlines | null
  /** Set while the ticket waits on the resident: the clock is stopped from this instant. */
  pausedAt: string | null
  escalation: Escalation
  /** The next instant the sweeper must look at this ticket; null when nothing can fall due. */
  nextDueAt: string | null
  signedForAt: string | null
  resolution: Resolution | null
  rating: Rating | null
  rejection: Rejection | null
  closedAt: string | null
  reopenCount: number
  /** Set for content security `review` results: accepted, but flagged for a human. */
  flagged: boolean
  version: number
  /** Set when the retention rule removed the contact details of this finished ticket. */
  contactMaskedAt?: string
  timeline: TimelineEntry[]
  createdAt: string
  updatedAt: string
}
