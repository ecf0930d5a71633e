/**
 * The database service answers the real wx-server-sdk 4.0.2 as the cloud does: every call below
 * goes through the SDK's own serialisation, HTTP request and response decoding.
 */
import { initCloud, sdkDatabase, startTcbServer, type SdkDb, type TcbServer } from '../helpers/tcbServer'

type Cloud = ReturnType<typeof initCloud>

const NOW = new Date('2026-03-02T08:00:00.000Z')
let server: TcbServer
let cloud: Cloud
let db: SdkDb

beforeAll(async () => {
  server = await startTcbServer({ now: () => NOW })
  cloud = initCloud(server.serviceUrl)
  db = sdkDatabase(cloud)
  await db.createCollection('tickets')
  await db.createCollection('empty')
})

afterAll(async () => {
  await server.close()
})

const day = (d: number): Date => new Date(Date.UTC(2026, 2, d, 1, 0, 0))

async function seedTickets(): Promise<void> {
  const res = await db.collection('tickets').get()
  await Promise.all(res.data.map((t) => db.collection('tickets').doc(t._id).remove()))
  const rows = [
    {
      _id: 't1',
      no: 1,
      status: 'new',
      grid: 'g1',
      dueAt: day(1),
      tags: ['road'],
      reporter: { name: '张三', village: 'v1' },
      score: 3,
    },
    {
      _id: 't2',
      no: 2,
      status: 'assigned',
      grid: 'g1',
      dueAt: day(5),
      tags: ['water'],
      reporter: { name: '李四', village: 'v2' },
      score: 5,
    },
    {
      _id: 't3',
      no: 3,
      status: 'done',
      grid: 'g2',
      dueAt: day(3),
      tags: ['road', 'light'],
      reporter: { name: '王五', village: 'v1' },
      score: 4,
    },
    {
      _id: 't4',
      no: 4,
      status: 'new',
      grid: 'g2',
      dueAt: day(9),
      tags: [],
      reporter: { name: '赵六', village: 'v3' },
    },
  ]
  for (const row of rows) await db.collection('tickets').add({ data: row })
}

