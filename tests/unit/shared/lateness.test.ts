import { describeLateness, missedDeadline } from '@shared/deadlines/lateness'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('describeLateness', () => {
  // prettier-ignore
  it.each([
    [0,                        '1分钟'],
    [30_000,                   '1分钟'],
    [MIN + 59_999,             '1分钟'],
    [HOUR,                     '1小时'],
    [HOUR + MIN,               '1小时1分钟'],
    [DAY,                      '1天'],
    [DAY - MIN,                '23小时59分钟'],
    [2 * DAY + 59 * MIN,       '2天'],
    [2 * DAY + HOUR + 59 * MIN, '2天1小时'],
    [400 * DAY + 23 * HOUR,    '400天23小时'],
  ])('returns the largest two units for %i ms: %s', (ms, text) => {
    expect(describeLateness(ms)).toBe(text)
  })
  it('returns 1分钟 when the time is not yet late (a clock a little behind)', () => {
    expect(describeLateness(-5 * MIN)).toBe('1分钟')
  })
})

describe('missedDeadline', () => {
  const deadlines = {
    signFor: { dueAt: '2025-03-10T02:00:00.000Z' },
    resolve: { dueAt: '2025-03-12T09:00:00.000Z' },
  }
  const before = Date.parse('2025-03-11T00:00:00.000Z')
  const after = Date.parse('2025-03-12T09:00:00.001Z')
  // prettier-ignore
  it.each([
    ['pendingSignFor', before,                                   '2025-03-10T02:00:00.000Z'],
    ['pendingSignFor', after,                                    '2025-03-10T02:00:00.000Z'],
    ['inProgress',     before,                                   '2025-03-10T02:00:00.000Z'],
    ['inProgress',     Date.parse('2025-03-12T09:00:00.000Z'),   '2025-03-12T09:00:00.000Z'],
    ['inProgress',     after,                                    '2025-03-12T09:00:00.000Z'],
    ['returned',       after,                                    '2025-03-12T09:00:00.000Z'],
  ])('returns, for a %s ticket at %i, %s', (status, nowMs, missed) => {
    expect(missedDeadline({ status, deadlines }, nowMs)).toBe(missed)
  })
  it('returns null for a ticket without deadlines (never dispatched)', () => {
    expect(missedDeadline({ status: 'submitted', deadlines: null }, after)).toBeNull()
  })
})
