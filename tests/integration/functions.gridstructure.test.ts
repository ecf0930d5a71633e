/**
 * Merging and splitting grids (real local cloud, a town made from the console): the office sees
 * the plan, then merges grid 一组 into 二组 — every open ticket moves once (a retry answers the
 * first result and moves nothing twice), a ticket whose holder has gone is handed over along the
 * new grid's chain, the staff's scopes and the residents' home grid follow, and 一组 is kept as
 * merged and offered to nobody. Splitting makes a new grid and moves only what was listed.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const T = 'town-gy'
const A = 'town-gy-g001'
const B = 'town-gy-g002'
const OTHER_VILLAGE_GRID = 'town-gy-g003'
const ADMIN = 'gy-admin'
const W1 = 'gy-worker-1'
const W2 = 'gy-worker-2'
const W3 = 'gy-worker-3'
const R1 = 'gy-resident-1'
const R2 = 'gy-resident-2'
const R3 = 'gy-resident-3'

const roster = (body: object, openid = ADMIN) => town.call('roster', body, openid)
const doc = async (collection: string, id: string) =>
  (await town.db.collection(collection).doc(id).get()).data
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
  ).ticketId as string

const ids: Record<string, string> = {}
const tickets: string[] = []

beforeAll(async () => {
  const res = await fetch(`${town.cloud.url}/__dev/console/system`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      action: 'createTown',
      townId: T,
      name: '观音镇',
      villages: [
        { name: '东村', grids: ['一组', '二组'] },
        { name: '西村', grids: ['一组'] },
      ],
      admin: { name: '吴主任', phone: '13900000001' },
    }),
  })
  const made = await res.json()
  expectOk(await roster({ action: 'bindInvite', code: made.data.admin.inviteCode }))
  ids.admin = made.data.admin.staffId
  const person = async (
    key: string,
    name: string,
    phone: string,
    roles: string[],
    gridId: string,
    openid: string | null,
    slot?: string,
  ) => {
    const issued = expectOk(
      await roster({
        action: 'createStaff',
        name,
        phone,
        roles,
        villageIds: ['town-gy-v01'],
        gridIds: [gridId],
        ...(slot ? { gridWorkerSlot: slot } : {}),
      }),
    )
    ids[key] = issued.staffId
    if (openid) expectOk(await roster({ action: 'bindInvite', code: issued.inviteCode }, openid))
  }
  await person('w1', '郑一', '13900000011', ['gridWorker'], A, W1)
  await person('w3', '郑三', '13900000013', ['gridWorker'], A, W3, 'second')
  await person('i1', '冯信息', '13900000014', ['informant'], A, null)
  await person('w2', '郑二', '13900000012', ['gridWorker'], B, W2)
  for (const r of [R1, R2]) expectOk(await town.call('residents', { action: 'setHomeGrid', gridId: A }, r))
  for (let i = 0; i < 4; i++) tickets.push(await submit(R1))
  // one closed ticket (history stays with 一组); one held by 郑三, who then leaves without a handover
  await town.db
    .collection('tickets')
    .doc(tickets[3])
    .update({ data: { status: 'closed' } })
  await town.db
    .collection('tickets')
    .doc(tickets[2])
    .update({ data: { assigneeId: ids.w3 } })
  await town.db
    .collection('staff')
    .doc(ids.w3)
    .update({ data: { active: false } })
  await town.townChanged(T)
}, 60_000)

const PLAN = {
  fromGridId: A,
  intoGridId: B,
  fromName: '一组',
  intoName: '二组',
  counts: { openTickets: 3, closedTickets: 1, workers: 2, informants: 1, otherStaff: 0, residents: 2 },
  handedOver: 1,
}

describe('roster.mergeGrids', () => {
  it('is the office’s alone, and refuses grids of two villages or a grid into itself', async () => {
    const cases: [object, string, string][] = [
      [{ action: 'mergeGrids', fromGridId: A, intoGridId: B }, W1, 'FORBIDDEN'],
      [{ action: 'mergeGrids', fromGridId: A, intoGridId: B, dryRun: true }, R1, 'FORBIDDEN'],
      [{ action: 'mergeGrids', fromGridId: A, intoGridId: OTHER_VILLAGE_GRID }, ADMIN, 'INVALID_INPUT'],
      [{ action: 'mergeGrids', fromGridId: A, intoGridId: A }, ADMIN, 'INVALID_INPUT'],
      [{ action: 'mergeGrids', fromGridId: A, intoGridId: 'g01' }, ADMIN, 'NOT_FOUND'],
      [{ action: 'splitGrid', gridId: A, name: '三组' }, W1, 'FORBIDDEN'],
    ]
    for (const [body, openid, code] of cases) {
      const r = await roster(body, openid)
      expect([body, r.ok ? 'ok' : r.error.code]).toEqual([body, code])
    }
    expect((await doc('grids', A)).mergedInto).toBeUndefined()
    expect(await town.count('auditLog', { townId: T, action: 'mergeGrids' })).toBe(0)
  })

  it('answers the plan first and writes nothing', async () => {
    const plan = expectOk(await roster({ action: 'mergeGrids', fromGridId: A, intoGridId: B, dryRun: true }))
    expect(plan).toEqual({ ...PLAN, applied: false })
    expect((await doc('grids', A)).mergedInto).toBeUndefined()
    expect(await town.count('tickets', { townId: T, gridId: B })).toBe(0)
  })

  it('moves the open tickets, the staff and the residents, and keeps 一组 as merged', async () => {
    const done = expectOk(await roster({ action: 'mergeGrids', fromGridId: A, intoGridId: B }))
    expect(done).toEqual({ ...PLAN, applied: true })

    const after = await Promise.all(tickets.map((id) => doc('tickets', id)))
    expect(after.map((t) => [t.gridId, t.assigneeId])).toEqual([
      [B, ids.w1],
      [B, ids.w1],
      [B, ids.w2],
      [A, ids.w1],
    ])
    expect(after[2].timeline.filter((e: { command: string }) => e.command === 'handover')).toHaveLength(1)
    await town.sweep() // the messages are in the ticket's outbox until the sweeper materialises them
    expect(
      await town.count('notifications', {
        ticketId: tickets[2],
        recipientStaffId: ids.w2,
        templateKey: 'taskNew',
      }),
    ).toBe(1)

    const [a, b] = [await doc('grids', A), await doc('grids', B)]
    expect(a).toMatchObject({ mergedInto: B, workerId: null, otherWorkerIds: [], informantIds: [] })
    expect(b).toMatchObject({ workerId: ids.w2, otherWorkerIds: [ids.w1], informantIds: [ids.i1] })
    for (const key of ['w1', 'w3', 'i1']) expect((await doc('staff', ids[key])).scope.gridIds).toEqual([B])
    for (const r of [R1, R2]) expect((await doc('residents', `r_${r}`)).homeGridId).toBe(B)

    const log = expectOk(await roster({ action: 'auditLog', pageSize: 20 }))
    expect(log.items[0]).toMatchObject({
      action: 'mergeGrids',
      actorName: '吴主任',
      summary: '合并网格：东村一组 并入 东村二组；3 件未办结工单、3 位人员、2 位群众随之转入，1 件任务移交',
    })
  })

  it('answers a retry with the first result and moves nothing twice', async () => {
    // as if the first call had stopped after the structure, before this ticket moved
    await town.db
      .collection('tickets')
      .doc(tickets[1])
      .update({ data: { gridId: A } })
    const again = expectOk(await roster({ action: 'mergeGrids', fromGridId: A, intoGridId: B }))
    expect(again).toEqual({ ...PLAN, applied: true })
    const after = await Promise.all(tickets.map((id) => doc('tickets', id)))
    expect(after.map((t) => t.gridId)).toEqual([B, B, B, A])
    expect(after[2].timeline.filter((e: { command: string }) => e.command === 'handover')).toHaveLength(1)
    expect(await town.count('auditLog', { townId: T, action: 'mergeGrids' })).toBe(1)
    const back = await roster({ action: 'mergeGrids', fromGridId: B, intoGridId: A })
    expect(back.ok ? null : back.error.code).toBe('INVALID_TRANSITION')
  })

  it('offers 一组 to nobody: not in the list, and its old code or id reports to 二组', async () => {
    const grids = expectOk(await town.call('residents', { action: 'grids', villageId: 'town-gy-v01' }, R2))
    expect(grids.items.map((g: { name: string }) => g.name)).toEqual(['二组'])
    const home = expectOk(await town.call('residents', { action: 'setHomeGrid', gridId: A }, R3))
    expect(home).toEqual({ homeGridId: B, homeVillageId: 'town-gy-v01' })
    const t = await doc('tickets', await submit(R3))
    expect([t.gridId, t.assigneeId]).toEqual([B, ids.w2])
    const unstaffed = expectOk(await roster({ action: 'unstaffedGrids' }))
    expect(unstaffed.items.map((u: { grid: { _id: string } }) => u.grid._id)).not.toContain(A)
  })
})

describe('roster.splitGrid', () => {
  it('refuses what is not in the grid, and writes nothing', async () => {
    const before = await town.count('grids', { townId: T })
    const cases: object[] = [
      { action: 'splitGrid', gridId: B, name: '三组', staffIds: [ids.admin] },
      { action: 'splitGrid', gridId: B, name: '三组', residentIds: ['r_nobody'] },
      { action: 'splitGrid', gridId: B, name: '三组', ticketIds: [tickets[3]] },
      { action: 'splitGrid', gridId: B, name: '二组' },
      { action: 'splitGrid', gridId: A, name: '三组' },
    ]
    const codes: string[] = []
    for (const body of cases) {
      const r = await roster(body)
      codes.push(r.ok ? 'ok' : r.error.code)
    }
    expect(codes).toEqual([
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'CONFLICT',
      'INVALID_TRANSITION',
    ])
    expect(await town.count('grids', { townId: T })).toBe(before)
  })

  it('makes a new grid and moves only the listed staff, residents and tickets', async () => {
    const split = expectOk(
      await roster({
        action: 'splitGrid',
        gridId: B,
        name: '三组',
        staffIds: [ids.i1],
        residentIds: [`r_${R1}`],
        ticketIds: [tickets[0]],
      }),
    )
    expect(split).toEqual({
      gridId: expect.stringMatching(/^g_/),
      villageId: 'town-gy-v01',
      name: '三组',
      staff: 1,
      residents: 1,
      tickets: 1,
    })
    const c = split.gridId
    expect(await doc('grids', c)).toMatchObject({
      townId: T,
      name: '三组',
      workerId: null,
      informantIds: [ids.i1],
    })
    expect((await doc('grids', B)).informantIds).toEqual([])
    expect((await doc('staff', ids.i1)).scope.gridIds).toEqual([c])
    expect((await doc('staff', ids.w1)).scope.gridIds).toEqual([B])
    expect((await doc('residents', `r_${R1}`)).homeGridId).toBe(c)
    expect((await doc('residents', `r_${R2}`)).homeGridId).toBe(B)
    // 郑一 does not cover 三组: the ticket goes along its chain (nobody in the grid or village: the office)
    const moved = await Promise.all(tickets.map((id) => doc('tickets', id)))
    expect(moved.map((t) => [t.gridId, t.assigneeId])).toEqual([
      [c, ids.admin],
      [B, ids.w1],
      [B, ids.w2],
      [A, ids.w1],
    ])
    const log = expectOk(await roster({ action: 'auditLog', pageSize: 20 }))
    expect(log.items.map((e: { action: string }) => e.action)).toContain('splitGrid')
    expect(log.items.find((e: { action: string }) => e.action === 'splitGrid').summary).toBe(
      '拆分网格：从东村二组分出东村三组；1 位人员、1 位群众、1 件工单转入',
    )
  })
})