describe('documents through the real SDK', () => {
  beforeEach(seedTickets)

  it('adds a document with a generated 32-hex _id and gets it back with its Date intact', async () => {
    const added = await db
      .collection('tickets')
      .add({ data: { no: 9, dueAt: day(2), nested: { at: day(4) } } })
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db.collection('tickets').doc(added._id).get()
    expect(got.data).toEqual({ _id: added._id, no: 9, dueAt: day(2), nested: { at: day(4) } })
    expect(got.data.dueAt).toBeInstanceOf(Date)
  })

  it('filters with where on nested fields, orders by several keys, skips, limits and projects', async () => {
    const res = await db
      .collection('tickets')
      .where({ reporter: { village: 'v1' } })
      .orderBy('status', 'asc')
      .orderBy('no', 'desc')
      .field({ no: true, status: true })
      .get()
    expect(res.data).toEqual([
      { _id: 't3', no: 3, status: 'done' },
      { _id: 't1', no: 1, status: 'new' },
    ])
    const page = await db.collection('tickets').orderBy('no', 'asc').skip(1).limit(2).get()
    expect(page.data.map((t) => t.no)).toEqual([2, 3])
  })

  it('supports _.in, _.or, _.neq, _.exists, _.lte on dates and regular expressions', async () => {
    const _ = db.command
    const ids = async (q: object): Promise<string[]> =>
      (await db.collection('tickets').where(q).orderBy('no', 'asc').get()).data.map((t) => String(t._id))
    expect(await ids({ status: _.in(['new', 'done']) })).toEqual(['t1', 't3', 't4'])
    expect(await ids(_.or([{ grid: 'g1', status: 'assigned' }, { no: _.gte(4) }]))).toEqual(['t2', 't4'])
    expect(await ids({ status: _.neq('new') })).toEqual(['t2', 't3'])
    expect(await ids({ score: _.exists(false) })).toEqual(['t4'])
    expect(await ids({ dueAt: _.lte(day(3)) })).toEqual(['t1', 't3'])
    expect(await ids({ dueAt: _.gt(day(1)).and(_.lt(day(9))) })).toEqual(['t2', 't3'])
    expect(await ids({ 'reporter.name': db.RegExp({ regexp: '^[张王]', options: 'i' }) })).toEqual([
      't1',
      't3',
    ])
    expect(await ids({ tags: 'road' })).toEqual(['t1', 't3'])
    expect(await ids({ tags: _.size(0) })).toEqual(['t4'])
    expect(await ids({ tags: _.all(['road', 'light']) })).toEqual(['t3'])
    expect(await ids({ status: _.nin(['new', 'done']), grid: _.exists(true) })).toEqual(['t2'])
    expect(await ids(_.and([{ grid: 'g2' }, { score: _.exists(true) }]))).toEqual(['t3'])
    expect(await ids({ tags: _.elemMatch(_.eq('water')) })).toEqual(['t2'])
  })

  it('counts matching documents', async () => {
    expect((await db.collection('tickets').where({ grid: 'g2' }).count()).total).toBe(2)
    expect((await db.collection('tickets').count()).total).toBe(4)
  })

  it('updates with _.inc, _.push (each/position/slice), _.pull, _.remove and nested paths', async () => {
    const _ = db.command
    const res = await db
      .collection('tickets')
      .doc('t3')
      .update({
        data: {
          score: _.inc(2),
          tags: _.push({ each: ['first'], position: 0, slice: 2 }),
          reporter: { village: 'v9' },
          grid: _.remove(),
          history: _.push(['created']),
        },
      })
    expect(res.stats.updated).toBe(1)
    const { data } = await db.collection('tickets').doc('t3').get()
    expect(data).toEqual({
      _id: 't3',
      no: 3,
      status: 'done',
      dueAt: day(3),
      tags: ['first', 'road'],
      reporter: { name: '王五', village: 'v9' },
      score: 6,
      history: ['created'],
    })
    await db
      .collection('tickets')
      .doc('t3')
      .update({ data: { tags: _.pull('road'), score: _.mul(2) } })
    const after = await db.collection('tickets').doc('t3').get()
    expect(after.data.tags).toEqual(['first'])
    expect(after.data.score).toBe(12)
  })

  it('supports $addToSet, $min, $max, $rename, $pop, $shift, $unshift and $set of a whole object', async () => {
    const _ = db.command
    await db
      .collection('tickets')
      .doc('t3')
      .update({
        data: { tags: _.addToSet('road'), score: _.max(10), no: _.min(1), grid: _.rename('gridId') },
      })
    await db
      .collection('tickets')
      .doc('t3')
      .update({ data: { tags: _.unshift(['urgent']), reporter: _.set({ name: '新' }) } })
    let { data } = await db.collection('tickets').doc('t3').get()
    expect(data).toMatchObject({ tags: ['urgent', 'road', 'light'], score: 10, no: 1, gridId: 'g2' })
    expect(data.reporter).toEqual({ name: '新' })
    expect(data.grid).toBeUndefined()
    await db
      .collection('tickets')
      .doc('t3')
      .update({ data: { tags: _.pop() } })
    await db
      .collection('tickets')
      .doc('t3')
      .update({ data: { tags: _.shift() } })
    ;({ data } = await db.collection('tickets').doc('t3').get())
    expect(data.tags).toEqual(['road'])
  })

  it('answers modifyAndReturnDoc (updateAndReturn) with the document after the update', async () => {
    const res = (await server.db.handle({
      action: 'database.modifyAndReturnDoc',
      collectionName: 'tickets',
      queryType: 'WHERE',
      query: '{"status":"new"}',
      data: '{"$inc":{"no":{"$numberInt":"100"}}}',
    })) as { data: { updated: number; doc: string } }
    expect(res.data.updated).toBe(1)
    expect(JSON.parse(res.data.doc)).toMatchObject({ _id: 't1', no: 101 })
  })

  it('updates many with where().update and reports how many changed', async () => {
    const res = await db
      .collection('tickets')
      .where({ status: 'new' })
      .update({ data: { status: 'assigned' } })
    expect(res.stats.updated).toBe(2)
    expect((await db.collection('tickets').where({ status: 'assigned' }).count()).total).toBe(3)
  })

  it('replaces a whole document with doc().set() and creates it when missing', async () => {
    const replaced = await db
      .collection('tickets')
      .doc('t1')
      .set({ data: { no: 1, status: 'closed' } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect((await db.collection('tickets').doc('t1').get()).data).toEqual({
      _id: 't1',
      no: 1,
      status: 'closed',
    })
    const created = await db
      .collection('tickets')
      .doc('t-new')
      .set({ data: { no: 77 } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    expect((await db.collection('tickets').doc('t-new').get()).data).toEqual({ _id: 't-new', no: 77 })
  })

  it('removes one document by id and many by where', async () => {
    const one = await db.collection('tickets').doc('t1').remove()
    expect(one.stats.removed).toBe(1)
    const many = await db.collection('tickets').where({ grid: 'g2' }).remove()
    expect(many.stats.removed).toBe(2)
    expect((await db.collection('tickets').count()).total).toBe(1)
  })

  it('aggregates with $match, $group and $sort', async () => {
    const $ = db.command.aggregate
    const res = await db
      .collection('tickets')
      .aggregate()
      .match({ dueAt: db.command.lte(day(5)) })
      .group({ _id: '$grid', n: $.sum(1), total: $.sum('$score') })
      .sort({ n: -1, _id: 1 })
      .end()
    expect(res.list).toEqual([
      { _id: 'g1', n: 2, total: 8 },
      { _id: 'g2', n: 1, total: 4 },
    ])
  })

  it('aggregates with $lookup, $unwind, $project, $skip, $limit and $count', async () => {
    await db.createCollection('grids')
    await db.collection('grids').add({ data: { _id: 'g1', name: '一网格' } })
    await db.collection('grids').add({ data: { _id: 'g2', name: '二网格' } })
    const res = await db
      .collection('tickets')
      .aggregate()
      .lookup({ from: 'grids', localField: 'grid', foreignField: '_id', as: 'gridDoc' })
      .unwind('$gridDoc')
      .project({ _id: 0, no: 1, gridName: '$gridDoc.name' })
      .sort({ no: 1 })
      .skip(1)
      .limit(2)
      .end()
    expect(res.list).toEqual([
      { no: 2, gridName: '一网格' },
      { no: 3, gridName: '二网格' },
    ])
    const counted = await db.collection('tickets').aggregate().match({ status: 'new' }).count('n').end()
    expect(counted.list).toEqual([{ n: 2 }])
  })

  it('stores db.serverDate() as the service clock, with its offset', async () => {
    const added = await db
      .collection('tickets')
      .add({ data: { createdAt: db.serverDate(), soon: db.serverDate({ offset: 60_000 }) } })
    const { data } = await db.collection('tickets').doc(added._id).get()
    expect(data.createdAt).toEqual(NOW)
    expect(data.soon).toEqual(new Date(NOW.getTime() + 60_000))
    await db
      .collection('tickets')
      .doc('t1')
      .update({ data: { updatedAt: db.serverDate() } })
    expect((await db.collection('tickets').doc('t1').get()).data.updatedAt).toEqual(NOW)
    const due = await db
      .collection('tickets')
      .where({ dueAt: db.command.lt(db.serverDate()) })
      .count()
    expect(due.total).toBe(1)
  })

  it('caps a page at 1000 and asks for 100 by default', async () => {
    await db.createCollection('many')
    const rows = Array.from({ length: 1100 }, (_, i) => ({ i }))
    server.db.insertDocuments('many', rows)
    expect((await db.collection('many').get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').count()).total).toBe(1100)
  })
})

describe('errors as the cloud reports them', () => {
  beforeEach(seedTickets)

  it('rejects doc(id).get() of a missing document with errCode -1', async () => {
    await expect(db.collection('tickets').doc('nope').get()).rejects.toMatchObject({
      errCode: -1,
      errMsg: expect.stringContaining('document with _id nope does not exist'),
    })
  })

  it('answers null for a missing document when throwOnNotFound is false', async () => {
    const lenient = sdkDatabase(cloud, { throwOnNotFound: false })
    const res = await lenient.collection('tickets').doc('nope').get()
    expect(res.data).toBeNull()
  })

  it('reports a missing collection as -502005 DATABASE_COLLECTION_NOT_EXIST for reads and writes', async () => {
    const notExist = { errCode: -502005, errMsg: expect.stringContaining('Db or Table not exist') }
    await expect(db.collection('ghost').get()).rejects.toMatchObject(notExist)
    await expect(db.collection('ghost').add({ data: { a: 1 } })).rejects.toMatchObject(notExist)
    await expect(
      db
        .collection('ghost')
        .doc('x')
        .update({ data: { a: 1 } }),
    ).rejects.toMatchObject(notExist)
    await expect(db.collection('ghost').count()).rejects.toMatchObject(notExist)
  })

  it('refuses to create an existing collection (DATABASE_COLLECTION_ALREADY_EXIST)', async () => {
    // createCollection does not map the code: errCode is -1 and the string code stays on `code`.
    await expect(db.createCollection('tickets')).rejects.toMatchObject({
      errCode: -1,
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
      errMsg: expect.stringContaining('Table exist'),
    })
    expect(
      await server.db.handle({ action: 'database.addCollection', collectionName: 'tickets' }),
    ).toMatchObject({
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
    })
  })

  it('refuses a duplicate _id with the E11000 duplicate key error', async () => {
    await expect(db.collection('tickets').add({ data: { _id: 't1', no: 99 } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('E11000 duplicate key'),
    })
    expect((await db.collection('tickets').doc('t1').get()).data.no).toBe(1)
  })

  it('answers malformed requests with an error object, never by throwing', async () => {
    const bad = [
      { action: 'database.getDocument' },
      { action: 'database.getDocument', collectionName: 'tickets', query: '{not json' },
      {
        action: 'database.modifyDocument',
        collectionName: 'tickets',
        query: '{}',
        data: '{"$bogus":{"a":1}}',
        multi: true,
      },
      { action: 'database.nope' },
      { action: 'database.commitTransaction', transactionId: 'missing' },
    ]
    for (const body of bad) {
      const res = (await server.db.handle(body)) as { code?: string; message?: string }
      expect(typeof res.code).toBe('string')
      expect(typeof res.message).toBe('string')
    }
  })
})
