/**
 * The outbox carried in the ticket's own write: a change's messages and audit entries wait in the
 * ticket (`outbox`) until the next sweep materialises them, exactly once, and clears only what it
 * wrote. The materialiser is also called directly (with the real wx-server-sdk pointed at the
 * town's database) to give it a stale read, as a run overlapping a command would have.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const RESIDENT = 'demo-resident-12'
const WORKER = 'demo-worker-12'

interface Entry {
  key: string
  notifications: { _id: string; templateKey: string }[]
  audits: { _id: string }[]
}

const stored = async (ticketId: string) => (await town.db.collection('tickets').doc(ticketId).get()).data

const submit = (clientRequestId: string) =>
  town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId,
      categoryCode: 'environment',
      description: '村道上的垃圾很多，需要清理',
    },
    RESIDENT,
  )

/** The worker's message-centre items about a ticket. */
async function workerMessages(ticketId: string) {
  const list = expectOk(await town.call('messages', { action: 'list' }, WORKER))
  return list.items.filter((m: { ticketId: string | null }) => m.ticketId === ticketId)
}

it('keeps a new task’s messages in the ticket until a sweep materialises them, exactly once', async () => {
  await town.sweep() // what the seed left
  const id = requestId()
  const s = expectOk(await submit(id))
  expect(await workerMessages(s.ticketId)).toEqual([])
  const before = await stored(s.ticketId)
  expect(before.outbox).toHaveLength(1)
  const [entry] = before.outbox as Entry[]
  expect(entry.key).toBe(`${s.ticketId}:v${before.version}`)
  expect(entry.notifications.map((n) => n.templateKey).sort()).toEqual(['taskNew', 'ticketAccepted'])
  expect(await town.count('notifications', { ticketId: s.ticketId })).toBe(0)
  expect(await town.count('auditLog', { ticketId: s.ticketId })).toBe(0)
  // A retried submit answers the same ticket and adds nothing to its outbox.
  const again = expectOk(await submit(id))
  expect(again.ticketId).toBe(s.ticketId)
  expect((await stored(s.ticketId)).outbox).toEqual(before.outbox)

  const run = await town.sweep()
  expect(run.materialised).toEqual({
    entries: 1,
    notifications: entry.notifications.length,
    audits: entry.audits.length,
  })
  const messages = await workerMessages(s.ticketId)
  expect(messages).toHaveLength(1)
  expect(messages[0]).toMatchObject({ read: false })
  expect((await stored(s.ticketId)).outbox).toEqual([])
  expect(await town.count('notifications', { ticketId: s.ticketId })).toBe(entry.notifications.length)
  expect(await town.count('auditLog', { ticketId: s.ticketId })).toBe(entry.audits.length)
  // The ticket's views never show the outbox (the fixture checks every answer against its schema).
  expectOk(await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, RESIDENT))

  const second = await town.sweep()
  expect(second.materialised).toEqual({ entries: 0, notifications: 0, audits: 0 })
  expect(await town.count('notifications', { ticketId: s.ticketId })).toBe(entry.notifications.length)
  expect(await town.count('auditLog', { ticketId: s.ticketId })).toBe(entry.audits.length)
  expect(await workerMessages(s.ticketId)).toHaveLength(1)
})

it('pushes a change’s entry after the pending ones, and a stale materialisation clears only what it read', async () => {
  const s = expectOk(await submit(requestId()))
  const stale = await stored(s.ticketId) // as a sweep would have read it
  const signed = expectOk(await town.call('tasks', { action: 'signFor', ticketId: s.ticketId }, WORKER))
  const pending = (await stored(s.ticketId)).outbox as Entry[]
  expect(pending.map((e) => e.key)).toEqual([
    `${s.ticketId}:v${stale.version}`,
    `${s.ticketId}:v${signed.ticket.version}`,
  ])

  jest.doMock('../../cloudfunctions/_lib/platform/cloud', () => ({ db: () => town.db }))
  const {
    materialiseTickets,
    emptyMaterialiseReport,
  } = require('../../cloudfunctions/_lib/outbox/materialise')
  const report = emptyMaterialiseReport()
  await materialiseTickets([{ _id: stale._id, outbox: stale.outbox }], report)
  expect(report).toMatchObject({ entries: 1 })
  // The entry pushed after the read is still there; the one read is written and gone.
  expect(((await stored(s.ticketId)).outbox as Entry[]).map((e) => e.key)).toEqual([pending[1].key])
  const ids = (entry: Entry) => entry.notifications.map((n) => n._id)
  expect(await town.count('notifications', { _id: town.db.command.in(ids(pending[0])) })).toBe(
    pending[0].notifications.length,
  )
  expect(await town.count('notifications', { _id: town.db.command.in(ids(pending[1])) })).toBe(0)

  // A run that stopped between its inserts and its clear: the next one skips what exists.
  await town.db.collection('notifications').add({ data: pending[1].notifications.slice(0, 1) })
  const run = await town.sweep()
  expect(run.materialised).toMatchObject({ entries: 1, notifications: pending[1].notifications.length })
  expect((await stored(s.ticketId)).outbox).toEqual([])
  expect(await town.count('notifications', { _id: town.db.command.in(ids(pending[1])) })).toBe(
    pending[1].notifications.length,
  )
  expect(await town.count('auditLog', { ticketId: s.ticketId })).toBe(
    pending.reduce((n, e) => n + e.audits.length, 0),
  )
})
