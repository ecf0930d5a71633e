import type { Instant } from '../calendar/shanghaiTime'
import type { WorkingCalendar } from '../calendar/workingCalendar'
import type { TownRules } from '../deadlines/timeLimitRules'
import type { Category } from '../model/category'
import type { Actor } from '../model/roles'
import type { Ticket, TicketStatus } from '../model/ticket'
import type { Effect } from './effects'

/** Everything a decision depends on besides the ticket and the command: who, when, and the town's data. */
export interface TransitionContext {
  actor: Actor
  /** The clock is a parameter: `shared/` never reads it. */
  now: Instant
  rules: TownRules
  calendar: WorkingCalendar
  /** The town's categories (default: DEFAULT_CATEGORIES), for priorities and names. */
  categories?: readonly Category[]
  /** Display names for notifications (grid and staff names); missing ones show a placeholder. */
  names?: { grids?: Record<string, string>; staff?: Record<string, string> }
}

export type RefusalCode = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'INVALID_INPUT' | 'RATE_LIMITED'
export interface Refusal {
  code: RefusalCode
  message: string
}

export type TransitionResult =
  { ok: true; ticket: Ticket; effects: Effect[] } | { ok: false; refusal: Refusal }

/** What a command handler decides; `transition` adds the timeline entry, version and nextDueAt. */
export type HandlerOutcome =
  | {
      ok: true
      /** Fields that change (status comes from the command table unless given here). */
      changes: Partial<Ticket>
      to?: TicketStatus
      /** Why, for the timeline: the reason, result or note that came with the command. */
      note?: string
      photos?: string[]
      effects: Effect[]
    }
  | { ok: false; refusal: Refusal }

export const refuse = (code: RefusalCode, message: string): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { code, message },
})
