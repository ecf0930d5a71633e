/**
 * Supervisors act only where they supervise: town guides (联村) and town supervisors in the villages
 * of their scope, like village guides; the grid office (admin) town-wide. Every supervision action
 * on a ticket of 石桥村 (v01) is tried by someone whose scope holds v01 and by someone whose scope
 * is 枫林村 (v02) only — the demo town's people (docs/demo-town.md): town guide j is linked to
 * village v((j-1) mod 11 + 1), supervisor k supervises vk, village guides 1–7 are v01's, 8–14 v02's.
 * The expectations are written out below, not asked of `can()`.
 *
 * Then 改派 with its notifications, 催办's hourly limit and its wording, and the board's order.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
  await town.db
    .collection('config')
    .doc('town:town-qingshan')
    .update({ data: { limits: { submissionsPerDay: 1000 } } })
  await town.townChanged()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

/** The columns of the table: who, with what scope. */
const PEOPLE = {
  tgIn: 'demo-town-guide-1', // 镇级指导员, linked to v01
  tgOut: 'demo-town-guide-2', // 镇级指导员, linked to v02
  supIn: 'demo-supervisor-1', // 镇级督导员 of v01
  supOut: 'demo-supervisor-2', // 镇级督导员 of v02
  vgIn: 'demo-village-guide-1', // 村级指导员 of v01
  vgOut: 'demo-village-guide-8', // 村级指导员 of v02
  admin: 'demo-admin', // 镇网格办: town-wide
} as const
type Who = keyof typeof PEOPLE
const COLUMNS: Who[] = ['tgIn', 'tgOut', 'supIn', 'supOut', 'vgIn', 'vgOut', 'admin']

type Expect = 'ok' | 'FORBIDDEN'
type Setup = 'pending' | 'returned' | 'none'
interface Row {
  fn: string
  action: string
  setup: Setup
  body: Record<string, unknown>
  expect: [Expect, Expect, Expect, Expect, Expect, Expect, Expect]
}

// prettier-ignore
const TABLE: Row[] = [
  //                                                                                            tgIn  tgOut        supIn supOut       vgIn  vgOut        admin
  { fn: 'supervision', action: 'overdueBoard', setup: 'none', body: { villageId: 'v01' },     expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'supervision', action: 'returnedQueue', setup: 'none', body: { villageId: 'v01' },    expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'tickets', action: 'detail', setup: 'pending', body: {},                               expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'supervision', action: 'redispatch', setup: 'returned', body: { toGridId: 'g02' },    expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'supervision', action: 'reject', setup: 'pending', body: { reason: '不属于受理范围' }, expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'supervision', action: 'remind', setup: 'pending', body: { note: '请尽快签收' },       expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'supervision', action: 'markDuplicate', setup: 'pending', body: { reason: '同一处问题' }, expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
  { fn: 'supervision', action: 'reassign', setup: 'pending', body: { toGridId: 'g02', reason: '原网格员外出培训' }, expect: ['ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'ok'] },
]

/** A fresh report of 石桥村一组 (g01, v01) by its resident, routed to demo-worker-1. */
async function report(category = 'other'): Promise<{ ticketId: string; number: string }> {
  const s = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: category,
        description: '督导范围测试用的问题描述',
      },
      'demo-resident-1',
    ),
  )
  return { ticketId: s.ticketId, number: s.number }
}

async function ticketFor(setup: Setup): Promise<{ ticketId?: string }> {
  if (setup === 'none') return {}
  const { ticketId } = await report()
  if (setup === 'returned')
    expectOk(
      await town.call('tasks', { action: 'returnTicket', ticketId, reason: '不属于本网格' }, 'demo-worker-1'),
    )
  return { ticketId }
}

let original = ''
beforeAll(async () => {
  original = (await report()).number
})

describe.each(TABLE)('$fn.$action', (row) => {
  it.each(COLUMNS.map((who, i) => [who, row.expect[i]] as const))('as %s: %s', async (who, expected) => {
    const ticket = await ticketFor(row.setup)
    const body = {
      action: row.action,
      ...ticket,
      ...row.body,
      ...(row.action === 'markDuplicate' ? { duplicateOf: original } : {}),
    }
    const r = await town.call(row.fn, body, PEOPLE[who])
    expect(r.ok ? 'ok' : r.error.code).toBe(expected)
    if (!r.ok) expect(r.error.message).toMatch(/您负责的村（社区）|只能查看您负责的村（社区）/)
  })
})

