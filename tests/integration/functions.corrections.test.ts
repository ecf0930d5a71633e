/**
 * The flow beyond the happy path, on a real local cloud: transfers (转办), returns and
 * re-dispatches, rejections and duplicates, waiting on the resident (the clock stops), auto-close,
 * reopening (重办) and a guide's manual 催办. Each test uses its own residents' grids (demo town:
 * resident i and worker i live in grid g<i>; village k holds grids 6k-5…6k for k ≤ 8).
 */
import {
  DAY_MS,
  DEFAULT_RULES,
  addCalendarDays,
  addWorkingMinutes,
  createWorkingCalendar,
  shanghaiDate,
  shanghaiMidnight,
  workingMinutesBetween,
} from '@shared/index'
import { checkAnswer, expectOk, requestId, startTown, type Envelope, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const calendar = createWorkingCalendar()
const minute = 60_000

type Row = { _id: string; status: string }
type Notification = { templateKey: string; recipient: string; data: Record<string, string>; state: string }

const codeOf = (r: Envelope) => (r.ok ? 'ok' : r.error.code)

async function reportAs(openid: string, description = '组里的水渠堵了，需要疏通') {
  const s = expectOk(
    await town.call(
      'tickets',
      { action: 'submit', clientRequestId: requestId(), categoryCode: 'request', description },
      openid,
    ),
  )
  return detail(s.ticketId, openid)
}
const report = (resident: string, description?: string) => reportAs(`demo-${resident}`, description)

async function detail(ticketId: string, openid: string) {
  return expectOk(await town.call('tickets', { action: 'detail', ticketId }, openid)).ticket
}

async function inboxIds(worker: string, filter = 'todo'): Promise<string[]> {
  const page = expectOk(await town.call('tasks', { action: 'inbox', filter, pageSize: 50 }, `demo-${worker}`))
  return page.items.map((t: Row) => t._id)
}

/** A recipient's messages about a ticket, once the sweeper has materialised the tickets' outboxes. */
async function notificationsOf(recipient: string, ticketId: string): Promise<Notification[]> {
  await town.sweep()
  const { data } = await town.db
    .collection('notifications')
    .where({ recipient, ticketId })
    .orderBy('createdAt', 'asc')
    .get()
  return data
}

const task = (action: string, ticketId: string, worker: string, extra: Record<string, unknown> = {}) =>
  town.call('tasks', { action, ticketId, ...extra }, `demo-${worker}`)
const supervise = (action: string, ticketId: string, who: string, extra: Record<string, unknown> = {}) =>
  town.call('supervision', { action, ticketId, ...extra }, `demo-${who}`)

/** Moves the local cloud's clock to 09:00 (Shanghai) of the next working day. */
async function toNextWorkingMorning(): Promise<string> {
  let date = addCalendarDays(shanghaiDate(await town.now()), 1)
  while (!calendar.isWorkingDay(date)) date = addCalendarDays(date, 1)
  const at = new Date(shanghaiMidnight(date) + 9 * 60 * minute).toISOString()
  await town.cloud.dev.clock({ now: at })
  return at
}

describe('the response schemas', () => {
  it('refuses an answer with a field its schema does not declare, or one that does not parse', () => {
    expect(() =>
      checkAnswer('tasks', 'inbox', { ok: true, data: { items: [], nextCursor: null, extra: 1 } }),
    ).toThrow(/does not declare: data.extra/)
    expect(() =>
      checkAnswer('tasks', 'inbox', { ok: true, data: { items: [{}], nextCursor: null } }),
    ).toThrow(/response schema/)
    expect(() => checkAnswer('tasks', 'nope', { ok: true, data: {} })).toThrow(/no response schema/)
    expect(() =>
      checkAnswer('tasks', 'inbox', { ok: false, error: { code: 'FORBIDDEN', message: '' } }),
    ).not.toThrow()
  })
})

describe('转办: a transfer to another grid', () => {
  it("reaches the other grid's worker with the deadlines kept, and leaves the first worker's inbox", async () => {
    const ticket = await report('resident-31') // g31, village 6
    expectOk(await task('signFor', ticket._id, 'worker-31'))
    const moved = expectOk(
      await task('transfer', ticket._id, 'worker-31', { toGridId: 'g37', reason: '问题在七村一组的地界' }),
    ).ticket
    expect(moved).toMatchObject({
      status: 'pendingSignFor',
      gridId: 'g37',
      villageId: 'v07',
      assigneeId: 'st-worker-37',
    })
    expect(moved.deadlines).toEqual(ticket.deadlines)

    expect(await inboxIds('worker-37')).toContain(ticket._id)
    expect(await inboxIds('worker-31')).not.toContain(ticket._id)
    expect(codeOf(await task('addProgress', ticket._id, 'worker-31', { note: '我还在跟进' }))).toBe(
      'FORBIDDEN',
    )
    const signed = expectOk(await task('signFor', ticket._id, 'worker-37')).ticket
    expect(signed.status).toBe('inProgress')

    const toNew = await notificationsOf('staff:st-worker-37', ticket._id)
    expect(toNew.map((n) => n.templateKey)).toEqual(['taskNew'])
    const toReporter = await notificationsOf('openid:demo-resident-31', ticket._id)
    expect(toReporter.map((n) => n.data.status)).toEqual(expect.arrayContaining(['已签收', '已转办']))
  })

  it('refuses a transfer to a grid of another town or the same grid', async () => {
    const ticket = await report('resident-32')
    expect(
      codeOf(
        await task('transfer', ticket._id, 'worker-32', { toGridId: 'g-nowhere', reason: '不是本网格的事' }),
      ),
    ).toBe('NOT_FOUND')
    expect(
      codeOf(await task('transfer', ticket._id, 'worker-32', { toGridId: 'g32', reason: '不是本网格的事' })),
    ).toBe('INVALID_INPUT')
  })
})

describe('退单 and re-dispatch by the village guide', () => {
  it("queues a returned ticket for its village's guides, who send it to another grid of the village", async () => {
    const ticket = await report('resident-8') // g08, village 2 (guides 8–14)
    const returned = expectOk(
      await task('returnTicket', ticket._id, 'worker-8', { reason: '这是邻组的水渠' }),
    ).ticket
    expect(returned).toMatchObject({ status: 'returned', assigneeId: null })
    expect(await inboxIds('worker-8')).not.toContain(ticket._id)

    const queue = expectOk(
      await town.call('supervision', { action: 'returnedQueue' }, 'demo-village-guide-8'),
    )
    expect(queue.items.find((r: Row) => r._id === ticket._id)).toMatchObject({
      status: 'returned',
      gridName: '二组',
      villageName: '枫林村',
    })
    const otherQueue = expectOk(
      await town.call('supervision', { action: 'returnedQueue' }, 'demo-village-guide-1'),
    )
    expect(otherQueue.items.map((r: Row) => r._id)).not.toContain(ticket._id)
    expect((await notificationsOf('staff:st-village-guide-9', ticket._id)).map((n) => n.templateKey)).toEqual(
      ['taskNew'],
    )

    // A guide of village 1 may neither take it nor send it; village 2's guide may not send it out of the village.
    expect(codeOf(await supervise('redispatch', ticket._id, 'village-guide-1', { toGridId: 'g01' }))).toBe(
      'FORBIDDEN',
    )
    expect(codeOf(await supervise('redispatch', ticket._id, 'village-guide-8', { toGridId: 'g01' }))).toBe(
      'FORBIDDEN',
    )

    const sent = expectOk(
      await supervise('redispatch', ticket._id, 'village-guide-8', {
        toGridId: 'g09',
        note: '请九组网格员处理',
      }),
    ).ticket
    expect(sent).toMatchObject({ status: 'pendingSignFor', gridId: 'g09', assigneeId: 'st-worker-9' })
    expect(sent.deadlines).toEqual(ticket.deadlines)
    expect(await inboxIds('worker-9')).toContain(ticket._id)
    const queueAfter = expectOk(
      await town.call('supervision', { action: 'returnedQueue' }, 'demo-village-guide-8'),
    )
    expect(queueAfter.items.map((r: Row) => r._id)).not.toContain(ticket._id)
  })

  it('refuses a named assignee who cannot act in the target grid', async () => {
    const ticket = await report('resident-10')
    expectOk(await task('returnTicket', ticket._id, 'worker-10', { reason: '不归本组管' }))
    const r = await supervise('redispatch', ticket._id, 'village-guide-8', {
      toGridId: 'g11',
      assigneeId: 'st-worker-12',
    })
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(
      expectOk(
        await supervise('redispatch', ticket._id, 'village-guide-8', {
          toGridId: 'g11',
          assigneeId: 'st-worker-11',
        }),
      ).ticket.assigneeId,
    ).toBe('st-worker-11')
  })
})

describe('不予受理 and 重复件', () => {
  it('rejects with a reason: the reporter is told why and the ticket leaves the inbox', async () => {
    const ticket = await report('resident-50') // g50, village 9 (guides 54–59)
    const rejected = expectOk(
      await supervise('reject', ticket._id, 'village-guide-54', { reason: '属于县级部门职责' }),
    ).ticket
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejection: { kind: 'invalid', reason: '属于县级部门职责' },
    })
    expect(await inboxIds('worker-50')).not.toContain(ticket._id)
    expect(await inboxIds('worker-50', 'done')).toContain(ticket._id)
    const told = (await notificationsOf('openid:demo-resident-50', ticket._id)).at(-1)
    expect(told).toMatchObject({
      templateKey: 'ticketProgress',
      data: { status: '不予受理', progress: '属于县级部门职责' },
    })
    const centre = expectOk(await town.call('messages', { action: 'list' }, 'demo-resident-50'))
    expect(centre.items[0].lines).toContainEqual({ label: '处理进度', value: '属于县级部门职责' })
    expect(codeOf(await supervise('reject', ticket._id, 'village-guide-54', { reason: '再次驳回' }))).toBe(
      'INVALID_TRANSITION',
    )
  })

  it('marks a duplicate of an earlier ticket; only guides of the village may', async () => {
    const original = await report('resident-51', '村口的路灯坏了好几天了')
    const again = await report('resident-51', '村口路灯还是坏的，晚上很黑')
    expect(
      codeOf(
        await supervise('markDuplicate', again._id, 'village-guide-1', {
          duplicateOf: original._id,
          reason: '同一盏路灯',
        }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      codeOf(
        await supervise('markDuplicate', again._id, 'village-guide-54', {
          duplicateOf: 'missing',
          reason: '同一盏路灯',
        }),
      ),
    ).toBe('NOT_FOUND')
    const dup = expectOk(
      await supervise('markDuplicate', again._id, 'village-guide-54', {
        duplicateOf: original._id,
        reason: '同一盏路灯',
      }),
    ).ticket
    expect(dup).toMatchObject({
      status: 'rejected',
      rejection: { kind: 'duplicate', duplicateOf: original._id, reason: '同一盏路灯' },
    })
    expect(await inboxIds('worker-51')).toEqual(expect.arrayContaining([original._id]))
    expect(await inboxIds('worker-51')).not.toContain(again._id)
    const told = (await notificationsOf('openid:demo-resident-51', again._id)).at(-1)
    expect(told).toMatchObject({ templateKey: 'ticketProgress', data: { status: '重复件' } })
  })

  it("takes the original by its number as well as its id, in the caller's town only", async () => {
    const original = await report('resident-52', '村口的水管破了，一直在漏水')
    const again = await report('resident-52', '村口水管还在漏水，没人来修')
    const unknownNumber = `${original.number.slice(0, 9)}9999`
    const notFound = await supervise('markDuplicate', again._id, 'village-guide-54', {
      duplicateOf: unknownNumber,
      reason: '同一处水管',
    })
    expect(codeOf(notFound)).toBe('NOT_FOUND')
    expect(!notFound.ok && notFound.error.message).toContain(unknownNumber)
    const dup = expectOk(
      await supervise('markDuplicate', again._id, 'village-guide-54', {
        duplicateOf: original.number,
        reason: '同一处水管',
      }),
    ).ticket
    expect(dup.rejection).toMatchObject({ kind: 'duplicate', duplicateOf: original._id })
  })
})

describe('waiting on the resident', () => {
  it('stops the clock while awaiting information: the deadline moves later by the paused working time', async () => {
    await toNextWorkingMorning()
    const ticket = await report('resident-57')
    expectOk(await task('signFor', ticket._id, 'worker-57'))
    const asked = expectOk(
      await task('requestInfo', ticket._id, 'worker-57', { question: '请问具体是哪一段水渠？' }),
    ).ticket
    expect(asked).toMatchObject({ status: 'awaitingInfo', paused: true })
    expect((await notificationsOf('openid:demo-resident-57', ticket._id)).at(-1)?.data.status).toBe('待补充')

    await town.cloud.dev.clock({ advanceMs: 2 * 60 * minute }) // 09:00 → 11:00, all working time
    const answered = expectOk(
      await town.call(
        'tickets',
        { action: 'supplement', ticketId: ticket._id, note: '在村委会后面那一段' },
        'demo-resident-57',
      ),
    ).ticket
    expect(answered).toMatchObject({ status: 'inProgress', paused: false })
    const pausedAt = asked.timeline.at(-1).at
    const resumedAt = answered.timeline.at(-1).at
    const paused = workingMinutesBetween(calendar, pausedAt, resumedAt)
    expect(paused).toBeCloseTo(120, 1)
    expect(answered.deadlines.resolve.dueAt).toBe(
      addWorkingMinutes(calendar, ticket.deadlines.resolve.dueAt, paused),
    )
    expect(Date.parse(answered.deadlines.resolve.dueAt)).toBeGreaterThan(
      Date.parse(ticket.deadlines.resolve.dueAt),
    )
    const toWorker = (await notificationsOf('staff:st-worker-57', ticket._id)).at(-1)
    expect(toWorker).toMatchObject({
      templateKey: 'taskNew',
      data: { task: '群众已补充：在村委会后面那一段' },
    })

    // Round two: nobody answers; the deadline passes while waiting, and nothing escalates.
    const again = expectOk(
      await task('requestInfo', ticket._id, 'worker-57', { question: '能否拍张照片？' }),
    ).ticket
    await town.cloud.dev.clock({
      now: new Date(Date.parse(answered.deadlines.resolve.dueAt) + DAY_MS).toISOString(),
    })
    await town.sweep()
    const waiting = await detail(ticket._id, 'demo-resident-57')
    expect(waiting).toMatchObject({ status: 'awaitingInfo', escalationLevel: 0 })
    const resumed = expectOk(
      await task('resume', ticket._id, 'worker-57', { note: '群众已电话说明情况' }),
    ).ticket
    expect(resumed.status).toBe('inProgress')
    const paused2 = workingMinutesBetween(calendar, again.timeline.at(-1).at, resumed.timeline.at(-1).at)
    expect(resumed.deadlines.resolve.dueAt).toBe(
      addWorkingMinutes(calendar, answered.deadlines.resolve.dueAt, paused2),
    )
    expect(
      codeOf(
        await town.call(
          'tickets',
          { action: 'supplement', ticketId: ticket._id, note: '补充说明' },
          'demo-resident-57',
        ),
      ),
    ).toBe('INVALID_TRANSITION')
  })
})

describe('closing the loop', () => {
  it('auto-closes a resolved ticket the reporter leaves unanswered, not before its time', async () => {
    const ticket = await report('resident-64')
    expectOk(await task('signFor', ticket._id, 'worker-64'))
    const resolved = expectOk(
      await task('resolve', ticket._id, 'worker-64', { result: '水渠已经疏通' }),
    ).ticket
    const closesAt = Date.parse(resolved.resolution.at) + DEFAULT_RULES.autoCloseAfter.amount * DAY_MS
    expect(DEFAULT_RULES.autoCloseAfter.unit).toBe('days')

    await town.cloud.dev.clock({ now: new Date(closesAt - 60 * minute).toISOString() })
    await town.sweep()
    expect((await detail(ticket._id, 'demo-resident-64')).status).toBe('resolved')

    await town.cloud.dev.clock({ now: new Date(closesAt + minute).toISOString() })
    const run = await town.sweep()
    expect(run.autoClosed).toBeGreaterThanOrEqual(1)
    const closed = await detail(ticket._id, 'demo-resident-64')
    expect(closed).toMatchObject({ status: 'closed', rating: null })
    expect(closed.timeline.at(-1)).toMatchObject({ command: 'autoClose', actor: { kind: 'system' } })
    expect((await notificationsOf('openid:demo-resident-64', ticket._id)).at(-1)?.data.status).toBe('已办结')
    await town.sweep()
    expect(
      (await detail(ticket._id, 'demo-resident-64')).timeline.filter(
        (e: { command: string }) => e.command === 'autoClose',
      ),
    ).toHaveLength(1)
  })

  it('sends a reopened ticket back to its worker within the window, and refuses after it', async () => {
    const ticket = await report('resident-66')
    expectOk(await task('signFor', ticket._id, 'worker-66'))
    expectOk(await task('resolve', ticket._id, 'worker-66', { result: '已经处理好了' }))
    expectOk(
      await town.call('tickets', { action: 'confirm', ticketId: ticket._id, rating: 2 }, 'demo-resident-66'),
    )
    await town.cloud.dev.clock({ advanceMs: 3 * DAY_MS })
    const reopened = expectOk(
      await town.call(
        'tickets',
        { action: 'reopen', ticketId: ticket._id, reason: '水渠又堵上了' },
        'demo-resident-66',
      ),
    ).ticket
    expect(reopened).toMatchObject({
      status: 'inProgress',
      assigneeId: 'st-worker-66',
      reopenCount: 1,
      rating: null,
      resolution: null,
    })
    expect(Date.parse(reopened.deadlines.resolve.dueAt)).toBeGreaterThan(
      Date.parse(ticket.deadlines.resolve.dueAt),
    )
    expect(await inboxIds('worker-66')).toContain(ticket._id)
    expect((await notificationsOf('staff:st-worker-66', ticket._id)).at(-1)).toMatchObject({
      templateKey: 'taskNew',
      data: { task: '重办：水渠又堵上了' },
    })
    expect(
      codeOf(
        await town.call(
          'tickets',
          { action: 'reopen', ticketId: ticket._id, reason: '再次重办' },
          'demo-resident-67',
        ),
      ),
    ).toBe('FORBIDDEN')

    // Closed again, then the window (15 days) passes.
    expectOk(await task('resolve', ticket._id, 'worker-66', { result: '重新疏通了' }))
    expectOk(
      await town.call('tickets', { action: 'confirm', ticketId: ticket._id, rating: 4 }, 'demo-resident-66'),
    )
    await town.cloud.dev.clock({ advanceMs: 16 * DAY_MS })
    const late = await town.call(
      'tickets',
      { action: 'reopen', ticketId: ticket._id, reason: '又坏了' },
      'demo-resident-66',
    )
    expect(codeOf(late)).toBe('INVALID_TRANSITION')
  })
})

describe('催办 by hand', () => {
  it("lets the village guide remind the assignee, with the guide's words; others may not", async () => {
    const ticket = await report('resident-2') // g02, village 1 (guides 1–7)
    const reminded = expectOk(
      await supervise('remind', ticket._id, 'village-guide-3', { note: '群众很着急，请今天处理' }),
    ).ticket
    expect(reminded.timeline.at(-1)).toMatchObject({
      command: 'remind',
      note: '群众很着急，请今天处理',
      actor: { kind: 'staff' },
    })
    expect((await notificationsOf('staff:st-worker-2', ticket._id)).at(-1)).toMatchObject({
      templateKey: 'taskDue',
      data: { hint: '催办：群众很着急，请今天处理' },
    })
    expect(codeOf(await supervise('remind', ticket._id, 'village-guide-8'))).toBe('FORBIDDEN')
    expect(codeOf(await supervise('remind', ticket._id, 'worker-2'))).toBe('FORBIDDEN')
    expect(codeOf(await supervise('remind', ticket._id, 'resident-2'))).toBe('FORBIDDEN')
    expect(expectOk(await supervise('remind', ticket._id, 'town-guide-1')).ticket.timeline.at(-1).note).toBe(
      '请尽快办理',
    )
  })
})

describe('the rest of the API answers what its schemas say', () => {
  it('lets a newcomer pick a home grid from the lists, then report from it', async () => {
    const villages = expectOk(await town.call('residents', { action: 'villages' }, 'newcomer-1'))
    expect(villages.items).toHaveLength(11)
    const grids = expectOk(
      await town.call('residents', { action: 'grids', villageId: villages.items[2]._id }, 'newcomer-1'),
    )
    expect(grids.items[0]).toMatchObject({ villageId: 'v03', name: '一组' })
    expect(
      expectOk(
        await town.call('residents', { action: 'setHomeGrid', gridId: grids.items[0]._id }, 'newcomer-1'),
      ),
    ).toEqual({
      homeGridId: 'g13',
      homeVillageId: 'v03',
    })
    expect((await reportAs('newcomer-1', '新来的，反映一下路面坑洼')).gridId).toBe('g13')
  })

  it('logs a patrol, with the problem it found entered as a ticket', async () => {
    const plain = expectOk(
      await town.call(
        'tasks',
        {
          action: 'patrol',
          clientRequestId: requestId(),
          gridId: 'g20',
          kind: 'patrol',
          note: '巡查一切正常',
        },
        'demo-worker-20',
      ),
    )
    expect(plain).toMatchObject({ ticketId: null, ticketNumber: null })
    const found = expectOk(
      await town.call(
        'tasks',
        {
          action: 'patrol',
          clientRequestId: requestId(),
          gridId: 'g20',
          kind: 'survey',
          note: '摸排发现隐患',
          issue: { categoryCode: 'safety', description: '河边护栏断了，孩子容易落水' },
        },
        'demo-worker-20',
      ),
    )
    expect(await inboxIds('worker-20')).toContain(found.ticketId)
    expect(
      codeOf(
        await town.call(
          'tasks',
          { action: 'patrol', clientRequestId: requestId(), gridId: 'g21', kind: 'patrol', note: '巡查' },
          'demo-worker-20',
        ),
      ),
    ).toBe('FORBIDDEN')
  })

  it('marks messages read, some or all', async () => {
    // demo-worker-1 holds the demo tickets' task messages (a worker's own patrol finding notifies nobody).
    const first = expectOk(await town.call('messages', { action: 'list', unreadOnly: true }, 'demo-worker-1'))
    expect(first.items.length).toBeGreaterThanOrEqual(1)
    expect(
      expectOk(
        await town.call(
          'messages',
          { action: 'markRead', messageIds: [first.items[0]._id] },
          'demo-worker-1',
        ),
      ).updated,
    ).toBe(1)
    expectOk(await town.call('messages', { action: 'markRead', all: true }, 'demo-worker-1'))
    expect(expectOk(await town.call('messages', { action: 'unreadCount' }, 'demo-worker-1')).count).toBe(0)
  })
})
