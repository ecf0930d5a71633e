import { CHINA_HOLIDAYS_2024_2026, type HolidayData } from './holidayData'
import { parseClock, weekdayOf } from './shanghaiTime'

/** A span of working time within a day, Shanghai wall clock, `HH:mm`–`HH:mm`. */
export interface WorkingPeriod {
  start: string
  end: string
}

/**
 * The town's office hours. Hunan township offices keep a morning and an afternoon session with a
 * long midday break, so deadlines in working hours do not run through lunch: 6.5 h per day.
 * This is data: a town with other hours passes its own periods.
 */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:30', end: '17:30' },
]

/** A day the grid office sets by hand: next year's days before a data update, or a local holiday. */
export interface CalendarOverride {
  date: string
  kind: 'holiday' | 'workday'
  note?: string
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday'

export interface WorkingCalendar {
  /** What kind of day a Shanghai date (`YYYY-MM-DD`) is. */
  dayKind(date: string): DayKind
  isWorkingDay(date: string): boolean
  /** Working periods as minutes after midnight, sorted and disjoint. */
  periods: readonly { startMinute: number; endMinute: number }[]
  /** Working minutes in a full working day: the length of one "working day" in deadlines. */
  minutesPerDay: number
  /** Years the holiday data covers; others count weekends and overrides only. */
  coveredYears: readonly number[]
}

export interface WorkingCalendarOptions {
  data?: HolidayData
  hours?: readonly WorkingPeriod[]
  overrides?: readonly CalendarOverride[]
}

const toPeriods = (hours: readonly WorkingPeriod[]) => {
  const periods = hours
    .map((h) => ({ startMinute: parseClock(h.start), endMinute: parseClock(h.end) }))
    .sort((a, b) => a.startMinute - b.startMinute)
  if (periods.length === 0) throw new RangeError('working hours are empty')
  periods.forEach((p, i) => {
    if (p.endMinute <= p.startMinute) throw new RangeError('a working period ends before it starts')
    if (i > 0 && p.startMinute < periods[i - 1].endMinute) throw new RangeError('working periods overlap')
  })
  return periods
}

/**
 * The working-day calendar as a value: weekends off, the State Council's holidays off, its make-up
 * workdays (调休) on, and the admin's overrides above both.
 *
 * @example
 * const calendar = createWorkingCalendar()
 * calendar.isWorkingDay('2025-01-26') // true: a Sunday worked for the Spring Festival
 */
export const createWorkingCalendar = (options: WorkingCalendarOptions = {}): WorkingCalendar => {
  const data = options.data ?? CHINA_HOLIDAYS_2024_2026
  const periods = toPeriods(options.hours ?? DEFAULT_WORKING_HOURS)
  const overrides = new Map((options.overrides ?? []).map((o) => [o.date, o.kind]))

  const dayKind = (date: string): DayKind => {
    const override = overrides.get(date)
    const weekend = [0, 6].includes(weekdayOf(date))
    if (override === 'holiday') return 'holiday'
    if (override === 'workday') return weekend ? 'makeupWorkday' : 'workday'
    if (date in data.holidays) return 'holiday'
    if (date in data.workdays) return 'makeupWorkday'
    return weekend ? 'weekend' : 'workday'
  }

  return {
    dayKind,
    isWorkingDay: (date) => {
      const kind = dayKind(date)
      return kind === 'workday' || kind === 'makeupWorkday'
    },
    periods,
    minutesPerDay: periods.reduce((sum, p) => sum + p.endMinute - p.startMinute, 0),
    coveredYears: data.years,
  }
}

/** Years in `years` that neither the data nor any override covers: the admin should add them. */
export const uncoveredYears = (
  calendar: WorkingCalendar,
  years: readonly number[],
  overrides: readonly CalendarOverride[] = [],
): number[] =>
  years.filter(
    (y) => !calendar.coveredYears.includes(y) && !overrides.some((o) => o.date.startsWith(`${y}-`)),
  )
