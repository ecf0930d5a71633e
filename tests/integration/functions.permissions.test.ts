/**
 * Every action × role × scope is allowed or refused exactly as shared's `can()` says: the real
 * functions on a real local cloud, called as the demo town's people (own grid, another grid of the
 * same village, another village, town-wide, the reporter, another resident).
 */
import { can, type PermissionAction, type Resident, type Staff, type Ticket } from '@shared/index'
import { callerFrom } from '../../cloudfunctions/_lib/entry/context'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
  // ~120 reports by one reporter today: lift the town's daily limit for this suite.
  await town.db
    .collection('config')
    .doc('town:town-qingshan')
    .update({ data: { limits: { submissionsPerDay: 1000 } } })
  await town.townChanged()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const PEOPLE: Record<string, string> = {
  reporter: 'demo-resident-1',
  'another resident': 'demo-resident-2',
  informant: 'demo-informant-1',
  'worker, own grid': 'demo-worker-1',
  'worker, other grid': 'demo-worker-2',
  'worker, other village': 'demo-worker-7',
  'village guide, own village': 'demo-village-guide-1',
  'village guide, other village': 'demo-village-guide-8',
  'town guide': 'demo-town-guide-1',
  'town supervisor': 'demo-supervisor-1',
  admin: 'demo-admin',
}

type State = 'pendingSignFor' | 'inProgress' | 'resolved'
interface Row {
  fn: string
  action: string
  permission: PermissionAction
  state: State
  body: Record<string, unknown>
}

const ROWS: Row[] = [
  { fn: 'tickets', action: 'detail', permission: 'view', state: 'pendingSignFor', body: {} },
  { fn: 'tasks', action: 'signFor', permission: 'signFor', state: 'pendingSignFor', body: {} },
  {
    fn: 'tasks',
    action: 'addProgress',
    permission: 'addProgress',
    state: 'inProgress',
    body: { note: '正在联系相关部门' },
  },
  {
    fn: 'tasks',
    action: 'requestInfo',
    permission: 'requestInfo',
    state: 'inProgress',
    body: { question: '请补充具体位置' },
  },
  {
    fn: 'tasks',
    action: 'resolve',
    permission: 'resolve',
    state: 'inProgress',
    body: { result: '已经处理完毕' },
  },
  {
    fn: 'tasks',
    action: 'returnTicket',
    permission: 'returnTicket',
    state: 'inProgress',
    body: { reason: '不属于本网格' },
  },
  {
    fn: 'supervision',
    action: 'reject',
    permission: 'reject',
    state: 'pendingSignFor',
    body: { reason: '不属于受理范围' },
  },
  {
    fn: 'supervision',
    action: 'remind',
    permission: 'remind',
    state: 'pendingSignFor',
    body: { note: '请尽快签收' },
  },
  { fn: 'tickets', action: 'confirm', permission: 'confirm', state: 'resolved', body: { rating: 4 } },
  {
    fn: 'tickets',
    action: 'reopen',
    permission: 'reopen',
    state: 'resolved',
    body: { reason: '问题没有解决' },
  },
]

async function actorOf(openid: string) {
  const [staff, resident] = await Promise.all([
    town.db.collection('staff').where({ openid }).get(),
    town.db
      .collection('residents')
      .where({ _id: `r_${openid}` })
      .get(),
  ])
  return callerFrom(openid, (staff.data[0] as Staff) ?? null, (resident.data[0] as Resident) ?? null).actor
}

async function ticketIn(state: State): Promise<Ticket> {
  const s = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'other',
        description: '权限测试用的问题描述',
      },
      PEOPLE.reporter,
    ),
  )
  if (state !== 'pendingSignFor')
    expectOk(await town.call('tasks', { action: 'signFor', ticketId: s.ticketId }, 'demo-worker-1'))
  if (state === 'resolved')
    expectOk(
      await town.call(
        'tasks',
        { action: 'resolve', ticketId: s.ticketId, result: '已经处理完毕' },
        'demo-worker-1',
      ),
    )
  const { data } = await town.db.collection('tickets').doc(s.ticketId).get()
  return data as Ticket
}

describe.each(ROWS)('$fn.$action', (row) => {
  it.each(Object.keys(PEOPLE))('as %s: allowed exactly when can() says so', async (who) => {
    const ticket = await ticketIn(row.state)
    const actor = await actorOf(PEOPLE[who])
    const expected = can(actor, row.permission, { kind: 'ticket', ticket })
    const r = await town.call(row.fn, { action: row.action, ticketId: ticket._id, ...row.body }, PEOPLE[who])
    if (expected) expect(r.ok ? 'ok' : r.error).toBe('ok')
    else expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN')
  })
})

describe('scope of lists', () => {
  it.each([
    ['demo-village-guide-1', true],
    ['demo-town-guide-1', true],
    ['demo-supervisor-1', true],
    ['demo-admin', true],
    ['demo-worker-1', false],
    ['demo-informant-1', false],
  ])('overdue board for %s: allowed %s', async (openid, allowed) => {
    const r = await town.call('supervision', { action: 'overdueBoard' }, openid)
    expect(r.ok).toBe(allowed)
  })

  it('refuses a village guide the board of another village', async () => {
    const r = await town.call(
      'supervision',
      { action: 'overdueBoard', villageId: 'v02' },
      'demo-village-guide-1',
    )
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
  })

  it('lets only an admin create staff, who can then bind with the invite code', async () => {
    const body = {
      action: 'createStaff',
      name: '新网格员',
      phone: '13911112222',
      roles: ['informant'],
      gridIds: ['g05'],
    }
    const refused = await town.call('roster', body, 'demo-worker-1')
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN')
    const created = expectOk(await town.call('roster', body, 'demo-admin'))
    expect(created.inviteCode).toMatch(/^[A-Z0-9]{8}$/)
    const bound = expectOk(
      await town.call(
        'roster',
        { action: 'bindInvite', code: created.inviteCode.toLowerCase() },
        'new-person-openid',
      ),
    )
    expect(bound).toEqual({
      staffId: created.staffId,
      roles: ['informant'],
      name: '新网格员',
      places: '石桥村五组',
    })
    const me = expectOk(await town.call('roster', { action: 'me' }, 'new-person-openid'))
    expect(me.staff.scope.gridIds).toEqual(['g05'])
    const again = await town.call(
      'roster',
      { action: 'bindInvite', code: created.inviteCode },
      'someone-else',
    )
    expect(again.ok ? null : again.error.code).toBe('INVALID_TRANSITION')
  })
})
