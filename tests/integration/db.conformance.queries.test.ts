/**
 * Conformance with CloudBase (MongoDB underneath) — query operators, through the real
 * wx-server-sdk: the ones the functions use (equality incl. null and dotted paths, eq/neq, lt/lte/
 * gt/gte, in/nin, and/or, exists; orderBy on several keys, skip/limit, field, count) and the ones
 * where the local cloud's query library differed from MongoDB ($elemMatch on arrays of plain
 * values, $exists/$mod inside $elemMatch, $jsonSchema). Expected ids are written out per MongoDB's
 * documented semantics.
 */
import { initCloud, sdkDatabase, startTcbServer, type SdkDb, type TcbServer } from '../helpers/tcbServer'

let server: TcbServer
let db: SdkDb

const DOCS = [
  { _id: 'p1', name: '张三', n: 1, town: 't1', tags: [1, 2, 7], invite: { code: 'A', usedAt: null } },
  { _id: 'p2', name: '李四', n: 2, town: 't1', tags: [{ value: 1 }, { value: 7 }], invite: null },
  { _id: 'p3', name: '王五', n: 3, town: 't2', tags: ['x', 'y'], at: new Date('2026-01-02T00:00:00Z') },
  { _id: 'p4', name: '赵六', n: 4, town: 't2', tags: [], openid: null, at: new Date('2026-01-05T00:00:00Z') },
  { _id: 'p5', name: '张七', n: 5, tags: [[1, 2], { value: 'v' }], openid: 'o5' },
]

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  await db.createCollection('people')
  await db.collection('people').add({ data: DOCS })
})

afterAll(async () => {
  await server.close()
})

/** Command forms the SDK accepts that its typings leave out. */
interface UntypedCommand {
  mod(divisorAndRemainder: [number, number]): object
  jsonSchema(schema: object): object
}
const untyped = (): UntypedCommand => db.command as unknown as UntypedCommand

const ids = async (where: object): Promise<Array<string | number>> =>
  (await db.collection('people').where(where).orderBy('_id', 'asc').get()).data.map((d) => d._id)

describe('comparison and logic (used by the functions)', () => {
  const _ = () => db.command

  it.each([
    ['plain equality', { town: 't1' }, ['p1', 'p2']],
    ['dotted path into an embedded document', { 'invite.code': 'A' }, ['p1']],
    ['null matches null and missing', { openid: null }, ['p1', 'p2', 'p3', 'p4']],
    [
      'dotted null matches a null field, a missing one and a null parent',
      { 'invite.usedAt': null },
      ['p1', 'p2', 'p3', 'p4', 'p5'],
    ],
    ['an array field equals one of its elements', { tags: 7 }, ['p1']],
  ])('%s', async (_name, where, expected) => {
    expect(await ids(where)).toEqual(expected)
  })

  it('eq / neq (neq also matches a missing field)', async () => {
    expect(await ids({ town: _().eq('t2') })).toEqual(['p3', 'p4'])
    expect(await ids({ town: _().neq('t1') })).toEqual(['p3', 'p4', 'p5'])
  })

  it('lt / lte / gt / gte on numbers, strings and dates', async () => {
    expect(await ids({ n: _().lt(2) })).toEqual(['p1'])
    expect(await ids({ n: _().lte(2) })).toEqual(['p1', 'p2'])
    expect(await ids({ n: _().gt(4) })).toEqual(['p5'])
    expect(await ids({ n: _().gte(4) })).toEqual(['p4', 'p5'])
    expect(await ids({ town: _().gte('t2') })).toEqual(['p3', 'p4'])
    expect(await ids({ at: _().lt(new Date('2026-01-03T00:00:00Z')) })).toEqual(['p3'])
  })

  it('in / nin (nin also matches a missing field)', async () => {
    expect(await ids({ _id: _().in(['p2', 'p4', 'nope']) })).toEqual(['p2', 'p4'])
    expect(await ids({ town: _().nin(['t1']) })).toEqual(['p3', 'p4', 'p5'])
    expect(await ids({ tags: _().in(['y', 2]) })).toEqual(['p1', 'p3'])
  })

  it('and / or, combined as the paging cursor does', async () => {
    const after = _().or([{ town: _().gt('t1') }, { town: 't1', _id: _().gt('p1') }])
    expect(await ids(_().and([{ n: _().lte(4) }, after]))).toEqual(['p2', 'p3', 'p4'])
    expect(await ids(_().and([{ name: _().gte('张') }, { name: _().lt('张\uffff') }]))).toEqual(['p1', 'p5'])
  })

  it('exists', async () => {
    expect(await ids({ openid: _().exists(true) })).toEqual(['p4', 'p5'])
    expect(await ids({ town: _().exists(false) })).toEqual(['p5'])
  })

  it('orderBy on two keys, skip, limit, field and count', async () => {
    const res = await db
      .collection('people')
      .where({ n: _().gte(1) })
      .orderBy('town', 'desc')
      .orderBy('n', 'asc')
      .skip(1)
      .limit(3)
      .field({ n: true })
      .get()
    // town desc puts t2 first, then t1, then the document without town (missing sorts lowest).
    expect(res.data).toEqual([
      { _id: 'p4', n: 4 },
      { _id: 'p1', n: 1 },
      { _id: 'p2', n: 2 },
    ])
    expect((await db.collection('people').where({ town: 't2' }).count()).total).toBe(2)
  })
})

