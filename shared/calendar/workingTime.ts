import type { WorkingCalendar } from './workingCalendar'
import {
  MINUTE_MS,
  addCalendarDays,
  shanghaiDate,
  shanghaiMidnight,
  toEpochMs,
  toIso,
  type Instant,
} from './shanghaiTime'

/**
 * Arithmetic in working time. Working time is the union of the calendar's periods on its working
 * days; an amount of working time added to an instant lands on the earliest instant that has that
 * much working time since the start (so a deadline can fall exactly at 12:00 or 17:30).
 */

/** Ten years: any realistic deadline lies far inside; more means the calendar has no working days. */
const MAX_DAYS = 3660

/** Each working period of each day from `fromDate` on, as [start, end) epoch milliseconds. */
function* workingSpans(calendar: WorkingCalendar, fromDate: string): Generator<[number, number]> {
  let date = fromDate
  for (let i = 0; i < MAX_DAYS; i++) {
    if (calendar.isWorkingDay(date)) {
      const midnight = shanghaiMidnight(date)
      for (const p of calendar.periods) {
        yield [midnight + p.startMinute * MINUTE_MS, midnight + p.endMinute * MINUTE_MS]
      }
    }
    date = addCalendarDays(date, 1)
  }
  throw new RangeError(`no working time within ${MAX_DAYS} days of ${fromDate}`)
}

/**
 * The instant `minutes` of working time after `at`.
 *
 * @example
 * // Friday 2025-01-24 16:00 + 4 working hours: 1.5 h on Friday, then Sunday 2025-01-26 is a 调休 workday
 * addWorkingMinutes(calendar, '2025-01-24T08:00:00Z', 240) // '2025-01-26T03:00:00.000Z' (11:00 Shanghai)
 */
export const addWorkingMinutes = (calendar: WorkingCalendar, at: Instant, minutes: number): string => {
  if (!(minutes >= 0)) throw new RangeError(`working minutes must be ≥ 0, got ${minutes}`)
  const start = toEpochMs(at)
  let remaining = Math.round(minutes * MINUTE_MS)
  if (remaining === 0) return toIso(start)
  for (const [spanStart, spanEnd] of workingSpans(calendar, shanghaiDate(start))) {
    const from = Math.max(start, spanStart)
    if (from >= spanEnd) continue
    if (remaining <= spanEnd - from) return toIso(from + remaining)
    remaining -= spanEnd - from
  }
  /* istanbul ignore next -- workingSpans throws before it runs out */
  throw new RangeError('unreachable')
}

export const addWorkingHours = (calendar: WorkingCalendar, at: Instant, hours: number): string =>
  addWorkingMinutes(calendar, at, hours * 60)

/** A working day is `calendar.minutesPerDay` of working time: 16:00 + 1 working day = 16:00 next working day. */
export const addWorkingDays = (calendar: WorkingCalendar, at: Instant, days: number): string =>
  addWorkingMinutes(calendar, at, days * calendar.minutesPerDay)

/** Working minutes between two instants; negative when `to` is before `from`. */
export const workingMinutesBetween = (calendar: WorkingCalendar, from: Instant, to: Instant): number => {
  const a = toEpochMs(from)
  const b = toEpochMs(to)
  if (b < a) return -workingMinutesBetween(calendar, b, a)
  let total = 0
  for (const [spanStart, spanEnd] of workingSpans(calendar, shanghaiDate(a))) {
    if (spanStart >= b) break
    total += Math.max(0, Math.min(spanEnd, b) - Math.max(spanStart, a))
  }
  return total / MINUTE_MS
}

/** Whether an instant falls inside working time. */
export const isWorkingTime = (calendar: WorkingCalendar, at: Instant): boolean => {
  const ms = toEpochMs(at)
  const date = shanghaiDate(ms)
  const minute = (ms - shanghaiMidnight(date)) / MINUTE_MS
  return (
    calendar.isWorkingDay(date) &&
    calendar.periods.some((p) => minute >= p.startMinute && minute < p.endMinute)
  )
}

/** Calendar time in minutes between two instants (for urgent windows, which run day and night). */
export const calendarMinutesBetween = (from: Instant, to: Instant): number =>
  (toEpochMs(to) - toEpochMs(from)) / MINUTE_MS

export const addCalendarMinutes = (at: Instant, minutes: number): string =>
  toIso(toEpochMs(at) + Math.round(minutes * MINUTE_MS))
