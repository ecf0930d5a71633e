/** WeChat's trigger cron (7 fields, UTC+8, day OR week, year) and subscribe keyword rules, without a server. */
import { parseYears, WeChatCron } from '../../localcloud/cron'
import { checkKeyword } from '../../localcloud/openapi/keywords'

const next = (expr: string, after: string, n = 1) => {
  const cron = new WeChatCron(expr)
  const out: string[] = []
  let at: Date | null = new Date(after)
  for (let i = 0; i < n && at; i++) {
    at = cron.next(at)
    if (at) out.push(at.toISOString())
  }
  return out
}

test('fields are read in UTC+8', () => {
  // 02:00 on the 1st, Beijing time = 18:00 UTC the day before
  expect(next('0 0 2 1 * * *', '2026-11-25T00:00:00Z', 2)).toEqual([
    '2026-11-30T18:00:00.000Z',
    '2026-12-31T18:00:00.000Z',
  ])
})

test('week 0 is Sunday and MON-FRI works', () => {
  expect(next('0 0 9 * * 0 *', '2026-11-25T00:00:00Z')).toEqual(['2026-11-29T01:00:00.000Z']) // Sun 29 Nov
  expect(next('0 15 10 * * MON-FRI *', '2026-11-27T03:00:00Z')).toEqual(['2026-11-30T02:15:00.000Z']) // Fri → Mon
})

test('day and week are OR-ed when both are set', () => {
  // the 1st of the month OR any Monday
  expect(next('0 0 9 1 * 1 *', '2026-11-25T00:00:00Z', 3)).toEqual([
    '2026-11-30T01:00:00.000Z',
    '2026-12-01T01:00:00.000Z',
    '2026-12-07T01:00:00.000Z',
  ])
})

test('the year field limits runs', () => {
  expect(next('0 0 0 1 1 * 2028', '2026-01-01T00:00:00Z', 2)).toEqual(['2027-12-31T16:00:00.000Z'])
  expect(next('0 0 0 1 1 * 2027-2031/2', '2026-06-01T00:00:00Z', 3)).toEqual([
    '2026-12-31T16:00:00.000Z',
    '2028-12-31T16:00:00.000Z',
    '2030-12-31T16:00:00.000Z',
  ])
  expect(next('0 0 0 1 1 * 2020', '2026-01-01T00:00:00Z')).toEqual([])
  expect(parseYears('2026,2030')(2030)).toBe(true)
  expect(() => parseYears('26')).toThrow()
})

test('a coalesced run stands for the latest missed time', () => {
  const cron = new WeChatCron('0 */5 * * * * *')
  const latest = cron.latestDue(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T01:02:00Z'))
  expect(latest?.toISOString()).toBe('2026-01-01T01:00:00.000Z')
  expect(cron.latestDue(new Date('2026-01-01T00:00:01Z'), new Date('2026-01-01T00:04:59Z'))).toBeNull()
})

test('6 or 7 fields only', () => {
  expect(() => new WeChatCron('0 0 2 * *')).toThrow(/7 fields/)
})

test.each([
  ['thing1', '二十个字以内的内容', null],
  ['thing1', '一'.repeat(21), 'invalid'],
  ['phrase2', '已受理', null],
  ['phrase2', 'OK', 'invalid'],
  ['name3', '张三', null],
  ['name3', 'Zhang San Feng Long', null],
  ['name3', '欧阳一二三四五六七八', null],
  ['name3', '欧阳一二三四五六七八九', 'invalid'],
  ['character_string1', '20260901-0012', null],
  ['character_string1', 'x'.repeat(33), 'invalid'],
  ['number1', '-12.5', null],
  ['number1', '12a', 'invalid'],
  ['time4', '2026年11月25日 14:30', null],
  ['time4', '2026-11-25 14:30', null],
  ['time4', '14:30', null],
  ['time4', '2026-11-25 24:30', 'invalid'],
  ['date2', '2026年11月25日', null],
  ['date2', '2026-13-01', 'invalid'],
  ['phone_number1', '+86-138-0000-0000', null],
  ['phone_number1', '138 0000', 'invalid'],
  ['amount1', '¥128.50', null],
  ['amount1', '128元', null],
  ['letter1', 'abc', null],
  ['symbol1', '★', null],
  ['thing2', '', 'empty'],
  ['thing2', '   ', 'empty'],
])('keyword %s = %j → %s', (key, value, expected) => {
  expect(checkKeyword(key, value)).toBe(expected)
})
