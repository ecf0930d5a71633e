/**
 * The sweep at county scale (many towns on one environment): an idle run costs the same whatever
 * the number of towns; a burst of due tickets in one town is drained in the same run without
 * holding the other towns' alerts back; a new task's notice goes out in the run whatever else is
 * due; a dry run says what a run would do and writes nothing. Counts and outcomes, not times.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const minute = 60_000
const OTHER_TOWNS = ['town-county-1', 'town-county-2', 'town-county-3']

/** Runs the sweeper as its trigger would and answers its report and database operations. */
async function sweepWithOps() {
  const res = await town.cloud.dev.runTimer('sweeper')
  if (res.status !== 200 || !res.body.ok) throw new Error(JSON.stringify(res.body))
  return { report: res.body.data, ops: Number(res.headers.get('x-db-ops')) }
}

/** Moves the clock to a minute that is not a multiple of ten (the abandoned-send check's minutes). */
async function toPlainMinute() {
  const now = (await town.now()).getTime()
  const tenMinutes = 10 * minute
  await town.cloud.dev.clock({
    now: new Date(Math.ceil(now / tenMinutes) * tenMinutes + 5 * minute).toISOString(),
  })
}

async function addTowns(ids: string[]) {
  await town.db.collection('config').add({
    data: ids.map((townId) => ({ _id: `town:${townId}`, townId, kind: 'town', name: townId })),
  })
}

/**
 * A live report as it was before its sign-for deadline, then the clock past it (and a run that
 * handles whatever else became due): copies of the report are due, nothing else is.
 */
async function overdueTicket(openid: string) {
  const s = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'request',
        description: '组里的水渠堵了，需要疏通',
      },
      openid,
    ),
  )
  const ticket = (await town.db.collection('tickets').doc(s.ticketId).get()).data
  await town.cloud.dev.clock({
    now: new Date(Date.parse(ticket.deadlines.signFor.dueAt) + minute).toISOString(),
  })
  await town.sweep()
  return ticket
}

/** Copies of a due ticket in `townId`, as if reported there (without the original's pending messages). */
async function cloneDue(template: Record<string, unknown>, townId: string, n: number, tag: string) {
  const { _id: _drop, outbox: _pending, ...rest } = template
  const docs = Array.from({ length: n }, (_, i) => ({
    ...rest,
    _id: `${tag}-${townId}-${i}`,
    townId,
    number: `${tag}-${i}`,
  }))
  for (let i = 0; i < docs.length; i += 100)
    await town.db.collection('tickets').add({ data: docs.slice(i, i + 100) })
  return docs.map((d) => d._id)
}

const stillDue = async () =>
  town.count('tickets', { nextDueAt: town.db.command.lte((await town.now()).toISOString()) })

it('costs the same for an idle run whatever the number of towns', async () => {
  await town.sweep() // drain what the seed left due
  await toPlainMinute()
  await town.sweep()
  const oneTown = await sweepWithOps()
  await addTowns(Array.from({ length: 100 }, (_, i) => `town-idle-${i}`))
  const manyTowns = await sweepWithOps()
  expect(oneTown.report).toMatchObject({ examined: 0, escalated: 0 })
  // The tickets with outbox entries to materialise, the outbox due for delivery, the tickets due,
  // the towns with group robots: one query each.
  expect(oneTown.ops).toBe(4)
  expect(manyTowns.ops).toBe(oneTown.ops)
})

it('drains a burst in one town in the same run, serves the other towns, and sends new tasks first', async () => {
  await addTowns(OTHER_TOWNS)
  const template = await overdueTicket('demo-resident-50')
  const burst = await cloneDue(template, 'town-qingshan', 250, 'burst')
  const others = (await Promise.all(OTHER_TOWNS.map((t) => cloneDue(template, t, 1, 'other')))).flat()
  // A report made now, while 253 escalations are due: its new-task notice goes in this run.
  const fresh = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '村道上的垃圾很多，需要清理',
      },
      'demo-resident-51',
    ),
  )
  expect(await stillDue()).toBe(253)

  const { report } = await sweepWithOps()
  expect(report).toMatchObject({ examined: 253, escalated: 253, conflicts: 0 })
  expect(report.outOfTime).toBeUndefined()
  expect(await stillDue()).toBe(0)
  for (const id of [...others, burst[0], burst[249]]) {
    const t = (await town.db.collection('tickets').doc(id).get()).data
    expect(t.escalation.fired.map((f: { step: string }) => f.step)).toEqual(['signForOverdue'])
  }
  const notices = (
    await town.db
      .collection('notifications')
      .where({ ticketId: fresh.ticketId, templateKey: 'taskNew' })
      .get()
  ).data
  expect(notices).toHaveLength(1)
  expect(notices[0].state).not.toBe('pending')
}, 120_000)

it('says in a dry run what a run would do, and writes nothing', async () => {
  const template = await overdueTicket('demo-resident-52')
  await cloneDue(template, 'town-county-1', 4, 'dry')
  // A new report's notices wait in its ticket's outbox.
  const fresh = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '村道上的垃圾很多，需要清理',
      },
      'demo-resident-53',
    ),
  )
  const outbox = async () => (await town.db.collection('tickets').doc(fresh.ticketId).get()).data.outbox
  const pending = await outbox()
  expect(pending).toHaveLength(1)
  expect(pending[0].notifications).toHaveLength(2)
  const notificationsBefore = await town.count('notifications')
  const configPath = join(town.functionsDir, 'sweeper', 'config.json')
  const config = JSON.parse(readFileSync(configPath, 'utf8'))
  writeFileSync(
    configPath,
    JSON.stringify({ ...config, triggers: [{ ...config.triggers[0], name: 'dryRun' }] }),
  )
  try {
    const dry = await sweepWithOps()
    expect(dry.report).toMatchObject({ dryRun: true, examined: 4, escalated: 4 })
    expect(dry.report.materialised).toMatchObject({ entries: 1, notifications: 2 })
    expect(await stillDue()).toBe(4)
    expect(await town.count('notifications')).toBe(notificationsBefore)
    expect(await outbox()).toEqual(pending)
  } finally {
    writeFileSync(configPath, JSON.stringify(config))
  }
  const real = await sweepWithOps()
  expect(real.report).toMatchObject({ examined: 4, escalated: 4 })
  expect(real.report.dryRun).toBeUndefined()
  expect(real.report.materialised).toMatchObject({ entries: 1, notifications: 2 })
  expect(await outbox()).toEqual([])
  // Materialised and delivered in the same run.
  expect(await town.count('notifications', { ticketId: fresh.ticketId })).toBe(2)
  expect(await town.count('notifications', { ticketId: fresh.ticketId, state: 'pending' })).toBe(0)
  expect(await stillDue()).toBe(0)
}, 60_000)
