import { shanghaiDate, type Instant } from '../calendar/shanghaiTime'
import { uncoveredYears, type CalendarOverride, type WorkingCalendar } from '../calendar/workingCalendar'

/**
 * The year whose holidays and 调休 the office should add now, or null: from December (Shanghai
 * time), next year when neither the shipped data nor the town's overrides cover it; any time, the
 * current year when it is not covered (deadlines are already being computed without it).
 *
 * @example
 * missingCalendarYear('2026-12-01T02:00:00.000Z', calendar, []) // 2027 (the data stops at 2026)
 * missingCalendarYear('2026-11-28T02:00:00.000Z', calendar, []) // null
 */
export const missingCalendarYear = (
  now: Instant,
  calendar: WorkingCalendar,
  overrides: readonly CalendarOverride[],
): number | null => {
  const [year, month] = shanghaiDate(now).split('-').map(Number)
  const years = month === 12 ? [year, year + 1] : [year]
  return uncoveredYears(calendar, years, overrides)[0] ?? null
}
