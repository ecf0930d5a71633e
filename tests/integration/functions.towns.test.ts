/**
 * More towns on one environment (real local cloud with the demo town): the operator creates a
 * town through `system.createTown` from the console — never from the mini-program — and the new
 * town's data stays its own: its office, staff, residents, tickets and audit log are invisible to
 * the demo town's people and the other way round.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const NEW_TOWN = {
  action: 'createTown',
  townId: 'town-xiashi',
  name: '下石镇',
  villages: [
    { name: '上坪村', grids: ['一组', '二组'] },
    { name: '下坪村', grids: ['一组'] },
  ],
  admin: { name: '周主任', phone: '13800001111' },
}

const fromConsole = async (event: object) => {
  const res = await fetch(`${town.cloud.url}/__dev/console/system`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(event),
  })
  expect(res.status).toBe(200)
  return res.json()
}

const XS_ADMIN = 'xiashi-admin'
const XS_WORKER = 'xiashi-worker'
const XS_RESIDENT = 'xiashi-resident'
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

describe('creating a town', () => {
  it('is refused from the mini-program, whoever calls; nothing is written', async () => {
    const before = await town.count('config')
    for (const openid of ['demo-admin', 'someone']) {
      const r = await town.call('system', NEW_TOWN, openid)
      expect(r.ok ? null : r.error).toEqual({
        code: 'FORBIDDEN',
        message: '只能由环境管理员在云开发控制台调用',
      })
    }
    expect(await town.count('config')).toBe(before)
  })

  it('refuses bad input with the reason, and writes nothing', async () => {
    const r = await fromConsole({ ...NEW_TOWN, townId: 'Bad Id', villages: [] })
    expect(r.ok).toBe(false)
    expect(r.error.code).toBe('INVALID_INPUT')
    expect(await town.count('villages', { townId: 'Bad Id' })).toBe(0)
  })

  it('sets up the town from the console: configuration, villages, grids and a first admin with an invite', async () => {
    const r = await fromConsole(NEW_TOWN)
    expect(r).toEqual({
      ok: true,
      data: {
        townId: 'town-xiashi',
        name: '下石镇',
        villages: 2,
        grids: 3,
        admin: {
          staffId: 'town-xiashi-st-admin-1',
          name: '周主任',
          inviteCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/),
          inviteExpiresAt: expect.any(String),
        },
      },
    })
    const again = await fromConsole(NEW_TOWN)
    expect(again.error).toEqual({ code: 'CONFLICT', message: '镇 town-xiashi 已经存在' })
    const bound = expectOk(
      await town.call('roster', { action: 'bindInvite', code: r.data.admin.inviteCode }, XS_ADMIN),
    )
    expect(bound).toEqual({
      staffId: 'town-xiashi-st-admin-1',
      roles: ['admin'],
      name: '周主任',
      places: '全镇',
    })
    const me = expectOk(await town.call('roster', { action: 'me' }, XS_ADMIN))
    expect(me.townId).toBe('town-xiashi')
  })
})

describe('the new town runs on its own', () => {
  let workerId = ''
  it('its office adds a worker to its own grid; the demo town’s grids do not exist for it', async () => {
    const foreign = await town.call(
      'roster',
      {
        action: 'createStaff',
        name: '钱网格',
        phone: '13800002222',
        roles: ['gridWorker'],
        villageIds: ['v01'],
        gridIds: ['g01'],
      },
      XS_ADMIN,
    )
    expect(foreign.ok ? null : foreign.error.code).toBe('INVALID_INPUT')
    const issued = expectOk(
      await town.call(
        'roster',
        {
          action: 'createStaff',
          name: '钱网格',
          phone: '13800002222',
          roles: ['gridWorker'],
          villageIds: ['town-xiashi-v01'],
          gridIds: ['town-xiashi-g001'],
        },
        XS_ADMIN,
      ),
    )
    workerId = issued.staffId
    expectOk(await town.call('roster', { action: 'bindInvite', code: issued.inviteCode }, XS_WORKER))
  })

  it('routes a resident’s report to its worker, and a grid with nobody to the town office', async () => {
    expectOk(await town.call('residents', { action: 'setHomeGrid', gridId: 'town-xiashi-g001' }, XS_RESIDENT))
    const t = await submit(XS_RESIDENT)
    expect((await town.db.collection('tickets').doc(t.ticketId).get()).data).toMatchObject({
      townId: 'town-xiashi',
      assigneeId: workerId,
    })
    expectOk(await town.call('residents', { action: 'setHomeGrid', gridId: 'town-xiashi-g003' }, XS_RESIDENT))
    const vacant = await submit(XS_RESIDENT)
    expect((await town.db.collection('tickets').doc(vacant.ticketId).get()).data.assigneeId).toBe(
      'town-xiashi-st-admin-1',
    )
    const { items } = expectOk(await town.call('roster', { action: 'unstaffedGrids' }, XS_ADMIN))
    expect(items.map((u: { grid: { name: string }; fallback: string }) => [u.grid.name, u.fallback])).toEqual(
      [
        ['上坪村二组', 'townOffice'],
        ['下坪村一组', 'townOffice'],
      ],
    )

    const demoWorker = await town.call('tickets', { action: 'detail', ticketId: t.ticketId }, 'demo-worker-1')
    expect(demoWorker.ok ? null : demoWorker.error.code).toBe('NOT_FOUND')
    const demoAdmin = await town.call('tickets', { action: 'detail', ticketId: t.ticketId }, 'demo-admin')
    expect(demoAdmin.ok ? null : demoAdmin.error.code).toBe('NOT_FOUND')
  })

  it('each office sees only its own roster, structure and audit log', async () => {
    const mine = expectOk(await town.call('roster', { action: 'listStaff', pageSize: 50 }, XS_ADMIN))
    expect(mine.items.map((s: { name: string }) => s.name).sort()).toEqual(['周主任', '钱网格'].sort())
    const theirs = expectOk(await town.call('roster', { action: 'listStaff', query: '钱网格' }, 'demo-admin'))
    expect(theirs.items).toEqual([])
    const phone = expectOk(
      await town.call('roster', { action: 'listStaff', query: '13800002222' }, 'demo-admin'),
    )
    expect(phone.items).toEqual([])

    for (const [openid, body] of [
      [XS_ADMIN, { action: 'gridTeam', gridId: 'g01' }],
      ['demo-admin', { action: 'gridTeam', gridId: 'town-xiashi-g001' }],
      ['demo-admin', { action: 'deactivateStaff', staffId: workerId, reason: '不是本镇的人' }],
      [XS_ADMIN, { action: 'deactivateStaff', staffId: 'st-worker-1', reason: '不是本镇的人' }],
      [XS_ADMIN, { action: 'updateStaff', staffId: 'st-worker-1', name: '改名' }],
    ] as const) {
      const r = await town.call('roster', body, openid)
      expect([openid, body.action, r.ok ? 'ok' : r.error.code]).toEqual([openid, body.action, 'NOT_FOUND'])
    }

    const log = expectOk(await town.call('roster', { action: 'auditLog', pageSize: 50 }, XS_ADMIN))
    expect(log.items.map((a: { action: string }) => a.action)).toEqual(['createStaff', 'createTown'])
    const demoLog = expectOk(await town.call('roster', { action: 'auditLog', pageSize: 50 }, 'demo-admin'))
    expect(demoLog.items.map((a: { action: string }) => a.action)).not.toContain('createTown')

    const inbox = expectOk(await town.call('tasks', { action: 'inbox', pageSize: 50 }, XS_WORKER))
    expect(inbox.items.map((t: { townId?: string; number: string }) => t.number)).toHaveLength(1)
  })
})

describe('the office keeps its villages and grids', () => {
  it('adds and renames them, refuses duplicates and other towns’ places, and audits each change', async () => {
    const call = (body: object, openid = XS_ADMIN) => town.call('roster', body, openid)
    const v = expectOk(await call({ action: 'saveVillage', name: '中坪村' }))
    expect(v).toEqual({ villageId: expect.stringMatching(/^v_/), name: '中坪村', created: true })
    const dup = await call({ action: 'saveVillage', name: '上坪村' })
    expect(dup.ok ? null : dup.error).toEqual({ code: 'CONFLICT', message: '已经有“上坪村”了' })
    const g = expectOk(await call({ action: 'saveGrid', villageId: v.villageId, name: '一组' }))
    expect(g).toMatchObject({ villageId: v.villageId, name: '一组', created: true })
    const renamed = expectOk(
      await call({ action: 'saveGrid', gridId: g.gridId, villageId: v.villageId, name: '新一组' }),
    )
    expect(renamed).toEqual({ gridId: g.gridId, villageId: v.villageId, name: '新一组', created: false })
    const grids = expectOk(
      await town.call('residents', { action: 'grids', villageId: v.villageId }, XS_RESIDENT),
    )
    expect(grids.items.map((x: { name: string }) => x.name)).toEqual(['新一组'])

    const foreign = await call({ action: 'saveGrid', gridId: 'g01', villageId: 'v01', name: '改名' })
    expect(foreign.ok ? null : foreign.error.code).toBe('NOT_FOUND')
    const theirs = await call({ action: 'saveVillage', villageId: v.villageId, name: '改名' }, 'demo-admin')
    expect(theirs.ok ? null : theirs.error.code).toBe('NOT_FOUND')

    const log = expectOk(await call({ action: 'auditLog', pageSize: 3 }))
    expect(log.items.map((a: { summary: string }) => a.summary)).toEqual([
      '网格改名：中坪村一组 → 中坪村新一组',
      '新增网格：中坪村一组',
      '新增村（社区）：中坪村',
    ])
  })
})

describe('the calendar warning on the office’s home', () => {
  it('is quiet in November and names next year from December', async () => {
    const warn = async () => expectOk(await town.call('roster', { action: 'calendarWarning' }, XS_ADMIN))
    await town.cloud.dev.clock({ now: '2026-11-28T02:00:00.000Z' })
    expect(await warn()).toEqual({ missingYear: null })
    await town.cloud.dev.clock({ now: '2026-12-01T02:00:00.000Z' })
    expect(await warn()).toEqual({ missingYear: 2027 })
  })
})
