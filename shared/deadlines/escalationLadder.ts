import type { WorkingCalendar } from '../calendar/workingCalendar'
import type { LadderStep, Ticket, TicketStatus } from '../model/ticket'
import { addDuration } from './computeDeadlines'
import type { TownRules } from './timeLimitRules'

/** Who hears of a step: the assignee, or the people at that level for the ticket's village. */
export type LadderAudience = 'assignee' | 'villageGuides' | 'townGuides' | 'supervisors'

export interface LadderStepSpec {
  command: 'remind' | 'escalate'
  /** The escalation level the step raises the ticket to (0 for reminders). */
  level: 0 | 1 | 2 | 3
  /** On the timeline and in the alert's 督办级别 keyword. */
  label: string
  audience: LadderAudience
  /** A reminder is pointless once the deadline it warns of has passed: this step supersedes it. */
  supersededBy?: LadderStep
}

/** The ladder (docs/architecture.md, "Deadlines and escalation"): remind the assignee, then 催办 → 督办 → 挂牌督办, each once. */
export const LADDER: Record<LadderStep, LadderStepSpec> = {
  signForReminder: {
    command: 'remind',
    level: 0,
    label: '签收提醒',
    audience: 'assignee',
    supersededBy: 'signForOverdue',
  },
  signForOverdue: { command: 'escalate', level: 1, label: '催办', audience: 'villageGuides' },
  resolveReminder: {
    command: 'remind',
    level: 0,
    label: '办结提醒',
    audience: 'assignee',
    supersededBy: 'resolveOverdue',
  },
  resolveOverdue: { command: 'escalate', level: 2, label: '督办', audience: 'townGuides' },
  supervisorOverdue: { command: 'escalate', level: 3, label: '挂牌督办', audience: 'supervisors' },
}

/** Where the resolve clock runs: not while waiting on the resident, not once resolved. */
const RESOLVE_CLOCK_RUNS: readonly TicketStatus[] = ['pendingSignFor', 'inProgress', 'returned']

/** Whether a step can fall due in the ticket's present status. */
export const stepApplies = (ticket: Ticket, step: LadderStep): boolean => {
  if (ticket.deadlines === null || ticket.pausedAt !== null) return false
  if (step === 'signForReminder' || step === 'signForOverdue') return ticket.status === 'pendingSignFor'
  return RESOLVE_CLOCK_RUNS.includes(ticket.status)
}

/** The instant a step falls due, from the ticket's deadlines (which pauses have already pushed). */
export const stepDueAt = (
  ticket: Ticket,
  step: LadderStep,
  rules: TownRules,
  calendar: WorkingCalendar,
): string | null => {
  const d = ticket.deadlines
  if (d === null) return null
  switch (step) {
    case 'signForReminder':
      return d.signFor.remindAt
    case 'signForOverdue':
      return d.signFor.dueAt
    case 'resolveReminder':
      return d.resolve.remindAt
    case 'resolveOverdue':
      return d.resolve.dueAt
    case 'supervisorOverdue':
      return addDuration(calendar, d.resolve.dueAt, rules.ladder.supervisorAfter)
  }
}

/** Fired in this round? A reopen starts a new round, so the reopened ticket can be chased again. */
export const hasFired = (ticket: Ticket, step: LadderStep): boolean =>
  ticket.escalation.fired.some((f) => f.step === step && f.round === ticket.reopenCount)

export const levelName = (level: number): string =>
  (['无', '催办', '督办', '挂牌督办'] as const)[level] ?? '督办'
