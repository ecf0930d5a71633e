/**
 * Conformance with CloudBase (MongoDB underneath) — field names, through the real wx-server-sdk:
 * MongoDB does not store a field name starting with `$`, at the top level, in an embedded
 * document or in a document inside an array, whether it arrives by insert, `set`, or an update;
 * CloudBase answers DATABASE_REQUEST_FAILED (errCode -502001) and writes nothing. A `$` elsewhere
 * in a name is an ordinary character.
 */
import { initCloud, sdkDatabase, startTcbServer, type SdkDb, type TcbServer } from '../helpers/tcbServer'

let server: TcbServer
let db: SdkDb

const REQUEST_FAILED = { errCode: -502001 }

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  await db.createCollection('things')
})

afterAll(async () => {
  await server.close()
})

beforeEach(async () => {
  await db
    .collection('things')
    .where({ _id: db.command.exists(true) })
    .remove()
  await db.collection('things').add({ data: { _id: 'kept', a: { b: 1 }, list: [] } })
})

const things = () => db.collection('things')
const kept = async (): Promise<unknown> => (await things().doc('kept').get()).data

describe('insert', () => {
  it.each([
    ['at the top level', { $_key: 1 }],
    ['in an embedded document', { a: { $b: 1 } }],
    ['in a document inside an array', { list: [{ ok: 1 }, { $c: 2 }] }],
  ])('refuses a $-prefixed field name %s, and stores nothing', async (_name, data) => {
    await expect(things().add({ data })).rejects.toMatchObject({
      ...REQUEST_FAILED,
      errMsg: expect.stringContaining("Document can't have $ prefixed field names"),
    })
    expect((await things().count()).total).toBe(1)
  })

  it('refuses the whole batch when one document has such a name', async () => {
    await expect(things().add({ data: [{ _id: 'ok' }, { $x: 1 }] })).rejects.toMatchObject(REQUEST_FAILED)
    expect((await things().count()).total).toBe(1)
  })

  it('accepts a $ that does not start the name', async () => {
    const { _id } = await things().add({ data: { price$: 1, a: { b$c: 2 } } })
    expect((await things().doc(_id).get()).data).toMatchObject({ price$: 1, a: { b$c: 2 } })
  })
})

describe('set and update', () => {
  it('refuses set() of a document holding one, and leaves the document as it was', async () => {
    await expect(
      things()
        .doc('kept')
        .set({ data: { a: { $b: 2 } } }),
    ).rejects.toMatchObject(REQUEST_FAILED)
    await expect(
      things()
        .doc('new')
        .set({ data: { $top: 1 } }),
    ).rejects.toMatchObject(REQUEST_FAILED)
    expect(await kept()).toEqual({ _id: 'kept', a: { b: 1 }, list: [] })
    expect((await things().count()).total).toBe(1)
  })

  it('refuses an update whose value holds one (set of an object, push of a document)', async () => {
    const _ = db.command
    await expect(
      things()
        .doc('kept')
        .update({ data: { a: _.set({ $b: 2 }) } }),
    ).rejects.toMatchObject(REQUEST_FAILED)
    await expect(
      things()
        .doc('kept')
        .update({ data: { list: _.push({ $d: 1 }) } }),
    ).rejects.toMatchObject(REQUEST_FAILED)
    expect(await kept()).toEqual({ _id: 'kept', a: { b: 1 }, list: [] })
  })
})
