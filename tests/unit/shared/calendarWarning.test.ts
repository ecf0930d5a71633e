import { createWorkingCalendar } from '@shared/calendar/workingCalendar'
import { missingCalendarYear } from '@shared/roster/calendarWarning'

const calendar = createWorkingCalendar()

describe('the missing calendar year on the office’s home', () => {
  it.each([
    ['November: nothing yet', '2026-11-28T02:00:00.000Z', [], null],
    [
      'December 1st in Shanghai (still November 30th in UTC): next year',
      '2026-11-30T16:30:00.000Z',
      [],
      2027,
    ],
    [
      'December with next year’s days added by the town: nothing',
      '2026-12-15T02:00:00.000Z',
      [{ date: '2027-01-01', kind: 'holiday' as const }],
      null,
    ],
    ['a year already running without its days', '2027-03-01T02:00:00.000Z', [], 2027],
  ])('%s', (_, now, overrides, year) => {
    expect(missingCalendarYear(now, calendar, overrides)).toBe(year)
  })
})