describe('what each supervisor sees of a ticket in scope', () => {
  // Every phone is shown masked. The reporter's number itself (查看号码, logged): the assignee and
  // the guides may ask for it; supervisors and the grid office may not. The responsible worker's
  // number: everyone who supervises the ticket, not the worker.
  // prettier-ignore
  const SEES: Array<[string, 'revealable' | 'masked', boolean]> = [
    ['demo-town-guide-1',    'revealable', true],
    ['demo-supervisor-1',    'masked',     true],
    ['demo-village-guide-1', 'revealable', true],
    ['demo-admin',           'masked',     true],
    ['demo-worker-1',        'revealable', false],
  ]
  it.each(SEES)('%s: reporter %s, worker phone shown %s', async (openid, reporter, workerPhone) => {
    const { ticketId } = await report()
    const { ticket } = expectOk(await town.call('tickets', { action: 'detail', ticketId }, openid))
    expect(ticket.reporter.masked).toBe(true)
    expect(ticket.reporter.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(ticket.reporter.revealable ?? false).toBe(reporter === 'revealable')
    expect(ticket.assigneeName).not.toBeNull()
    if (workerPhone) expect(ticket.assigneePhone).toMatch(/^139\*{4}\d{4}$/)
    else expect(ticket.assigneePhone ?? null).toBeNull()
    const asked = await town.call('tasks', { action: 'revealContact', ticketId, whose: 'reporter' }, openid)
    if (reporter === 'revealable') expect(expectOk(asked).phone).toMatch(/^1\d{10}$/)
    else expect(asked.ok ? 'ok' : asked.error.code).toBe('FORBIDDEN')
    const worker = await town.call('tasks', { action: 'revealContact', ticketId, whose: 'assignee' }, openid)
    if (workerPhone) expect(expectOk(worker).phone).toMatch(/^139\d{8}$/)
    else expect(worker.ok ? 'ok' : worker.error.code).toBe('FORBIDDEN')
  })
})

describe('lists hold only the villages in scope', () => {
  it.each([
    ['demo-town-guide-2', ['v02']],
    ['demo-supervisor-1', ['v01']],
    ['demo-supervisor-4', ['v04']],
  ])('%s sees only %j on the overdue board and the returned queue', async (openid, villages) => {
    for (const action of ['overdueBoard', 'returnedQueue']) {
      const page = expectOk(await town.call('supervision', { action, pageSize: 50 }, openid))
      for (const item of page.items) expect(villages).toContain(item.villageId)
    }
  })

  it('puts urgent tickets first, gives the owner’s phone (masked), and lets the grid office see every village', async () => {
    const page = expectOk(
      await town.call('supervision', { action: 'overdueBoard', pageSize: 50 }, 'demo-admin'),
    )
    expect(page.items.length).toBeGreaterThan(1)
    const priorities: string[] = page.items.map((i: { priority: string }) => i.priority)
    expect(priorities).toEqual([...priorities].sort((a, b) => (a === b ? 0 : a === 'urgent' ? -1 : 1)))
    const own = expectOk(
      await town.call('supervision', { action: 'overdueBoard', pageSize: 50 }, 'demo-supervisor-1'),
    )
    expect(page.items.length).toBeGreaterThanOrEqual(own.items.length)
    for (const item of page.items) if (item.assigneeId) expect(item.assigneePhone).toMatch(/^139\*{4}\d{4}$/)
  })
})

describe('改派', () => {
  it('gives the ticket to another grid’s worker, on the timeline, deadlines unchanged, new owner told', async () => {
    const { ticketId } = await report()
    const before = (await town.db.collection('tickets').doc(ticketId).get()).data
    const r = expectOk(
      await town.call(
        'supervision',
        { action: 'reassign', ticketId, toGridId: 'g02', reason: '原网格员外出培训' },
        'demo-supervisor-1',
      ),
    )
    expect(r.ticket).toMatchObject({ status: 'pendingSignFor', gridId: 'g02', assigneeId: 'st-worker-2' })
    expect(r.ticket.deadlines).toEqual(before.deadlines)
    const entry = r.ticket.timeline.at(-1)
    expect(entry).toMatchObject({ command: 'reassign', from: 'pendingSignFor', to: 'pendingSignFor' })
    expect(entry.note).toContain('原网格员外出培训')
    expect(entry.actor).toMatchObject({ kind: 'staff', staffId: 'st-supervisor-1', role: 'townSupervisor' })
    await town.sweep() // the messages are in the ticket's outbox until the sweeper materialises them
    const told = await town.db
      .collection('notifications')
      .where({ ticketId, recipient: 'staff:st-worker-2', templateKey: 'taskNew' })
      .get()
    expect(told.data).toHaveLength(1)
    expect(told.data[0].data.task).toContain('改派给您')
    const reporter = await town.db
      .collection('notifications')
      .where({ ticketId, recipient: 'openid:demo-resident-1', templateKey: 'ticketProgress' })
      .get()
    expect(reporter.data.map((n: { data: { status: string } }) => n.data.status)).toContain('已改派')
    // The new owner signs for it; the old one can no longer act on it.
    const old = await town.call('tasks', { action: 'signFor', ticketId }, 'demo-worker-1')
    expect(old.ok ? 'ok' : old.error.code).toBe('FORBIDDEN')
    expectOk(await town.call('tasks', { action: 'signFor', ticketId }, 'demo-worker-2'))
  })

  it('gives it to a named person of the same grid (a village guide of 石桥村)', async () => {
    const { ticketId } = await report()
    const options = expectOk(
      await town.call('supervision', { action: 'assignees', gridId: 'g01' }, 'demo-village-guide-1'),
    )
    expect(options.items[0]).toMatchObject({ staffId: 'st-worker-1', roleName: '网格工作员' })
    expect(options.items.map((o: { staffId: string }) => o.staffId)).toContain('st-village-guide-2')
    const r = expectOk(
      await town.call(
        'supervision',
        { action: 'reassign', ticketId, assigneeId: 'st-village-guide-2', reason: '网格员生病住院' },
        'demo-village-guide-1',
      ),
    )
    expect(r.ticket).toMatchObject({ gridId: 'g01', assigneeId: 'st-village-guide-2' })
  })

  it.each([
    ['the same person', { assigneeId: 'st-worker-1' }, 'demo-admin', 'INVALID_INPUT'],
    ['a grid of a village outside the caller’s scope', { toGridId: 'g07' }, 'demo-supervisor-1', 'FORBIDDEN'],
    [
      'a person who cannot act in the grid',
      { toGridId: 'g02', assigneeId: 'st-worker-7' },
      'demo-admin',
      'INVALID_INPUT',
    ],
    ['no reason', { toGridId: 'g02', reason: '' }, 'demo-admin', 'INVALID_INPUT'],
  ])('refuses %s', async (_what, body, openid, code) => {
    const { ticketId } = await report()
    const r = await town.call(
      'supervision',
      { action: 'reassign', ticketId, reason: '原网格员外出培训', ...body },
      openid,
    )
    expect(r.ok ? 'ok' : r.error.code).toBe(code)
    const t = (await town.db.collection('tickets').doc(ticketId).get()).data
    expect(t.assigneeId).toBe('st-worker-1')
  })

  it('refuses the people of another village the choice of assignees', async () => {
    const r = await town.call('supervision', { action: 'assignees', gridId: 'g01' }, 'demo-supervisor-2')
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN')
  })
})

describe('催办', () => {
  it('goes once an hour per ticket and sender; the refusal says when the last one went', async () => {
    const { ticketId } = await report()
    expectOk(await town.call('supervision', { action: 'remind', ticketId }, 'demo-village-guide-1'))
    const again = await town.call('supervision', { action: 'remind', ticketId }, 'demo-village-guide-1')
    expect(again.ok ? 'ok' : again.error.code).toBe('RATE_LIMITED')
    if (!again.ok)
      expect(again.error.message).toMatch(
        /^您已于\d{1,2}月\d{1,2}日 \d\d:\d\d催办过这张工单，每小时只能催办一次，请于\d{1,2}月\d{1,2}日 \d\d:\d\d后再催办$/,
      )
    // Another sender may; the same one again after the hour.
    expectOk(await town.call('supervision', { action: 'remind', ticketId }, 'demo-town-guide-1'))
    await town.cloud.dev.clock({ advanceMs: 61 * 60_000 })
    expectOk(await town.call('supervision', { action: 'remind', ticketId }, 'demo-village-guide-1'))
    const t = (await town.db.collection('tickets').doc(ticketId).get()).data
    expect(t.timeline.filter((e: { command: string }) => e.command === 'remind')).toHaveLength(3)
  })

  it('is worded as due soon before the deadline, and as an overdue 催办 after it', async () => {
    const { ticketId } = await report('safety') // urgent: sign for within 30 minutes
    const early = expectOk(
      await town.call('supervision', { action: 'remind', ticketId }, 'demo-supervisor-1'),
    )
    await town.cloud.dev.clock({ advanceMs: 45 * 60_000 })
    const late = expectOk(await town.call('supervision', { action: 'remind', ticketId }, 'demo-town-guide-1'))
    // The messages are in the ticket's outbox until the sweeper materialises them; the sweep also
    // fires the ladder's own 催办 (now due), so only the messages of the two reminds are compared.
    await town.sweep()
    const byHand = [early, late].map((r) => `${ticketId}:v${r.ticket.version}:`)
    const { data } = await town.db
      .collection('notifications')
      .where({ ticketId, recipient: 'staff:st-worker-1' })
      .orderBy('createdAt', 'asc')
      .get()
    const chases = data.filter((n: { key: string }) => byHand.some((prefix) => n.key.startsWith(prefix)))
    expect(chases.map((n: { templateKey: string }) => n.templateKey)).toEqual(['taskDue', 'overdueAlert'])
    expect(chases[0].data.hint).toBe('催办：请尽快签收')
    expect(Date.parse(chases[0].data.dueAt)).toBeGreaterThan(Date.parse(chases[0].createdAt))
    expect(chases[1].data).toMatchObject({ level: '催办', overdue: '超时未签收，已逾15分钟' })
  })
})

describe('a guide’s inbox', () => {
  it('holds the returned tickets of their villages and what is escalated to their level', async () => {
    const { ticketId } = await report()
    expectOk(
      await town.call('tasks', { action: 'returnTicket', ticketId, reason: '不属于本网格' }, 'demo-worker-1'),
    )
    const inbox = async (openid: string) =>
      expectOk(await town.call('tasks', { action: 'inbox', filter: 'todo', pageSize: 50 }, openid)).items as {
        _id: string
        villageId: string
        status: string
        escalationLevel: number
      }[]
    // prettier-ignore
    const LEVEL: Array<[string, string, number, boolean]> = [
      // who                    village  lowest level  sees the returned ticket
      ['demo-village-guide-1', 'v01',   1,            true],
      ['demo-town-guide-1',    'v01',   2,            false],
      ['demo-supervisor-1',    'v01',   3,            false],
      ['demo-village-guide-8', 'v02',   1,            false],
    ]
    for (const [openid, village, level, returned] of LEVEL) {
      const items = await inbox(openid)
      expect(items.some((t) => t._id === ticketId)).toBe(returned)
      for (const t of items) {
        expect(t.villageId).toBe(village)
        if (t.status !== 'returned' && t.status !== 'submitted')
          expect(t.escalationLevel).toBeGreaterThanOrEqual(level)
      }
    }
    // The ladder's escalations of 石桥村 are in its village guide's inbox.
    expect((await inbox('demo-village-guide-1')).some((t) => t.escalationLevel >= 1)).toBe(true)
  })
})

describe('the roster', () => {
  it('refuses a town guide or supervisor without villages: they act only where linked', async () => {
    for (const role of ['townGuide', 'townSupervisor']) {
      const r = await town.call(
        'roster',
        { action: 'createStaff', name: '新督导员', phone: '13911114444', roles: [role] },
        'demo-admin',
      )
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
    }
  })
})
