import {
  addCalendarDays,
  compactShanghaiDate,
  formatShanghaiDate,
  formatShanghaiDateTime,
  parseClock,
  shanghaiDate,
  toEpochMs,
  toIso,
  weekdayOf,
} from '@shared/calendar/shanghaiTime'
import { createWorkingCalendar, uncoveredYears } from '@shared/calendar/workingCalendar'
import {
  addCalendarMinutes,
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  calendarMinutesBetween,
  isWorkingTime,
  workingMinutesBetween,
} from '@shared/calendar/workingTime'

const calendar = createWorkingCalendar()
/** Shanghai wall clock → UTC ISO instant, to keep the tests readable. */
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString()

const datesBetween = (from: string, to: string): string[] => {
  const out: string[] = []
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d)
  return out
}

describe('State Council holiday notices', () => {
  // 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号
  const notice2025 = {
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  }
  // 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号 (2025-11-04), as carried by
  // chinese-days 1.5.7 and cross-checked against the notice's text.
  const notice2026 = {
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  }

  describe.each([
    ['2025', notice2025],
    ['2026', notice2026],
  ])('%s', (year, notice) => {
    it.each(notice.holidays)('rests through %s (%s – %s)', (_name, from, to) => {
      for (const d of datesBetween(from, to)) expect([d, calendar.isWorkingDay(d)]).toEqual([d, false])
    })
    it.each(notice.workdays)('works on the make-up day %s', (d) => {
      expect([0, 6]).toContain(weekdayOf(d))
      expect(calendar.dayKind(d)).toBe('makeupWorkday')
    })
    it('has exactly the notice’s rest days and make-up days, and otherwise follows the week', () => {
      const rest = new Set(notice.holidays.flatMap(([, from, to]) => datesBetween(from, to)))
      for (const d of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
        const weekend = [0, 6].includes(weekdayOf(d))
        const expected = rest.has(d) ? false : notice.workdays.includes(d) ? true : !weekend
        expect([d, calendar.isWorkingDay(d)]).toEqual([d, expected])
      }
    })
  })
})

describe('working calendar', () => {
  it('counts a 调休 Saturday as a working day', () => {
    expect(weekdayOf('2025-02-08')).toBe(6)
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true)
  })
  it('counts an ordinary Saturday and Sunday as rest days', () => {
    expect(calendar.dayKind('2025-03-08')).toBe('weekend')
    expect(calendar.dayKind('2025-03-09')).toBe('weekend')
    expect(calendar.dayKind('2025-03-10')).toBe('workday')
  })
  it('lets an admin override add a holiday and a workday, above the data', () => {
    const local = createWorkingCalendar({
      overrides: [
        { date: '2027-01-01', kind: 'holiday', note: '元旦' },
        { date: '2027-01-02', kind: 'workday' },
        { date: '2025-01-01', kind: 'workday' },
        { date: '2025-01-06', kind: 'workday' },
      ],
    })
    expect(local.dayKind('2027-01-01')).toBe('holiday')
    expect(local.dayKind('2027-01-02')).toBe('makeupWorkday')
    expect(local.isWorkingDay('2025-01-01')).toBe(true)
    expect(local.dayKind('2025-01-06')).toBe('workday')
  })
  it('names the years whose holidays nobody has entered yet', () => {
    expect(calendar.coveredYears).toEqual([2024, 2025, 2026])
    expect(
      uncoveredYears(calendar, [2025, 2026, 2027, 2028], [{ date: '2028-01-01', kind: 'holiday' }]),
    ).toEqual([2027])
  })
  it('treats an unpublished year by weekends only', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true) // a Friday: not known as 元旦 until entered
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false)
  })
  it('has 6.5 working hours a day by default (08:30–12:00, 14:30–17:30)', () => {
    expect(calendar.minutesPerDay).toBe(390)
  })
  it('refuses working hours that are empty, reversed or overlapping', () => {
    expect(() => createWorkingCalendar({ hours: [] })).toThrow(RangeError)
    expect(() => createWorkingCalendar({ hours: [{ start: '12:00', end: '08:00' }] })).toThrow(RangeError)
    expect(() =>
      createWorkingCalendar({
        hours: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      }),
    ).toThrow(RangeError)
    expect(() => createWorkingCalendar({ hours: [{ start: '8:00', end: '12:00' }] })).toThrow(RangeError)
    expect(() => createWorkingCalendar({ hours: [{ start: '08:00', end: '24:30' }] })).toThrow(RangeError)
  })
  it('accepts a 09:00–17:00 day as data', () => {
    const plain = createWorkingCalendar({ hours: [{ start: '09:00', end: '17:00' }] })
    expect(plain.minutesPerDay).toBe(480)
    expect(addWorkingHours(plain, sh('2025-03-10T16:00'), 4)).toBe(sh('2025-03-11T12:00'))
  })
})

