/**
 * The town snapshot (cloudfunctions/_lib/store/townSnapshot.ts): reports and ticket commands
 * decide from one stored document per town that warm instances keep, so every set-up change must
 * reach them at once — through the version the day's ticket counter and the open tickets carry.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const TOWN = 'town-qingshan'
const RESIDENT = 'demo-resident-30'
const WORKER = 'demo-worker-30'
const ADMIN = 'demo-admin'

const submit = async (openid = RESIDENT) =>
  expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '村道上的垃圾很多，需要清理',
      },
      openid,
    ),
  ) as { ticketId: string; number: string }

const doc = async (collection: string, id: string) =>
  (await town.db.collection(collection).doc(id).get()).data
const today = async () => {
  const d = new Date((await town.now()).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  return d.replace(/-/g, '')
}

it('raises the version on every set-up change and tells the counter, the open tickets and the snapshot', async () => {
  const open = await submit() // also makes sure today's counter exists
  const before = (await doc('config', `town:${TOWN}`)).version ?? 0
  const grid = await doc('grids', 'g30')
  expectOk(
    await town.call(
      'roster',
      { action: 'saveGrid', gridId: 'g30', villageId: grid.villageId, name: '新三十组' },
      ADMIN,
    ),
  )
  const version = (await doc('config', `town:${TOWN}`)).version
  expect(version).toBe(before + 1)
  expect((await doc('counters', `ticket:${TOWN}:${await today()}`)).townVersion).toBe(version)
  expect((await doc('tickets', open.ticketId)).townVersion).toBe(version)
  const snapshot = await doc('config', `snapshot:${TOWN}`)
  expect(snapshot.version).toBe(version)
  expect(snapshot.grids.find((g: { _id: string }) => g._id === 'g30').name).toBe('新三十组')
  // A plan (dryRun) and a refused set-up call change nothing.
  const { data: neighbours } = await town.db
    .collection('grids')
    .where({ townId: TOWN, villageId: grid.villageId })
    .limit(2)
    .get()
  const plan = await town.call(
    'roster',
    { action: 'mergeGrids', fromGridId: neighbours[0]._id, intoGridId: neighbours[1]._id, dryRun: true },
    ADMIN,
  )
  expect(expectOk(plan).applied).toBe(false)
  expect((await doc('config', `town:${TOWN}`)).version).toBe(version)
  const refused = await town.call(
    'roster',
    { action: 'saveGrid', gridId: 'g30', villageId: 'v99', name: '又改名' },
    ADMIN,
  )
  expect(refused.ok).toBe(false)
  expect((await doc('config', `town:${TOWN}`)).version).toBe(version)
})

it('routes the next report on the roster as it now stands, on an instance that knew the town before', async () => {
  const first = await submit()
  const routed = expectOk(
    await town.call('tickets', { action: 'detail', ticketId: first.ticketId }, RESIDENT),
  )
  expect(routed.ticket.assigneeId).toBe('st-worker-30')
  // The worker leaves: written straight into the database, as an operator would in the console,
  // then announced with system.townChanged.
  await town.db
    .collection('staff')
    .doc('st-worker-30')
    .update({ data: { active: false } })
  try {
    await town.townChanged()
    const next = await submit()
    const after = expectOk(
      await town.call('tickets', { action: 'detail', ticketId: next.ticketId }, RESIDENT),
    )
    expect(after.ticket.assigneeId).not.toBe('st-worker-30')
    expect(after.ticket.assigneeId).not.toBeNull()
  } finally {
    await town.db
      .collection('staff')
      .doc('st-worker-30')
      .update({ data: { active: true } })
    await town.townChanged()
  }
})

it('stops an assignee taken off the roster at once, though the instance knew them', async () => {
  const a = await submit()
  const b = await submit()
  // The tasks instance learns the worker from the snapshot (no lookup of their own).
  const signed = await town.call('tasks', { action: 'signFor', ticketId: a.ticketId }, WORKER)
  expectOk(signed)
  await town.db
    .collection('staff')
    .doc('st-worker-30')
    .update({ data: { active: false } })
  try {
    await town.townChanged()
    const refused = await town.call('tasks', { action: 'signFor', ticketId: b.ticketId }, WORKER)
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
    expect((await doc('tickets', b.ticketId)).status).toBe('pendingSignFor')
  } finally {
    await town.db
      .collection('staff')
      .doc('st-worker-30')
      .update({ data: { active: true } })
    await town.townChanged()
  }
})

it('lets the resident reporter confirm, and nobody else, without a lookup of the caller', async () => {
  const t = await submit()
  expectOk(await town.call('tasks', { action: 'signFor', ticketId: t.ticketId }, WORKER))
  expectOk(
    await town.call(
      'tasks',
      { action: 'resolve', ticketId: t.ticketId, result: '已清运', photos: [] },
      WORKER,
    ),
  )
  const stranger = await town.call(
    'tickets',
    { action: 'confirm', ticketId: t.ticketId, rating: 5 },
    'demo-resident-31',
  )
  expect(stranger.ok ? 'ok' : stranger.error.code).toBe('FORBIDDEN')
  const confirmed = await town.call(
    'tickets',
    { action: 'confirm', ticketId: t.ticketId, rating: 5 },
    RESIDENT,
  )
  expect(expectOk(confirmed).ticket.status).toBe('closed')
  // The ticket read and its guarded update (the resident's record is not read).
  expect(confirmed.ops).toBeLessThanOrEqual(2)
})

it('finds an unannounced console edit in the nightly check, and writes nothing when there is none', async () => {
  const nextCheck = async () => {
    const now = await town.now()
    const at = new Date(now)
    at.setUTCHours(19, 0, 30, 0) // 03:00:30 in Shanghai: the town's turn (the only town: minute 0)
    if (at <= now) at.setUTCDate(at.getUTCDate() + 1)
    await town.cloud.dev.clock({ now: at.toISOString() })
    return town.sweep()
  }
  const version = (await doc('config', `town:${TOWN}`)).version ?? 0
  const quiet = await nextCheck()
  expect(quiet.snapshotsChanged).toBe(0)
  expect((await doc('config', `town:${TOWN}`)).version ?? 0).toBe(version)
  await town.db
    .collection('config')
    .doc(`town:${TOWN}`)
    .update({ data: { limits: { submissionsPerDay: 1 } } })
  try {
    const found = await nextCheck()
    expect(found.snapshotsChanged).toBe(1)
    expect((await doc('config', `town:${TOWN}`)).version).toBe(version + 1)
    expect((await doc('config', `snapshot:${TOWN}`)).config.limits).toEqual({ submissionsPerDay: 1 })
    const r = await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '路口的井盖坏了',
      },
      'demo-resident-40',
    )
    const again = await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '路口的井盖又坏了',
      },
      'demo-resident-40',
    )
    expect([r.ok ? 'ok' : r.error, again.ok ? 'ok' : again.error.code]).toEqual(['ok', 'RATE_LIMITED'])
  } finally {
    await town.db
      .collection('config')
      .doc(`town:${TOWN}`)
      .update({ data: { limits: { submissionsPerDay: 20 } } })
    await town.townChanged()
  }
})

it("opens the day's counters at night, so the day's first report costs no more than the others", async () => {
  await submit() // the instance holds the town as it stands
  const now = await town.now()
  const night = new Date(now)
  night.setUTCHours(19, 0, 30, 0)
  if (night <= now) night.setUTCDate(night.getUTCDate() + 1)
  await town.cloud.dev.clock({ now: night.toISOString() })
  const day = (await today()) as string
  expect(await town.count('counters', { _id: `ticket:${TOWN}:${day}` })).toBe(0)
  const run = await town.sweep()
  expect(run.countersOpened).toBe(1)
  const counter = await doc('counters', `ticket:${TOWN}:${day}`)
  expect(counter).toMatchObject({ seq: 0, claims: [], perReporter: {} })
  expect(counter.townVersion).toBe((await doc('config', `town:${TOWN}`)).version ?? 0)
  expect((await town.sweep()).countersOpened).toBe(0)
  const first = await town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'environment',
      description: '路边的排水沟堵了',
    },
    RESIDENT,
  )
  expect(expectOk(first).number).toBe(`${day}-0001`)
  // The resident, the number, the ticket.
  expect(first.ops).toBe(3)
})

describe('system.townChanged', () => {
  it('is for the console only', async () => {
    const r = await town.call('system', { action: 'townChanged', townId: TOWN }, RESIDENT)
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN')
  })

  it('refuses a town that does not exist, writing nothing', async () => {
    const snapshots = await town.count('config')
    const res = await town.cloud.dev.console('system', { action: 'townChanged', townId: 'town-nowhere' })
    expect(res.body.ok ? 'ok' : res.body.error.code).toBe('NOT_FOUND')
    expect(await town.count('config')).toBe(snapshots)
  })
})
