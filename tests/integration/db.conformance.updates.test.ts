/**
 * Conformance with CloudBase (MongoDB underneath) — writes and what they report, through the real
 * wx-server-sdk:
 * - `doc().set()` reports `updated: 1` whenever the `_id` exists, even with identical data
 *   (CloudBase's docs: "1 if the specified _id already exists, otherwise 0"), `created: 1` else;
 * - `update()` reports MongoDB's nModified: a matched document the update leaves unchanged is not
 *   counted (so `updated: 0` means "no match" *or* "nothing to change");
 * - `updateAndReturn` (findAndModify) reports `updated: 1` whenever a document matched;
 * - the update operators the functions use, with MongoDB's semantics.
 */
import { initCloud, sdkDatabase, startTcbServer, type SdkDb, type TcbServer } from '../helpers/tcbServer'

let server: TcbServer
let db: SdkDb

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  await db.createCollection('items')
})

afterAll(async () => {
  await server.close()
})

beforeEach(async () => {
  await db
    .collection('items')
    .where({ _id: db.command.exists(true) })
    .remove()
  await db.collection('items').add({
    data: [
      { _id: 'i1', state: 'pending', n: 1, tags: ['a', 'b'], invite: { code: 'X1', usedAt: null } },
      { _id: 'i2', state: 'pending', n: 2, tags: ['b'], invite: null },
      { _id: 'i3', state: 'done', n: 3, tags: [] },
    ],
  })
})

const items = () => db.collection('items')
const doc = async (id: string): Promise<unknown> => (await items().doc(id).get()).data

describe('what a write reports', () => {
  it('set() of identical data: updated 1, created 0', async () => {
    const res = await items()
      .doc('i3')
      .set({ data: { state: 'done', n: 3, tags: [] } })
    expect(res.stats).toEqual({ updated: 1, created: 0 })
  })

  it('set() of a new _id: updated 0, created 1', async () => {
    const res = await items()
      .doc('i9')
      .set({ data: { state: 'new' } })
    expect(res.stats).toEqual({ updated: 0, created: 1 })
    expect(await doc('i9')).toEqual({ _id: 'i9', state: 'new' })
  })

  it('set() replaces the whole document', async () => {
    await items()
      .doc('i1')
      .set({ data: { state: 'sending' } })
    expect(await doc('i1')).toEqual({ _id: 'i1', state: 'sending' })
  })

  it('doc().update() with the values it already has: updated 0 (nModified)', async () => {
    const res = await items()
      .doc('i1')
      .update({ data: { state: 'pending', n: 1 } })
    expect(res.stats).toEqual({ updated: 0 })
  })

  it('where().update(): counts only the documents it changed', async () => {
    const res = await items()
      .where({ _id: db.command.in(['i1', 'i2', 'i3']) })
      .update({ data: { state: 'done' } })
    expect(res.stats).toEqual({ updated: 2 })
  })

  it('a conditional update decides one winner: the first answers 1, the second 0', async () => {
    const claim = () =>
      items()
        .where({ _id: 'i1', state: 'pending', n: 1 })
        .update({ data: { state: 'sending', n: 2 } })
    const [first, second] = await Promise.all([claim(), claim()])
    expect([first.stats.updated, second.stats.updated].sort()).toEqual([0, 1])
    expect(await doc('i1')).toMatchObject({ state: 'sending', n: 2 })
  })

  it('updateAndReturn (findAndModify) with unchanged values: updated 1 and the document', async () => {
    const answer = (await server.db.handle({
      action: 'database.modifyAndReturnDoc',
      collectionName: 'items',
      query: '{"_id":"i2"}',
      data: '{"$set":{"n":{"$numberInt":"2"}}}',
    })) as { data: { updated: number; doc: string } }
    expect(answer.data.updated).toBe(1)
    expect(JSON.parse(answer.data.doc)).toEqual({
      _id: 'i2',
      state: 'pending',
      n: 2,
      tags: ['b'],
      invite: null,
    })
  })

  it('updateAndReturn with no match: updated 0 and doc null', async () => {
    const answer = await server.db.handle({
      action: 'database.modifyAndReturnDoc',
      collectionName: 'items',
      query: '{"_id":"nope"}',
      data: '{"$set":{"n":{"$numberInt":"2"}}}',
    })
    expect(answer).toMatchObject({ data: { updated: 0, doc: null } })
  })
})

