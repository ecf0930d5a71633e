/** The core loop's server side on a real local cloud: submit, inbox, sign for, resolve, confirm. */
import { LIMITS } from '@shared/index'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const submit = (openid: string, extra: Record<string, unknown> = {}) =>
  town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'environment',
      description: '村道上的垃圾很多，需要清理',
      ...extra,
    },
    openid,
  )

describe('the core loop', () => {
  it('routes a resident report to the grid worker, who signs for and resolves it; the resident rates it', async () => {
    const submitted = await submit('demo-resident-1')
    const s = expectOk(submitted)
    expect(s.status).toBe('pendingSignFor')
    expect(s.number).toMatch(/^\d{8}-\d{4}$/)
    console.log(`submit: ${submitted.ops} db ops`)

    const inbox = await town.call('tasks', { action: 'inbox' }, 'demo-worker-1')
    const page = expectOk(inbox)
    expect(page.items.map((t: { _id: string }) => t._id)).toContain(s.ticketId)
    console.log(`inbox: ${inbox.ops} db ops`, page.counts)

    const detail = expectOk(
      await town.call(
        'tasks',
        { action: 'signFor', ticketId: s.ticketId, expectedVersion: 2 },
        'demo-worker-1',
      ),
    )
    expect(detail.ticket.status).toBe('inProgress')
    const resolved = await town.call(
      'tasks',
      { action: 'resolve', ticketId: s.ticketId, result: '已经清理干净了' },
      'demo-worker-1',
    )
    expect(expectOk(resolved).ticket.status).toBe('resolved')
    console.log(`resolve: ${resolved.ops} db ops`)
    const confirmed = await town.call(
      'tickets',
      { action: 'confirm', ticketId: s.ticketId, rating: 5, comment: '很好' },
      'demo-resident-1',
    )
    expect(expectOk(confirmed).ticket.status).toBe('closed')
    const mine = expectOk(await town.call('tickets', { action: 'listMine' }, 'demo-resident-1'))
    expect(mine.items[0]._id).toBe(s.ticketId)
  })
})

