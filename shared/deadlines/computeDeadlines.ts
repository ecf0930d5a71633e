import type { WorkingCalendar } from '../calendar/workingCalendar'
import { toEpochMs, toIso, type Instant } from '../calendar/shanghaiTime'
import {
  addCalendarMinutes,
  addWorkingMinutes,
  calendarMinutesBetween,
  workingMinutesBetween,
} from '../calendar/workingTime'
import type { Deadline, TicketDeadlines, TimeBasis } from '../model/ticket'
import { basisOf, durationMinutes, type Duration, type LadderRules, type TimeLimit } from './timeLimitRules'

/** Move an instant forward by minutes of the given basis. */
export const advance = (calendar: WorkingCalendar, at: Instant, minutes: number, basis: TimeBasis): string =>
  basis === 'working' ? addWorkingMinutes(calendar, at, minutes) : addCalendarMinutes(at, minutes)

/** The end of a window that starts at `start`. */
export const addDuration = (calendar: WorkingCalendar, start: Instant, d: Duration): string =>
  advance(calendar, start, durationMinutes(d, calendar.minutesPerDay), basisOf(d))

/**
 * One deadline with its reminder. The reminder comes a fraction of the window early, capped so that
 * a three-day window is not reminded of a day ahead: 4 wh → 1 wh before, 30 min → 7.5 min before.
 */
export const computeDeadline = (
  calendar: WorkingCalendar,
  start: Instant,
  window: Duration,
  ladder: LadderRules,
): Deadline => {
  const basis = basisOf(window)
  const minutes = durationMinutes(window, calendar.minutesPerDay)
  const lead = Math.min(minutes * ladder.reminderFraction, ladder.reminderMaxLeadMinutes)
  return {
    dueAt: advance(calendar, start, minutes, basis),
    remindAt: advance(calendar, start, minutes - lead, basis),
    basis,
  }
}

/**
 * Deadlines at dispatch. Both windows start at dispatch (not at sign-for), so a return, transfer or
 * slow sign-for never buys more time (docs/architecture.md, "Deadlines and escalation").
 *
 * @example
 * computeDeadlines(calendar, '2025-03-10T01:00:00Z', timeLimitFor(DEFAULT_RULES, 'dispute', 'normal'), ladder)
 */
export const computeDeadlines = (
  calendar: WorkingCalendar,
  dispatchedAt: Instant,
  limit: TimeLimit,
  ladder: LadderRules,
): TicketDeadlines => ({
  dispatchedAt: toIso(dispatchedAt),
  signFor: computeDeadline(calendar, dispatchedAt, limit.signFor, ladder),
  resolve: computeDeadline(calendar, dispatchedAt, limit.resolve, ladder),
})

/** Time the clock stood still, in the deadline's own basis. */
const pausedMinutes = (calendar: WorkingCalendar, basis: TimeBasis, from: Instant, to: Instant): number =>
  Math.max(
    0,
    basis === 'working' ? workingMinutesBetween(calendar, from, to) : calendarMinutesBetween(from, to),
  )

const pushDeadline = (calendar: WorkingCalendar, d: Deadline, from: Instant, to: Instant): Deadline => {
  const minutes = pausedMinutes(calendar, d.basis, from, to)
  return {
    basis: d.basis,
    dueAt: advance(calendar, d.dueAt, minutes, d.basis),
    remindAt: advance(calendar, d.remindAt, minutes, d.basis),
  }
}

/**
 * Deadlines after a wait on the resident: pushed by the time the clock was stopped (working time for
 * working windows, wall-clock time for urgent ones). Never earlier than before.
 */
export const resumeDeadlines = (
  calendar: WorkingCalendar,
  deadlines: TicketDeadlines,
  pausedAt: Instant,
  resumedAt: Instant,
): TicketDeadlines => ({
  dispatchedAt: deadlines.dispatchedAt,
  signFor: pushDeadline(calendar, deadlines.signFor, pausedAt, resumedAt),
  resolve: pushDeadline(calendar, deadlines.resolve, pausedAt, resumedAt),
})

const later = (a: string, b: string): string => (toEpochMs(a) >= toEpochMs(b) ? a : b)

/**
 * Deadlines after a reopen (重办): a fresh resolve window from now, or the old one if it is later
 * (deadlines never move earlier). The sign-for deadline is history by then and stays as it was.
 */
export const reopenDeadlines = (
  calendar: WorkingCalendar,
  deadlines: TicketDeadlines,
  reopenedAt: Instant,
  limit: TimeLimit,
  ladder: LadderRules,
): TicketDeadlines => {
  const fresh = computeDeadline(calendar, reopenedAt, limit.resolve, ladder)
  return {
    ...deadlines,
    resolve: {
      basis: deadlines.resolve.basis,
      dueAt: later(deadlines.resolve.dueAt, fresh.dueAt),
      remindAt: later(deadlines.resolve.remindAt, fresh.remindAt),
    },
  }
}
