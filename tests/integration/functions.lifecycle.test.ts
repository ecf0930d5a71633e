/**
 * The roster kept true, on a real local cloud (demo town): routing never reaches someone who has
 * not bound WeChat; adding a second worker never silently replaces the first; deactivating or
 * moving someone hands each open task over exactly once (timeline entry, notification to the new
 * holder), also when the call is repeated; the office sees 无人负责的网格 and reads the audit log.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const ADMIN = 'demo-admin'
const roster = (action: string, body: Record<string, unknown> = {}, openid = ADMIN) =>
  town.call('roster', { action, ...body }, openid)
const submit = async (openid: string) =>
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
  )
const HELD = ['pendingSignFor', 'inProgress', 'awaitingInfo']
const heldBy = async (
  staffId: string,
): Promise<Array<{ _id: string; timeline: Array<{ command: string }> }>> => {
  const _ = town.db.command
  const { data } = await town.db
    .collection('tickets')
    .where({ assigneeId: staffId, status: _.in(HELD) })
    .limit(100)
    .get()
  return data
}
const assigneeOf = async (ticketId: string) =>
  (await town.db.collection('tickets').doc(ticketId).get()).data.assigneeId
const grid = async (id: string) => (await town.db.collection('grids').doc(id).get()).data

describe('a second worker for a grid (石桥村五组, g05)', () => {
  let newWorker = ''
  let code = ''

  it('is refused without a choice, naming the worker who holds the post; nothing is written', async () => {
    const before = await town.count('staff')
    const r = await roster('createStaff', {
      name: '新来的',
      phone: '13612345005',
      roles: ['gridWorker'],
      gridIds: ['g05'],
      villageIds: ['v01'],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('CONFLICT')
    expect(r.error.message).toMatch(/^石桥村五组已有网格工作员.+。请选择“增加为第二位工作员”，或“替换.+”$/)
    expect(await town.count('staff')).toBe(before)
    expect((await grid('g05')).workerId).toBe('st-worker-5')
  })

  it('replaces explicitly: the new person holds the post, the previous one stays as the second worker', async () => {
    const issued = expectOk(
      await roster('createStaff', {
        name: '新来的',
        phone: '13612345005',
        roles: ['gridWorker'],
        gridIds: ['g05'],
        villageIds: ['v01'],
        gridWorkerSlot: 'replace',
      }),
    )
    newWorker = issued.staffId
    code = issued.inviteCode
    expect(await grid('g05')).toMatchObject({ workerId: newWorker, otherWorkerIds: ['st-worker-5'] })
  })

  it('routes the next report past the unbound post holder to the bound previous worker', async () => {
    const t = await submit('demo-resident-5')
    expect(await assigneeOf(t.ticketId)).toBe('st-worker-5')
  })

  it('refuses a second staff entry with a phone already on the roster', async () => {
    const r = await roster('createStaff', { name: '重复', phone: '13612345005', roles: ['admin'] })
    expect(r.ok ? null : r.error.code).toBe('CONFLICT')
  })

  it('deactivating the previous worker hands every open task to the village guide, once each', async () => {
    const held = await heldBy('st-worker-5')
    expect(held.length).toBeGreaterThan(0)
    const plan = expectOk(await roster('handoverPlan', { staffId: 'st-worker-5' }))
    expect(plan.moving).toHaveLength(held.length)
    for (const m of plan.moving)
      expect(m.defaultSuccessor).toEqual({ _id: 'st-village-guide-1', name: expect.any(String) })
    expect(plan.candidates.map((c: { _id: string }) => c._id)).toContain('st-village-guide-1')
    expect(plan.candidates.map((c: { _id: string }) => c._id)).not.toContain(newWorker) // not bound

    const first = expectOk(await roster('deactivateStaff', { staffId: 'st-worker-5', reason: '调离本村' }))
    expect(first).toEqual({
      staffId: 'st-worker-5',
      handedOver: held.length,
      to: [{ staffId: 'st-village-guide-1', name: expect.any(String), count: held.length }],
    })
    const again = expectOk(await roster('deactivateStaff', { staffId: 'st-worker-5', reason: '调离本村' }))
    expect(again).toEqual({ staffId: 'st-worker-5', handedOver: 0, to: [] })

    expect(await heldBy('st-worker-5')).toEqual([])
    await town.sweep() // the messages are in the ticket's outbox until the sweeper materialises them
    for (const t of held) {
      const after = (await town.db.collection('tickets').doc(t._id).get()).data
      expect(after.assigneeId).toBe('st-village-guide-1')
      expect(after.timeline.filter((e: { command: string }) => e.command === 'handover')).toHaveLength(1)
      expect(
        await town.count('notifications', {
          ticketId: t._id,
          recipientStaffId: 'st-village-guide-1',
          templateKey: 'taskNew',
        }),
      ).toBeGreaterThanOrEqual(1)
    }
    expect(await grid('g05')).toMatchObject({ workerId: newWorker, otherWorkerIds: [] })
    const caller = await town.call('tasks', { action: 'inbox' }, 'demo-worker-5')
    expect(caller.ok ? null : caller.error.code).toBe('FORBIDDEN')
  })

  it('shows the grid to the office as 无人负责 while its worker has not bound, and routes to the guide', async () => {
    const { items } = expectOk(await roster('unstaffedGrids'))
    expect(items).toContainEqual({
      grid: { _id: 'g05', name: '石桥村五组' },
      village: { _id: 'v01', name: '石桥村' },
      why: 'unbound',
      fallback: 'villageGuide',
    })
    const t = await submit('demo-resident-5')
    expect(await assigneeOf(t.ticketId)).toBe('st-village-guide-1')
  })

  it('binding shows name, role and place, and the grid is staffed again', async () => {
    const bound = expectOk(await town.call('roster', { action: 'bindInvite', code }, 'new-worker-openid'))
    expect(bound).toEqual({ staffId: newWorker, roles: ['gridWorker'], name: '新来的', places: '石桥村五组' })
    const { items } = expectOk(await roster('unstaffedGrids'))
    expect(items.map((u: { grid: { _id: string } }) => u.grid._id)).not.toContain('g05')
    const t = await submit('demo-resident-5')
    expect(await assigneeOf(t.ticketId)).toBe(newWorker)
  })

  it('reactivates the previous worker beside the post holder, never in their place', async () => {
    expect(expectOk(await roster('reactivateStaff', { staffId: 'st-worker-5' }))).toEqual({
      staffId: 'st-worker-5',
      active: true,
    })
    expect(await grid('g05')).toMatchObject({ workerId: newWorker, otherWorkerIds: ['st-worker-5'] })
  })
})

describe('moving someone (g06 → g07)', () => {
  it('refuses a successor who does not cover the tasks, and changes nothing', async () => {
    await submit('demo-resident-6')
    const held = await heldBy('st-worker-6')
    expect(held.length).toBeGreaterThan(0)
    const r = await roster('updateStaff', {
      staffId: 'st-worker-6',
      gridIds: ['g07'],
      villageIds: ['v02'],
      gridWorkerSlot: 'second',
      successorId: 'st-worker-9',
    })
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT')
    expect((await heldBy('st-worker-6')).length).toBe(held.length)
    expect((await grid('g06')).workerId).toBe('st-worker-6')
  })

  it('hands the tasks left behind to the chosen successor and places the person in the new grid', async () => {
    const held = await heldBy('st-worker-6')
    const r = expectOk(
      await roster('updateStaff', {
        staffId: 'st-worker-6',
        gridIds: ['g07'],
        villageIds: ['v02'],
        gridWorkerSlot: 'second',
        successorId: 'st-village-guide-2',
        reason: '调到枫林村一组',
      }),
    )
    expect(r).toEqual({
      staffId: 'st-worker-6',
      handedOver: held.length,
      to: [{ staffId: 'st-village-guide-2', name: expect.any(String), count: held.length }],
    })
    expect(await grid('g06')).toMatchObject({ workerId: null, otherWorkerIds: [] })
    expect(await grid('g07')).toMatchObject({ workerId: 'st-worker-7', otherWorkerIds: ['st-worker-6'] })
  })
})

describe('the office reads the roster and its log', () => {
  it('finds people by village, grid and phone, and filters by role, binding and duty', async () => {
    const byGrid = expectOk(await roster('listStaff', { query: '石桥村五组', pageSize: 50 }))
    expect(byGrid.items.map((s: { _id: string }) => s._id)).toEqual(expect.arrayContaining(['st-worker-5']))
    for (const s of byGrid.items) expect(s.grids.map((g: { name: string }) => g.name)).toContain('石桥村五组')

    const unbound = expectOk(await roster('listStaff', { bound: false, role: 'informant', pageSize: 50 }))
    expect(unbound.items.map((s: { _id: string }) => s._id).sort()).toEqual([
      'st-unbound-1',
      'st-unbound-2',
      'st-unbound-3',
    ])

    const phone = expectOk(await roster('listStaff', { query: '13612345005' }))
    expect(phone.items.map((s: { name: string }) => s.name)).toEqual(['新来的'])

    const village = expectOk(
      await roster('listStaff', { query: '石桥村', role: 'villageGuide', pageSize: 50 }),
    )
    expect(village.items).toHaveLength(7)

    const inactive = expectOk(await roster('listStaff', { active: false }))
    expect(inactive.items).toEqual([])
  })

  it('shows a grid’s 一格五员', async () => {
    const team = expectOk(await roster('gridTeam', { gridId: 'g01' }))
    expect(team.grid).toEqual({ _id: 'g01', name: '一组' })
    expect(team.workers.map((p: { _id: string }) => p._id)).toEqual(['st-worker-1'])
    expect(team.informants.length).toBeGreaterThan(10)
    expect(team.villageGuides).toHaveLength(7)
    expect(team.supervisors).toHaveLength(1)
  })

  it('lists every change in the audit log, newest first, with who made it', async () => {
    await town.sweep() // a ticket's audit entries are in its outbox until the sweeper materialises them
    const log = expectOk(await roster('auditLog', { pageSize: 50 }))
    const actions = log.items.map((a: { action: string }) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'createStaff',
        'deactivateStaff',
        'reactivateStaff',
        'updateStaff',
        'handover',
      ]),
    )
    const at = log.items.map((a: { at: string }) => a.at)
    expect([...at].sort().reverse()).toEqual(at)
    const deactivation = log.items.find((a: { action: string }) => a.action === 'deactivateStaff')
    expect(deactivation.summary).toMatch(/^停用 .+（网格工作员）：调离本村；\d+ 件未办结任务移交$/)
  })

  it('is the grid office’s alone', async () => {
    for (const [action, body] of [
      ['updateStaff', { staffId: 'st-worker-1', name: '改名' }],
      ['deactivateStaff', { staffId: 'st-worker-1', reason: '调离本村' }],
      ['auditLog', {}],
      ['unstaffedGrids', {}],
      ['gridTeam', { gridId: 'g01' }],
    ] as const) {
      const r = await roster(action, body, 'demo-village-guide-1')
      expect([action, r.ok ? 'ok' : r.error.code]).toEqual([action, 'FORBIDDEN'])
    }
  })
})

describe('a resident’s grid', () => {
  it('有事找五员: a resident sees their home grid’s people, one without a home grid sees none', async () => {
    const mine = expectOk(await town.call('roster', { action: 'myGrid' }, 'demo-resident-1'))
    expect(mine.home.grid).toEqual({ _id: 'g01', name: '一组' })
    expect(mine.home.village).toEqual({ _id: 'v01', name: '石桥村' })
    expect(mine.home.workers.map((p: { _id: string }) => p._id)).toEqual(['st-worker-1'])
    expect(mine.home.villageGuides).toHaveLength(7)
    const stranger = expectOk(await town.call('roster', { action: 'myGrid' }, 'nobody-yet'))
    expect(stranger).toEqual({ home: null })
  })

  it('staff in scope correct a reporter’s home grid, on the audit log; others may not', async () => {
    const t = await submit('demo-resident-2') // g02, 石桥村二组
    const outside = await town.call(
      'roster',
      { action: 'correctResidentGrid', ticketId: t.ticketId, gridId: 'g03' },
      'demo-village-guide-8', // 枫林村
    )
    expect(outside.ok ? null : outside.error.code).toBe('FORBIDDEN')
    const fixed = expectOk(
      await town.call(
        'roster',
        { action: 'correctResidentGrid', ticketId: t.ticketId, gridId: 'g03' },
        'demo-village-guide-1',
      ),
    )
    expect(fixed).toEqual({ homeGridId: 'g03', homeVillageId: 'v01', gridName: '石桥村三组' })
    const me = expectOk(await town.call('roster', { action: 'me' }, 'demo-resident-2'))
    expect(me.resident).toEqual({ homeGridId: 'g03', homeVillageId: 'v01' })
    const log = expectOk(await roster('auditLog', { pageSize: 5 }))
    expect(log.items[0]).toMatchObject({
      action: 'correctResidentGrid',
      summary: `更正工单 ${t.number} 上报人的网格：石桥村二组 → 石桥村三组`,
    })
  })
})
