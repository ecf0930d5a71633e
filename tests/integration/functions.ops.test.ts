/**
 * The cost model (DESIGN.md §8): database operations per action, as the local cloud counts them
 * (X-DB-Ops), on warm function instances. A budget that grows is a design decision, not an accident.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const submit = (openid: string) =>
  town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'environment',
      description: '村道上的垃圾很多，需要清理',
    },
    openid,
  )

it('keeps each action within its budget of database operations', async () => {
  // Warm the instances (town config and name directory are cached per instance).
  for (let i = 0; i < 3; i++) {
    await submit('demo-resident-30')
    await town.call('tasks', { action: 'inbox' }, 'demo-worker-30')
  }
  const ops: Record<string, number> = {}
  const s = await submit('demo-resident-30')
  ops.submit = s.ops
  const id = expectOk(s).ticketId
  ops.listMine = (await town.call('tickets', { action: 'listMine' }, 'demo-resident-30')).ops
  ops.detail = (await town.call('tickets', { action: 'detail', ticketId: id }, 'demo-resident-30')).ops
  ops.inbox = (await town.call('tasks', { action: 'inbox' }, 'demo-worker-30')).ops
  ops.signFor = (await town.call('tasks', { action: 'signFor', ticketId: id }, 'demo-worker-30')).ops
  ops.addProgress = (
    await town.call('tasks', { action: 'addProgress', ticketId: id, note: '正在处理中' }, 'demo-worker-30')
  ).ops
  ops.unreadCount = (await town.call('messages', { action: 'unreadCount' }, 'demo-resident-30')).ops
  console.log('db ops per action (warm):', ops)
  // submit: resident, grid, routing candidates; transaction: start, counter get + set, ticket, outbox, commit
  expect(ops.submit).toBeLessThanOrEqual(9)
  // staff lookup; transaction: start, ticket get + set, outbox, commit (+ cold caches)
  expect(ops.addProgress).toBeLessThanOrEqual(6)
  expect(ops.signFor).toBeLessThanOrEqual(9)
  expect(ops.listMine).toBeLessThanOrEqual(3)
  // caller (staff + resident), the ticket, its assignee's name (grid and village names are cached)
  expect(ops.detail).toBeLessThanOrEqual(4)
  expect(ops.inbox).toBeLessThanOrEqual(3)
  expect(ops.unreadCount).toBeLessThanOrEqual(3)
  // A sweep with nothing due costs the town list plus, per town, the due tickets, the abandoned
  // sends and the outbox: one query each.
  await town.sweep()
  const idle = await town.cloud.dev.runTimer('sweeper')
  expect(Number(idle.headers.get('x-db-ops'))).toBeLessThanOrEqual(4)
})
