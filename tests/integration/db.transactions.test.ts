/**
 * Transactions through the real wx-server-sdk: snapshot reads, own writes visible, first writer
 * wins, commit conflicts retried by runTransaction, rollback and expiry.
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

let server: TcbServer
let db: SdkDb

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  await db.createCollection('counters')
  await db.createCollection('tickets')
})

afterAll(async () => {
  await server.close()
})

beforeEach(async () => {
  await db
    .collection('counters')
    .doc('c1')
    .set({ data: { n: 0 } })
  await db
    .collection('tickets')
    .where({ _id: db.command.exists(true) })
    .remove()
})

const counter = async (): Promise<unknown> => (await db.collection('counters').doc('c1').get()).data.n

describe('transactions', () => {
  it('runTransaction commits reads and writes together and returns the callback result', async () => {
    const result = await db.runTransaction(async (t) => {
      const { data } = await t.collection('counters').doc('c1').get()
      await t
        .collection('counters')
        .doc('c1')
        .update({ data: { n: (data.n as number) + 1 } })
      const added = await t.collection('tickets').add({ data: { _id: 'T-1', no: (data.n as number) + 1 } })
      await t
        .collection('tickets')
        .doc('T-2')
        .set({ data: { no: 2 } })
      return added._id
    })
    expect(result).toBe('T-1')
    expect(await counter()).toBe(1)
    expect((await db.collection('tickets').orderBy('no', 'asc').get()).data).toEqual([
      { _id: 'T-1', no: 1 },
      { _id: 'T-2', no: 2 },
    ])
    expect(server.db.openTransactions).toBe(0)
  })

  it('sees its own writes, hides them from others until commit, and reads a snapshot', async () => {
    await db.collection('tickets').add({ data: { _id: 'before', no: 0 } })
    const t = await db.startTransaction()
    await t
      .collection('counters')
      .doc('c1')
      .update({ data: { n: db.command.inc(5) } })
    expect((await t.collection('counters').doc('c1').get()).data.n).toBe(5)
    expect(await counter()).toBe(0)

    // Committed after the transaction started: an insert it cannot see, a delete it does not see.
    await db.collection('tickets').add({ data: { _id: 'outside', no: 1 } })
    await db.collection('tickets').doc('before').remove()
    await expect(t.collection('tickets').doc('outside').get()).rejects.toMatchObject({ errCode: -1 })
    expect((await t.collection('tickets').get()).data).toEqual([{ _id: 'before', no: 0 }])
    expect((await t.collection('tickets').doc('before').get()).data).toEqual({ _id: 'before', no: 0 })

    await t.commit()
    expect(await counter()).toBe(5)
  })

  it('lets the first writer win: the second transaction writing the same document gets a conflict', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 1 } })
    await expect(
      t2
        .collection('counters')
        .doc('c1')
        .update({ data: { n: 2 } }),
    ).rejects.toMatchObject({
      errCode: -501001,
      errMsg: expect.stringMatching(/conflict/i),
    })
    // The loser is discarded (as MongoDB aborts it); rolling it back is harmless.
    await t2.rollback()
    await t1.commit()
    expect(await counter()).toBe(1)
  })

  it('fails a commit whose document changed since the snapshot with DATABASE_TRANSACTION_CONFLICT', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1.collection('counters').doc('c1').get() // t1's snapshot: its first operation
    await t2
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 20 } })
    await t2.commit()
    // t1's snapshot predates t2's commit: writing the document now conflicts at once.
    await expect(
      t1
        .collection('counters')
        .doc('c1')
        .update({ data: { n: 10 } }),
    ).rejects.toMatchObject({
      errMsg: expect.stringMatching(/conflict/i),
    })

    const t3 = await db.startTransaction()
    await t3
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 30 } })
    await db
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 99 } }) // outside any transaction
    await expect(t3.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(await counter()).toBe(99)
  })

  it('retries a runTransaction whose commit conflicts, and the retry wins', async () => {
    let attempts = 0
    await db.runTransaction(async (t) => {
      attempts += 1
      const { data } = await t.collection('counters').doc('c1').get()
      await t
        .collection('counters')
        .doc('c1')
        .update({ data: { n: (data.n as number) + 1 } })
      if (attempts === 1)
        await db
          .collection('counters')
          .doc('c1')
          .update({ data: { n: 100 } })
    })
    expect(attempts).toBe(2)
    expect(await counter()).toBe(101)
  })

  it('runs many concurrent increments without losing one when callers retry conflicts', async () => {
    const increment = async (): Promise<void> => {
      for (;;) {
        try {
          await db.runTransaction(async (t) => {
            const { data } = await t.collection('counters').doc('c1').get()
            await t
              .collection('counters')
              .doc('c1')
              .update({ data: { n: (data.n as number) + 1 } })
          })
          return
        } catch (err) {
          if (!/conflict/i.test(String((err as { errMsg?: string }).errMsg ?? err))) throw err
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, increment))
    expect(await counter()).toBe(8)
  })

  it('discards everything on rollback, in runTransaction and in startTransaction', async () => {
    await expect(
      db.runTransaction(async (t) => {
        await t
          .collection('counters')
          .doc('c1')
          .update({ data: { n: 7 } })
        await t.rollback('不要了')
      }),
    ).rejects.toBe('不要了')
    const t = await db.startTransaction()
    await t.collection('tickets').add({ data: { _id: 'gone', no: 1 } })
    await t.collection('counters').doc('c1').remove()
    await t.rollback()
    expect(await counter()).toBe(0)
    expect((await db.collection('tickets').count()).total).toBe(0)
  })

  it('expires a transaction after its timeout and frees the documents it locked', async () => {
    // A service of its own with a short timeout, spoken to on the wire (the SDK is bound to `server`).
    const dir = tempDir()
    const short = DatabaseService.open(dir, { transactionTimeoutMs: 200 })
    const call = (body: Record<string, unknown>): Promise<Record<string, unknown>> =>
      short.handle(body) as Promise<Record<string, unknown>>
    const write = (transactionId: unknown, n: number): Promise<Record<string, unknown>> =>
      call({
        action: 'database.modifyDocument',
        collectionName: 'counters',
        query: '{"_id":"c1"}',
        data: `{"$set":{"n":${n}}}`,
        merge: true,
        transactionId,
      })
    try {
      short.createCollection('counters')
      short.insertDocuments('counters', [{ _id: 'c1', n: 0 }])
      const stale = (await call({ action: 'database.startTransaction' })).transactionId
      expect(await write(stale, 1)).toMatchObject({ data: { updated: 1 } })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(await call({ action: 'database.commitTransaction', transactionId: stale })).toMatchObject({
        code: 'DATABASE_TRANSACTION_FAIL',
      })
      const fresh = (await call({ action: 'database.startTransaction' })).transactionId
      expect(await write(fresh, 2)).toMatchObject({ data: { updated: 1 } })
      expect(await call({ action: 'database.commitTransaction', transactionId: fresh })).not.toHaveProperty(
        'code',
      )
      expect(short.getDocument('counters', 'c1')).toEqual({ _id: 'c1', n: 2 })
      expect(short.openTransactions).toBe(0)
    } finally {
      short.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('deletes inside a transaction and refuses a duplicate insert', async () => {
    await db.collection('tickets').add({ data: { _id: 'x', no: 1 } })
    await db.runTransaction(async (t) => {
      await t.collection('tickets').doc('x').remove()
      await expect(t.collection('tickets').doc('x').get()).rejects.toMatchObject({ errCode: -1 })
      await t.collection('tickets').add({ data: { _id: 'y', no: 2 } })
      await expect(t.collection('tickets').add({ data: { _id: 'y', no: 3 } })).rejects.toMatchObject({
        errMsg: expect.stringContaining('E11000'),
      })
    })
    expect((await db.collection('tickets').get()).data).toEqual([{ _id: 'y', no: 2 }])
  })
})
