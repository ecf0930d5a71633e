/**
 * Conformance with CloudBase (MongoDB underneath) — transactions, through the real wx-server-sdk:
 * - MongoDB's snapshot isolation: a transaction reads the state as of its first operation (not as
 *   of startTransaction), plus its own writes;
 * - a write to a document changed by someone else since that snapshot fails at once, and a commit
 *   over such a change fails with DATABASE_TRANSACTION_CONFLICT;
 * - a transaction must be committed or aborted within 30 s of startTransaction;
 * - the messages are CloudBase's own words.
 */
import fs from 'node:fs'
import { DatabaseService } from '../../localcloud/db'
import {
  initCloud,
  sdkDatabase,
  startTcbServer,
  tempDir,
  type SdkDb,
  type TcbServer,
} from '../helpers/tcbServer'

const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.'

let server: TcbServer
let db: SdkDb

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  await db.createCollection('accounts')
})

afterAll(async () => {
  await server.close()
})

beforeEach(async () => {
  await db
    .collection('accounts')
    .where({ _id: db.command.exists(true) })
    .remove()
  await db.collection('accounts').add({ data: { _id: 'a', balance: 100 } })
})

const balance = async (id: string): Promise<unknown> =>
  (await db.collection('accounts').doc(id).get()).data.balance

describe('snapshot', () => {
  it('is taken at the first operation: a document added after startTransaction but before it is visible', async () => {
    const t = await db.startTransaction()
    await db.collection('accounts').add({ data: { _id: 'early', balance: 1 } })
    // First operation of t: the snapshot includes 'early'.
    expect((await t.collection('accounts').doc('early').get()).data).toEqual({ _id: 'early', balance: 1 })
    await db.collection('accounts').add({ data: { _id: 'late', balance: 2 } })
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 50 } })
    // Committed after the snapshot: invisible, and the old value of 'a' is what t reads.
    await expect(t.collection('accounts').doc('late').get()).rejects.toMatchObject({ errCode: -1 })
    expect((await t.collection('accounts').doc('a').get()).data).toEqual({ _id: 'a', balance: 100 })
    expect((await t.collection('accounts').get()).data.map((d) => d._id)).toEqual(['a', 'early'])
    await t.rollback()
  })

  it('is taken by a write too, when the write is the first operation', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').add({ data: { _id: 'mine', balance: 5 } })
    await db.collection('accounts').add({ data: { _id: 'theirs', balance: 6 } })
    expect(
      (
        await t
          .collection('accounts')
          .where({ balance: db.command.lt(10) })
          .get()
      ).data,
    ).toEqual([{ _id: 'mine', balance: 5 }])
    await t.commit()
    expect((await db.collection('accounts').count()).total).toBe(3)
  })
})

describe('conflicts', () => {
  it('fails a write to a document changed since the snapshot at once, with CloudBase’s message', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').doc('a').get()
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 80 } })
    await expect(
      t
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 90 } }),
    ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining(CONFLICT_MESSAGE) })
    await t.rollback()
    expect(await balance('a')).toBe(80)
  })

  it('fails the second of two transactions writing one document (first writer wins)', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: db.command.inc(-10) } })
    await expect(
      t2
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: db.command.inc(-20) } }),
    ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining(CONFLICT_MESSAGE) })
    await t1.commit()
    expect(await balance('a')).toBe(90)
  })

  it('fails a commit over a change made outside any transaction with DATABASE_TRANSACTION_CONFLICT', async () => {
    const t = await db.startTransaction()
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } })
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 2 } })
    await expect(t.commit()).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: expect.stringContaining(CONFLICT_MESSAGE),
    })
    expect(await balance('a')).toBe(2)
  })

  it('does not conflict when the document was changed before the first operation', async () => {
    const t = await db.startTransaction()
    await db
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 70 } })
    const { data } = await t.collection('accounts').doc('a').get()
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: (data.balance as number) + 1 } })
    await t.commit()
    expect(await balance('a')).toBe(71)
  })
})

describe('end of a transaction', () => {
  it('refuses any operation after commit with DATABASE_TRANSACTION_FAIL and CloudBase’s message', async () => {
    const t = await db.startTransaction()
    await t.commit()
    await expect(
      t
        .collection('accounts')
        .doc('a')
        .set({ data: { balance: 0 } }),
    ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining(NOT_EXIST_MESSAGE) })
    expect(await balance('a')).toBe(100)
  })

  it('expires 30 s after startTransaction, not before', async () => {
    let clockMs = 0
    const dir = tempDir()
    const local = DatabaseService.open(dir, { transactionClock: () => clockMs })
    const call = (body: Record<string, unknown>): Record<string, unknown> =>
      local.handleSync(body) as Record<string, unknown>
    const read = (transactionId: unknown): Record<string, unknown> =>
      call({ action: 'database.getDocument', collectionName: 'c', query: '{"_id":"x"}', transactionId })
    try {
      local.createCollection('c')
      local.insertDocuments('c', [{ _id: 'x', n: 1 }])
      const kept = call({ action: 'database.startTransaction' }).transactionId
      const lost = call({ action: 'database.startTransaction' }).transactionId
      clockMs = 10_000
      expect(read(kept)).toMatchObject({ data: { list: ['{"_id":"x","n":1}'] } })
      clockMs = 30_000
      expect(call({ action: 'database.commitTransaction', transactionId: kept })).not.toHaveProperty('code')
      clockMs = 30_001
      expect(read(lost)).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_MESSAGE })
      expect(local.openTransactions).toBe(0)
    } finally {
      local.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