describe('array operators', () => {
  const _ = () => db.command

  it('elemMatch with field conditions tests embedded documents only, never plain values', async () => {
    expect(await ids({ tags: _().elemMatch({ value: _().gt(0) }) })).toEqual(['p2'])
    expect(await ids({ tags: _().elemMatch({ value: _().exists(true) }) })).toEqual(['p2', 'p5'])
    expect(await ids({ tags: _().elemMatch({ value: untyped().mod([4, 3]) }) })).toEqual(['p2'])
    expect(await ids({ tags: _().elemMatch({ value: _().mod(4, 3) }) })).toEqual(['p2'])
    // Plain values and nested arrays are not documents lacking `value`: nothing matches.
    expect(await ids({ tags: _().elemMatch({ value: _().exists(false) }) })).toEqual([])
  })

  it('elemMatch with operators only tests each element’s value', async () => {
    expect(await ids({ tags: _().elemMatch(_().gt(5)) })).toEqual(['p1'])
    expect(await ids({ tags: _().elemMatch(_().neq('x')) })).toEqual(['p1', 'p2', 'p3', 'p5'])
  })

  it('all and size', async () => {
    expect(await ids({ tags: _().all([1, 7]) })).toEqual(['p1'])
    expect(await ids({ tags: _().size(2) })).toEqual(['p2', 'p3', 'p5'])
  })

  it('mod on a plain field', async () => {
    expect(await ids({ n: untyped().mod([2, 1]) })).toEqual(['p1', 'p3', 'p5'])
  })

  it('RegExp', async () => {
    expect(await ids({ name: db.RegExp({ regexp: '^张' }) })).toEqual(['p1', 'p5'])
  })
})

describe('jsonSchema', () => {
  const _ = () => db.command

  it('required, properties and bsonType select documents', async () => {
    expect(await ids(untyped().jsonSchema({ required: ['town'] }))).toEqual(['p1', 'p2', 'p3', 'p4'])
    expect(
      await ids(
        untyped().jsonSchema({
          required: ['at'],
          properties: { at: { bsonType: 'date' }, n: { minimum: 4 } },
        }),
      ),
    ).toEqual(['p4'])
    expect(
      await ids(untyped().jsonSchema({ properties: { invite: { bsonType: 'object', required: ['code'] } } })),
    ).toEqual(['p1', 'p3', 'p4', 'p5'])
  })

  it('works under nor / or like any other condition', async () => {
    expect(await ids(_().nor([untyped().jsonSchema({ required: ['town'] })]))).toEqual(['p5'])
    expect(
      await ids(
        _().or([untyped().jsonSchema({ properties: { n: { maximum: 1 } } }), { town: _().exists(false) }]),
      ),
    ).toEqual(['p1', 'p5'])
  })

  it('refuses a keyword MongoDB does not support with DATABASE_REQUEST_FAILED', async () => {
    await expect(ids(untyped().jsonSchema({ properties: { n: { type: 'integer' } } }))).rejects.toMatchObject(
      {
        errCode: -502001,
      },
    )
    await expect(ids(untyped().jsonSchema({ $ref: '#/x' }))).rejects.toMatchObject({ errCode: -502001 })
  })
})
