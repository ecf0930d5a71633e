/**
 * The cost model (docs/architecture.md, "Cost model"): database operations per action, as the
 * local cloud counts them (X-DB-Ops). Production bills every one, so a budget that grows is a
 * design decision, not an accident. "Cold" is the first life cycle on a fresh local cloud: submit
 * and signFor are their function's first calls and read the town snapshot (+1); resolve and
 * confirm then run on instances that hold it. "Warm" is a cycle after a few rounds.
 *
 * The budgets are the county-scale goals (warm / cold): submit 3 / 5 (the resident, the number's
 * claim, which also says whether the snapshot is current, and the ticket with its outbox), signFor
 * 2 / 3 and resolve 3 / 4 (the ticket, which names its assignee, and its guarded update carrying
 * the notifications), confirm 3 / 4 (the ticket, which names its reporter, and the update).
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const RESIDENT = 'demo-resident-30'
const WORKER = 'demo-worker-30'

/** Budgets per action: [warm, cold]. */
const BUDGET: Record<string, [number, number]> = {
  submit: [3, 5],
  signFor: [2, 3],
  resolve: [3, 4],
  confirm: [3, 4],
}

/** One report's life cycle; answers the database operations of each step. */
async function lifeCycle(): Promise<Record<string, number>> {
  const s = await town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'environment',
      description: '村道上的垃圾很多，需要清理',
    },
    RESIDENT,
  )
  const ticketId = expectOk(s).ticketId
  const signFor = await town.call('tasks', { action: 'signFor', ticketId }, WORKER)
  const resolve = await town.call(
    'tasks',
    { action: 'resolve', ticketId, result: '已联系保洁员清运完毕', photos: [] },
    WORKER,
  )
  const confirm = await town.call('tickets', { action: 'confirm', ticketId, rating: 5 }, RESIDENT)
  for (const r of [signFor, resolve, confirm]) expectOk(r)
  return { submit: s.ops, signFor: signFor.ops, resolve: resolve.ops, confirm: confirm.ops }
}

it('keeps the report life cycle within its budgets, cold and warm', async () => {
  const cold = await lifeCycle()
  for (let i = 0; i < 3; i++) await lifeCycle()
  const warm = await lifeCycle()
  console.log('db ops per action:', { cold, warm })
  for (const [action, [warmBudget, coldBudget]] of Object.entries(BUDGET)) {
    expect({ action, warm: Math.min(warm[action], warmBudget) }).toEqual({ action, warm: warm[action] })
    expect({ action, cold: Math.min(cold[action], coldBudget) }).toEqual({ action, cold: cold[action] })
  }
})

it('keeps the other actions within their budgets (warm)', async () => {
  const s = await town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'environment',
      description: '村道上的垃圾很多',
    },
    RESIDENT,
  )
  const id = expectOk(s).ticketId
  for (let i = 0; i < 3; i++) {
    await town.call('tasks', { action: 'inbox' }, WORKER)
    await town.call('tickets', { action: 'listMine' }, RESIDENT)
    await town.call('tickets', { action: 'detail', ticketId: id }, RESIDENT)
    await town.call('messages', { action: 'unreadCount' }, RESIDENT)
  }
  expectOk(await town.call('tasks', { action: 'signFor', ticketId: id }, WORKER))
  const ops: Record<string, number> = {}
  ops.listMine = (await town.call('tickets', { action: 'listMine' }, RESIDENT)).ops
  ops.detail = (await town.call('tickets', { action: 'detail', ticketId: id }, RESIDENT)).ops
  ops.inbox = (await town.call('tasks', { action: 'inbox' }, WORKER)).ops
  ops.addProgress = (
    await town.call('tasks', { action: 'addProgress', ticketId: id, note: '正在处理中' }, WORKER)
  ).ops
  ops.unreadCount = (await town.call('messages', { action: 'unreadCount' }, RESIDENT)).ops
  console.log('db ops per action (warm):', ops)
  expect(ops.listMine).toBeLessThanOrEqual(3)
  // caller (staff + resident), the ticket, its assignee's name (grid and village names are cached)
  expect(ops.detail).toBeLessThanOrEqual(4)
  expect(ops.inbox).toBeLessThanOrEqual(3)
  expect(ops.unreadCount).toBeLessThanOrEqual(3)
  // the ticket (it names the assignee) and its guarded update (the notification in its outbox)
  expect(ops.addProgress).toBeLessThanOrEqual(2)
})

it('costs four operations for a sweep with nothing due (five on the abandoned-send check minutes)', async () => {
  await town.sweep()
  const idle = await town.cloud.dev.runTimer('sweeper')
  // outbox entries to materialise, outbox due, tickets due, towns with group robots (+ abandoned sends)
  expect(Number(idle.headers.get('x-db-ops'))).toBeLessThanOrEqual(5)
})