describe('idempotency, privacy and refusals', () => {
  it('makes one ticket of the same submit sent twice (same client request id)', async () => {
    const id = requestId()
    const before = await town.count('tickets')
    const [a, b] = await Promise.all([
      submit('demo-resident-2', { clientRequestId: id }),
      submit('demo-resident-2', { clientRequestId: id }),
    ])
    expect(expectOk(a).ticketId).toBe(expectOk(b).ticketId)
    const again = expectOk(await submit('demo-resident-2', { clientRequestId: id }))
    expect(again.ticketId).toBe(expectOk(a).ticketId)
    expect(await town.count('tickets')).toBe(before + 1)
  })

  it("does not let a resident read another resident's ticket by id", async () => {
    const s = expectOk(await submit('demo-resident-1'))
    const other = await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, 'demo-resident-2')
    expect(other.ok).toBe(false)
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN')
    expect(
      expectOk(await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, 'demo-resident-1'))
        .ticket.isMine,
    ).toBe(true)
  })

  it('refuses a user calling the sweeper, whatever the event says', async () => {
    for (const event of [
      { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString() },
      { action: 'timer' },
    ]) {
      const r = await town.call('sweeper', event, 'demo-admin')
      expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
    }
  })

  it('answers malformed and oversized requests with INVALID_INPUT and writes nothing', async () => {
    const before = {
      tickets: await town.count('tickets'),
      notifications: await town.count('notifications'),
      counters: await town.count('counters'),
    }
    const bad = [
      { action: 'submit' },
      { action: 'submit', clientRequestId: requestId(), categoryCode: 'environment', description: '短' },
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '很'.repeat(501),
      },
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '正常的描述文字',
        photos: Array(10).fill('cloud://local.b/uploads/demo-resident-1/a.jpg'),
      },
      { action: 'submit', clientRequestId: 'x', categoryCode: 'environment', description: '正常的描述文字' },
      { action: 'nope' },
      { action: 'confirm', ticketId: 'demo-t005', rating: 9 },
    ]
    for (const body of bad) {
      const r = await town.call('tickets', body, 'demo-resident-1')
      expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT')
      expect(r.ok ? '' : r.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    const after = {
      tickets: await town.count('tickets'),
      notifications: await town.count('notifications'),
      counters: await town.count('counters'),
    }
    expect(after).toEqual(before)
  })

  it("refuses photos that are not the caller's own uploads", async () => {
    const before = await town.count('tickets')
    const r = await submit('demo-resident-1', {
      photos: ['cloud://local.yiwang-local/uploads/demo-resident-2/abc.jpg'],
    })
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT')
    expect(await town.count('tickets')).toBe(before)
    expect(
      expectOk(
        await submit('demo-resident-1', {
          photos: ['cloud://local.yiwang-local/uploads/demo-resident-1/abc.jpg'],
        }),
      ).status,
    ).toBe('pendingSignFor')
  })

  it('refuses risky text (CONTENT_RISKY) and accepts review text flagged', async () => {
    const before = await town.count('tickets')
    const risky = await submit('demo-resident-3', { description: '有人在村里代开发票，请处理' })
    expect(risky.ok ? null : risky.error.code).toBe('CONTENT_RISKY')
    expect(await town.count('tickets')).toBe(before)
    const review = expectOk(await submit('demo-resident-3', { description: '村民准备去上访反映征地问题' }))
    expect(review.flagged).toBe(true)
  })

  it('answers FORBIDDEN, saying to bind an invite, to a known caller without a role', async () => {
    const r = await town.call('tasks', { action: 'inbox' }, 'stranger-openid')
    expect(r.ok ? null : r.error).toEqual({ code: 'FORBIDDEN', message: '请先用邀请码绑定工作人员身份' })
  })

  it('lets an informant report for a neighbour in their grid and list it', async () => {
    const r = expectOk(
      await submit('demo-informant-1', { onBehalfOf: { name: '王奶奶', phone: '13900001111' } }),
    )
    const mine = expectOk(await town.call('tickets', { action: 'listMine' }, 'demo-informant-1'))
    expect(mine.items.map((t: { _id: string }) => t._id)).toContain(r.ticketId)
    const worker = expectOk(
      await town.call('tasks', { action: 'signFor', ticketId: r.ticketId }, 'demo-worker-1'),
    )
    expect(worker.ticket.onBehalfOf).toEqual({ name: '王奶奶', phone: '139****1111' })
    const asked = await town.call(
      'tasks',
      { action: 'revealContact', ticketId: r.ticketId, whose: 'onBehalfOf' },
      'demo-worker-1',
    )
    expect(expectOk(asked)).toMatchObject({ name: '王奶奶', phone: '13900001111' })
    const resident = await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'other',
        description: '代别人反映的问题',
        onBehalfOf: { name: '李' },
      },
      'demo-resident-1',
    )
    expect(resident.ok ? null : resident.error.code).toBe('FORBIDDEN')
  })
})

describe('limits', () => {
  it('refuses a resident past the daily submission limit with RATE_LIMITED', async () => {
    const results = []
    for (let i = 0; i < 21; i++) results.push(await submit('demo-resident-5'))
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true)
    const last = results[20]
    expect(last.ok ? null : last.error.code).toBe('RATE_LIMITED')
    expect(LIMITS.submissionsPerDay).toBe(20)
  })

  it("takes the town's own daily limit from its configuration", async () => {
    const config = town.db.collection('config').doc('town:town-qingshan')
    await config.update({ data: { limits: { submissionsPerDay: 2 } } })
    try {
      await town.townChanged() // as the operator does after an edit in the console
      const results = [
        await submit('demo-resident-6'),
        await submit('demo-resident-6'),
        await submit('demo-resident-6'),
      ]
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'RATE_LIMITED'])
      expect(results[2].ok ? '' : results[2].error.message).toContain('2')
    } finally {
      await config.update({ data: { limits: { submissionsPerDay: LIMITS.submissionsPerDay } } })
      await town.townChanged()
    }
  })
})

describe('concurrency', () => {
  it('lets one of two concurrent sign-fors with the same expected version win; the other gets CONFLICT', async () => {
    const s = expectOk(await submit('demo-resident-4'))
    const ticket = expectOk(
      await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, 'demo-resident-4'),
    ).ticket
    // Two sessions of the grid's worker (phone and desktop) tap 签收 at once.
    const results = await Promise.all(
      [1, 2].map(() =>
        town.call(
          'tasks',
          { action: 'signFor', ticketId: s.ticketId, expectedVersion: ticket.version },
          'demo-worker-4',
        ),
      ),
    )
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(codes[0]).toMatch(/^(CONFLICT|INVALID_TRANSITION)$/)
    expect(codes[1]).toBe('ok')
    const after = expectOk(
      await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, 'demo-resident-4'),
    ).ticket
    expect(after.timeline.filter((e: { command: string }) => e.command === 'signFor')).toHaveLength(1)
  })
})
