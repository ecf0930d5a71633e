import type { WorkingCalendar } from '../calendar/workingCalendar'
import { toEpochMs, toIso, type Instant } from '../calendar/shanghaiTime'
import { LADDER_STEPS, type LadderStep, type Ticket } from '../model/ticket'
import { addDuration } from './computeDeadlines'
import { LADDER, hasFired, stepApplies, stepDueAt } from './escalationLadder'
import type { TownRules } from './timeLimitRules'

export type ReminderStep = 'signForReminder' | 'resolveReminder'
export type EscalationStep = 'signForOverdue' | 'resolveOverdue' | 'supervisorOverdue'

export type DueAction =
  | { command: 'remind'; step: ReminderStep; dueAt: string }
  | { command: 'escalate'; step: EscalationStep; dueAt: string }
  | { command: 'autoClose'; dueAt: string }

export interface DueReport {
  /** What must fire now, in ladder order; the sweeper issues each as a command. */
  actions: DueAction[]
  /** The next instant something will be due once these have fired; null if nothing can be. */
  nextDueAt: string | null
}

interface Pending {
  action: DueAction
  at: number
}

const autoClosePending = (ticket: Ticket, rules: TownRules, calendar: WorkingCalendar): Pending[] => {
  if (ticket.status !== 'resolved' || ticket.resolution === null) return []
  const dueAt = addDuration(calendar, ticket.resolution.at, rules.autoCloseAfter)
  return [{ action: { command: 'autoClose', dueAt }, at: toEpochMs(dueAt) }]
}

/** Every unfired step that applies now, with its instant (reminders whose overdue fired are dropped). */
const pendingSteps = (ticket: Ticket, rules: TownRules, calendar: WorkingCalendar): Pending[] => {
  const out: Pending[] = []
  for (const step of LADDER_STEPS) {
    const spec = LADDER[step]
    if (!stepApplies(ticket, step) || hasFired(ticket, step)) continue
    if (spec.supersededBy !== undefined && hasFired(ticket, spec.supersededBy)) continue
    const dueAt = stepDueAt(ticket, step, rules, calendar) as string
    const action = { command: spec.command, step, dueAt } as DueAction
    out.push({ action, at: toEpochMs(dueAt) })
  }
  return [...out, ...autoClosePending(ticket, rules, calendar)]
}

const earliest = (items: Pending[]): string | null =>
  items.length === 0 ? null : toIso(Math.min(...items.map((p) => p.at)))

/**
 * What the sweeper must do for a ticket now, and when to look again.
 *
 * A step fires at most once per round (recorded in `escalation.fired`); a reminder that is only
 * discovered after its deadline has passed is skipped, since the overdue step fires instead.
 *
 * @example
 * const { actions, nextDueAt } = dueActions(ticket, now, rules, calendar)
 * for (const a of actions) transition(ticket, a.command === 'autoClose' ? { type: 'autoClose' } : { type: a.command, step: a.step }, ctx)
 */
export const dueActions = (
  ticket: Ticket,
  now: Instant,
  rules: TownRules,
  calendar: WorkingCalendar,
): DueReport => {
  const nowMs = toEpochMs(now)
  const pending = pendingSteps(ticket, rules, calendar)
  const firing = pending.filter((p) => p.at <= nowMs)
  const firingSteps = new Set(firing.map((p) => ('step' in p.action ? p.action.step : 'autoClose')))
  const superseded = (p: Pending): boolean => {
    if (!('step' in p.action)) return false
    const by = LADDER[p.action.step].supersededBy
    return by !== undefined && firingSteps.has(by)
  }
  const actions = firing.filter((p) => !superseded(p)).map((p) => p.action)
  const closes = firingSteps.has('autoClose')
  const later = closes ? [] : pending.filter((p) => p.at > nowMs)
  return { actions, nextDueAt: earliest(later) }
}

/** `nextDueAt` for a ticket as it stands (stored on it, so the sweeper can query by index). */
export const computeNextDueAt = (
  ticket: Ticket,
  rules: TownRules,
  calendar: WorkingCalendar,
): string | null => earliest(pendingSteps(ticket, rules, calendar))

/** Whether `step` is among what is due now: the only condition under which remind/escalate are accepted. */
export const isStepDue = (
  ticket: Ticket,
  step: LadderStep,
  now: Instant,
  rules: TownRules,
  calendar: WorkingCalendar,
): boolean => dueActions(ticket, now, rules, calendar).actions.some((a) => 'step' in a && a.step === step)