describe('update operators the functions use', () => {
  const _ = () => db.command

  it('dotted paths set a field inside an embedded document', async () => {
    await items()
      .where({ _id: 'i1', 'invite.usedAt': null })
      .update({ data: { 'invite.usedAt': '2026-01-01T00:00:00.000Z' } })
    expect(await doc('i1')).toMatchObject({ invite: { code: 'X1', usedAt: '2026-01-01T00:00:00.000Z' } })
  })

  it('a nested object in data merges field by field; _.set replaces it', async () => {
    await items()
      .doc('i1')
      .update({ data: { invite: { usedAt: 'now' } } })
    expect(await doc('i1')).toMatchObject({ invite: { code: 'X1', usedAt: 'now' } })
    await items()
      .doc('i1')
      .update({ data: { invite: _().set({ code: 'Y' }) } })
    expect(await doc('i1')).toMatchObject({ invite: { code: 'Y' } })
  })

  it('_.inc adds (negative too) and creates a missing field', async () => {
    await items()
      .doc('i2')
      .update({ data: { n: _().inc(-1), credits: _().inc(1) } })
    expect(await doc('i2')).toMatchObject({ n: 1, credits: 1 })
  })

  it('_.addToSet adds only what is missing, with $each for several', async () => {
    await items()
      .doc('i1')
      .update({ data: { tags: _().addToSet('b') } })
    expect(await doc('i1')).toMatchObject({ tags: ['a', 'b'] })
    await items()
      .doc('i1')
      .update({ data: { tags: _().addToSet({ $each: ['b', 'c', 'c'] }) } })
    expect(await doc('i1')).toMatchObject({ tags: ['a', 'b', 'c'] })
    await items()
      .doc('i3')
      .update({ data: { ids: _().addToSet('s1') } })
    expect(await doc('i3')).toMatchObject({ ids: ['s1'] })
  })

  it('_.push appends, _.pull removes by value or by condition, _.remove deletes a field', async () => {
    await items()
      .doc('i1')
      .update({ data: { tags: _().push(['c', 'a']) } })
    expect(await doc('i1')).toMatchObject({ tags: ['a', 'b', 'c', 'a'] })
    await items()
      .doc('i1')
      .update({ data: { tags: _().pull('a') } })
    expect(await doc('i1')).toMatchObject({ tags: ['b', 'c'] })
    await items()
      .doc('i1')
      .update({ data: { tags: _().pull(_().in(['b'])), invite: _().remove() } })
    expect(await doc('i1')).toEqual({ _id: 'i1', state: 'pending', n: 1, tags: ['c'] })
  })

  it('_.pull with a document condition removes matching documents, never plain values', async () => {
    await items()
      .doc('i3')
      .update({ data: { tags: [1, { v: 1 }, { v: 2 }, 'x'] } })
    await items()
      .doc('i3')
      .update({ data: { tags: _().pull({ v: _().gte(1) }) } })
    expect(await doc('i3')).toMatchObject({ tags: [1, 'x'] })
  })

  it('an outbox of embedded documents: found by a dotted path, pulled by key across documents', async () => {
    const entry = (key: string) => ({ key, at: '2025-01-01T00:00:00.000Z', notifications: [{ _id: key }] })
    await items()
      .doc('i1')
      .update({ data: { outbox: _().push([entry('i1:v2')]) } })
    await items()
      .doc('i2')
      .update({ data: { outbox: _().push([entry('i2:v3'), entry('i2:v4')]) } })
    await items()
      .doc('i3')
      .update({ data: { outbox: [] } })
    // A dotted path into an array of documents: an empty array or a missing field does not match.
    const pending = await items()
      .where({ 'outbox.at': _().exists(true) })
      .orderBy('_id', 'asc')
      .field({ outbox: true })
      .get()
    expect(pending.data.map((d) => d._id)).toEqual(['i1', 'i2'])
    // Pushed after that read: must survive the pull of what was read.
    await items()
      .doc('i2')
      .update({ data: { outbox: _().push([entry('i2:v5')]) } })
    const res = await items()
      .where({ _id: _().in(['i1', 'i2']) })
      .update({ data: { outbox: _().pull({ key: _().in(['i1:v2', 'i2:v3', 'i2:v4']) }) } })
    expect(res.stats.updated).toBe(2)
    expect(await doc('i1')).toMatchObject({ outbox: [] })
    expect(await doc('i2')).toMatchObject({ outbox: [entry('i2:v5')] })
    const left = await items()
      .where({ 'outbox.at': _().exists(true) })
      .get()
    expect(left.data.map((d) => d._id)).toEqual(['i2'])
  })

  it('update cannot change _id', async () => {
    await expect(
      items()
        .where({ _id: 'i1' })
        .update({ data: { _id: 'other' } }),
    ).rejects.toBeTruthy()
    expect(await doc('i1')).toMatchObject({ _id: 'i1' })
  })
})
