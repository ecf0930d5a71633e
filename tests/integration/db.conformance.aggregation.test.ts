/**
 * Conformance with CloudBase (MongoDB underneath) — aggregation, through the real wx-server-sdk:
 * the stages the functions use ($match + $group with $sum, as the inbox tabs count tickets) and
 * the expression operators where the local cloud's library differed from MongoDB:
 * - `$week` (and `%U` in `$dateToString`): weeks start on Sunday; the days before the year's first
 *   Sunday are week 0;
 * - `$indexOfCP`: code-point index of a substring within [start, end), -1 when absent, null for a
 *   null or missing string, an error for a negative or fractional index;
 * - `$substrBytes` / `$substr`: byte offsets; a negative length means "to the end", a negative
 *   start or one past the end gives "", cutting a UTF-8 character in two is an error.
 * Expected values are worked out by hand from those rules.
 */
import { initCloud, sdkDatabase, startTcbServer, type SdkDb, type TcbServer } from '../helpers/tcbServer'

type Expr = (arg: unknown) => object

let server: TcbServer
let db: SdkDb
let $: Record<'sum' | 'week' | 'dateToString' | 'indexOfCP' | 'substr' | 'substrBytes', Expr>

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  $ = db.command.aggregate as unknown as typeof $
  await db.createCollection('tickets')
  await db.createCollection('days')
  await db.createCollection('texts')
  await db.collection('tickets').add({
    data: [
      { _id: 'k1', townId: 't1', status: 'new' },
      { _id: 'k2', townId: 't1', status: 'new' },
      { _id: 'k3', townId: 't1', status: 'assigned' },
      { _id: 'k4', townId: 't2', status: 'new' },
    ],
  })
  await db.collection('days').add({
    data: [
      { _id: 'may14', d: new Date('2019-05-14T09:38:51.686Z') }, // a Tuesday
      { _id: 'jan1', d: new Date('2019-01-01T00:00:00Z') }, // Tuesday: before the first Sunday
      { _id: 'jan5', d: new Date('2019-01-05T23:59:59Z') }, // Saturday: still week 0
      { _id: 'jan6', d: new Date('2019-01-06T00:00:00Z') }, // the first Sunday: week 1
      { _id: 'sun1', d: new Date('2023-01-01T12:00:00Z') }, // the year starts on a Sunday: week 1
      { _id: 'dec31', d: new Date('2020-12-31T12:00:00Z') }, // Thursday of a leap year
      { _id: 'none', d: null },
    ],
  })
  await db.collection('texts').add({
    data: [
      { _id: 'cn', s: '网格管理员网格' }, // 7 code points, 21 UTF-8 bytes
      { _id: 'mix', s: 'abc网格' }, // bytes: a b c, then 3 + 3
      { _id: 'nil', s: null },
    ],
  })
})

afterAll(async () => {
  await server.close()
})

async function project(coll: string, id: string, fields: object): Promise<Record<string, unknown>> {
  const res = await db
    .collection(coll)
    .aggregate()
    .match({ _id: id })
    .project({ _id: 0, ...fields })
    .end()
  return res.list[0]
}

const REQUEST_FAILED = { errCode: -1, code: 'DATABASE_REQUEST_FAILED' }

it('$match + $group with $sum(1) counts per key (the inbox tabs)', async () => {
  const res = await db
    .collection('tickets')
    .aggregate()
    .match({ townId: 't1' })
    .group({ _id: '$status', n: $.sum(1) })
    .sort({ _id: 1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'assigned', n: 1 },
    { _id: 'new', n: 2 },
  ])
})

describe('$week', () => {
  it.each([
    ['may14', 19],
    ['jan1', 0],
    ['jan5', 0],
    ['jan6', 1],
    ['sun1', 1],
    ['dec31', 52],
    ['none', null],
  ])('%s is week %p', async (id, week) => {
    expect(await project('days', id, { w: $.week('$d') })).toEqual({ w: week })
  })

  it('counts in the given timezone', async () => {
    // 2019-01-05 23:59:59 UTC is already Sunday 2019-01-06 in +08:00.
    expect(await project('days', 'jan5', { w: $.week({ date: '$d', timezone: '+08:00' }) })).toEqual({ w: 1 })
  })

  it('is what %U formats in $dateToString (two digits)', async () => {
    expect(
      await project('days', 'may14', { s: $.dateToString({ date: '$d', format: '%Y week %U' }) }),
    ).toEqual({
      s: '2019 week 19',
    })
    expect(
      await project('days', 'jan5', {
        s: $.dateToString({ date: '$d', format: '%U %d', timezone: '+08:00' }),
      }),
    ).toEqual({ s: '01 06' })
    expect(await project('days', 'jan1', { s: $.dateToString({ date: '$d', format: '%%U=%U' }) })).toEqual({
      s: '%U=00',
    })
  })
})

describe('$indexOfCP', () => {
  it.each([
    ['first occurrence', ['$s', '网格'], 0],
    ['from a start index', ['$s', '网格', 1], 5],
    ['only within [start, end)', ['$s', '网格', 1, 6], -1],
    ['ends exactly at end', ['$s', '网格', 1, 7], 5],
    ['absent', ['$s', '村'], -1],
    ['start past the end', ['$s', '网', 9], -1],
    ['start after end', ['$s', '管', 3, 1], -1],
    ['empty substring: the start', ['$s', '', 2], 2],
  ])('%s', async (_name, args, expected) => {
    expect(await project('texts', 'cn', { i: $.indexOfCP(args) })).toEqual({ i: expected })
  })

  it('is null for a null or missing string', async () => {
    expect(
      await project('texts', 'nil', { i: $.indexOfCP(['$s', 'a']), j: $.indexOfCP(['$nope', 'a']) }),
    ).toEqual({
      i: null,
      j: null,
    })
  })

  it('fails on a negative or fractional index, or a substring that is not a string', async () => {
    await expect(project('texts', 'cn', { i: $.indexOfCP(['$s', '网', -1]) })).rejects.toMatchObject(
      REQUEST_FAILED,
    )
    await expect(project('texts', 'cn', { i: $.indexOfCP(['$s', '网', 1.5]) })).rejects.toMatchObject(
      REQUEST_FAILED,
    )
    await expect(project('texts', 'cn', { i: $.indexOfCP(['$s', 3]) })).rejects.toMatchObject(REQUEST_FAILED)
  })
})

describe('$substrBytes and $substr', () => {
  it.each([
    ['a negative length is the rest of the string', ['$s', 3, -1], '网格'],
    ['ASCII prefix', ['$s', 0, 3], 'abc'],
    ['a whole multi-byte character', ['$s', 3, 3], '网'],
    ['a length past the end stops at the end', ['$s', 3, 100], '网格'],
    ['a negative start is the empty string', ['$s', -1, 2], ''],
    ['a start past the end is the empty string', ['$s', 20, 2], ''],
  ])('%s', async (_name, args, expected) => {
    expect(await project('texts', 'mix', { a: $.substrBytes(args), b: $.substr(args) })).toEqual({
      a: expected,
      b: expected,
    })
  })

  it('answers "" for a null string', async () => {
    expect(await project('texts', 'nil', { a: $.substrBytes(['$s', 0, -1]) })).toEqual({ a: '' })
  })

  it('fails when the range cuts a UTF-8 character', async () => {
    await expect(project('texts', 'mix', { a: $.substrBytes(['$s', 4, 3]) })).rejects.toMatchObject(
      REQUEST_FAILED,
    )
    await expect(project('texts', 'mix', { a: $.substr(['$s', 3, 2]) })).rejects.toMatchObject(REQUEST_FAILED)
  })
})