describe('adding working time', () => {
  it('adds working hours within one session', () => {
    expect(addWorkingHours(calendar, sh('2025-03-10T09:00'), 2)).toBe(sh('2025-03-10T11:00'))
  })
  it('skips the midday break', () => {
    expect(addWorkingHours(calendar, sh('2025-03-10T11:00'), 2)).toBe(sh('2025-03-10T15:30'))
  })
  it('starts counting at the next session when dispatched outside working hours', () => {
    expect(addWorkingHours(calendar, sh('2025-03-10T20:00'), 1)).toBe(sh('2025-03-11T09:30'))
    expect(addWorkingHours(calendar, sh('2025-03-10T06:00'), 1)).toBe(sh('2025-03-10T09:30'))
    expect(addWorkingHours(calendar, sh('2025-03-10T13:00'), 1)).toBe(sh('2025-03-10T15:30'))
  })
  it('returns the Monday when 4 working hours are added late on a Friday', () => {
    expect(addWorkingHours(calendar, sh('2025-03-14T16:00'), 4)).toBe(sh('2025-03-17T11:00'))
  })
  it('lands exactly on a session end rather than the next session start', () => {
    expect(addWorkingHours(calendar, sh('2025-03-10T08:30'), 3.5)).toBe(sh('2025-03-10T12:00'))
  })
  it('adds zero as the same instant', () => {
    expect(addWorkingMinutes(calendar, sh('2025-03-10T20:00'), 0)).toBe(sh('2025-03-10T20:00'))
  })
  it('refuses negative or NaN amounts', () => {
    expect(() => addWorkingMinutes(calendar, sh('2025-03-10T20:00'), -1)).toThrow(RangeError)
    expect(() => addWorkingMinutes(calendar, sh('2025-03-10T20:00'), NaN)).toThrow(RangeError)
  })
  it('works on a 调休 Sunday before the Spring Festival', () => {
    // Friday 2025-01-24 16:00 + 4 wh: 1.5 h Friday, Saturday off, Sunday 01-26 is a make-up workday
    expect(addWorkingHours(calendar, sh('2025-01-24T16:00'), 4)).toBe(sh('2025-01-26T11:00'))
  })
  it('jumps the whole Spring Festival run', () => {
    // Monday 2025-01-27 is the last working day; then 01-28 … 02-04 off; 02-05 (Wed) resumes
    expect(addWorkingDays(calendar, sh('2025-01-27T10:00'), 1)).toBe(sh('2025-02-05T10:00'))
  })
  it('jumps the National Day run and counts the 10/11 调休 Saturday', () => {
    // Tue 2025-09-30 10:00 + 3 wd: 10/9 (Thu), 10/10 (Fri), 10/11 (Sat, make-up)
    expect(addWorkingDays(calendar, sh('2025-09-30T10:00'), 3)).toBe(sh('2025-10-11T10:00'))
  })
  it('crosses a year end into the next year’s 元旦 and its make-up Sunday', () => {
    // Wed 2025-12-31 16:00 + 7 wd: 2026-01-01..03 off, 01-04 (Sun) worked, then 01-05 … 01-09
    expect(addWorkingDays(calendar, sh('2025-12-31T16:00'), 7)).toBe(sh('2026-01-12T16:00'))
  })
  it('crosses the 2026 nine-day Spring Festival with its two 调休 Saturdays', () => {
    // Fri 2026-02-13 16:00 + 1 wd → Sat 02-14 (make-up) 16:00; + 2 wd → Tue 02-24 16:00
    expect(addWorkingDays(calendar, sh('2026-02-13T16:00'), 1)).toBe(sh('2026-02-14T16:00'))
    expect(addWorkingDays(calendar, sh('2026-02-13T16:00'), 2)).toBe(sh('2026-02-24T16:00'))
  })
  it('gives up on a calendar that never works instead of looping forever', () => {
    const never = createWorkingCalendar({ data: { source: 't', years: [], holidays: {}, workdays: {} } })
    const allRest = {
      ...never,
      isWorkingDay: () => false,
    }
    expect(() => addWorkingMinutes(allRest, sh('2025-03-10T09:00'), 1)).toThrow(RangeError)
  })
})

describe('working time between instants', () => {
  it('counts only working sessions of working days', () => {
    expect(workingMinutesBetween(calendar, sh('2025-03-10T08:00'), sh('2025-03-10T18:00'))).toBe(390)
    expect(workingMinutesBetween(calendar, sh('2025-03-14T17:00'), sh('2025-03-17T09:00'))).toBe(60)
  })
  it('is zero across a holiday run', () => {
    expect(workingMinutesBetween(calendar, sh('2025-10-01T00:00'), sh('2025-10-08T23:59'))).toBe(0)
  })
  it('is negative when the end comes first', () => {
    expect(workingMinutesBetween(calendar, sh('2025-03-10T11:00'), sh('2025-03-10T10:00'))).toBe(-60)
  })
  it('inverts adding working time', () => {
    const start = sh('2025-09-26T15:10')
    const end = addWorkingMinutes(calendar, start, 2000)
    expect(workingMinutesBetween(calendar, start, end)).toBe(2000)
  })
  it('knows whether an instant is inside working time', () => {
    expect(isWorkingTime(calendar, sh('2025-03-10T08:30'))).toBe(true)
    expect(isWorkingTime(calendar, sh('2025-03-10T12:00'))).toBe(false)
    expect(isWorkingTime(calendar, sh('2025-03-08T10:00'))).toBe(false)
  })
  it('measures calendar time too, for urgent windows', () => {
    expect(calendarMinutesBetween(sh('2025-03-08T10:00'), sh('2025-03-08T10:30'))).toBe(30)
    expect(addCalendarMinutes(sh('2025-03-08T23:45'), 30)).toBe(sh('2025-03-09T00:15'))
  })
})

describe('Shanghai time', () => {
  it('dates an instant in Shanghai, not UTC', () => {
    expect(shanghaiDate('2025-12-31T16:30:00Z')).toBe('2026-01-01')
    expect(compactShanghaiDate(new Date('2025-12-31T15:59:59Z'))).toBe('20251231')
  })
  it('formats for people and for WeChat keywords', () => {
    expect(formatShanghaiDateTime('2026-11-25T06:30:00Z')).toBe('2026年11月25日 14:30')
    expect(formatShanghaiDate(Date.UTC(2026, 10, 24, 16))).toBe('2026年11月25日')
  })
  it('refuses what is not an instant, date or clock time', () => {
    expect(() => toEpochMs('yesterday')).toThrow(RangeError)
    expect(() => addCalendarDays('2025/01/01', 1)).toThrow(RangeError)
    expect(() => parseClock('25:00')).toThrow(RangeError)
    expect(() => parseClock('12:60')).toThrow(RangeError)
    expect(parseClock('24:00')).toBe(1440)
  })
  it('stores instants as sortable UTC ISO strings', () => {
    expect(toIso('2025-03-10T09:00:00+08:00')).toBe('2025-03-10T01:00:00.000Z')
  })
})
