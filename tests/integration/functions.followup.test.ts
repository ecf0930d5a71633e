/**
 * Every report can be followed up: the resident's own name and phone (kept only with consent), the
 * place (map point with name and address, or typed words), 代报 into a neighbour's grid of the
 * informant's village, a worker's own patrol finding in hand at once, and a transfer that names
 * where the ticket went. Demo town: resident i and worker i live in grid g<i>; village 1 is g01–g06.
 */
import { expectOk, requestId, startTown, type Envelope, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const codeOf = (r: Envelope) => (r.ok ? 'ok' : r.error.code)

const submit = (openid: string, extra: Record<string, unknown> = {}) =>
  town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'request',
      description: '组里的水渠堵了，需要疏通',
      ...extra,
    },
    openid,
  )

const detail = async (ticketId: string, openid: string) =>
  expectOk(await town.call('tickets', { action: 'detail', ticketId }, openid)).ticket

describe('the resident’s own contact', () => {
  it('is empty for a newcomer, remembered with consent, used on a report, and forgotten on request', async () => {
    const me = 'demo-resident-40'
    expect(expectOk(await town.call('residents', { action: 'profile' }, 'newcomer-contact'))).toEqual({
      homeGridId: null,
      homeVillageId: null,
      name: null,
      phone: null,
    })
    expect(
      expectOk(
        await town.call(
          'residents',
          { action: 'saveContact', remember: true, name: '周大伯', phone: '13912345678' },
          me,
        ),
      ),
    ).toEqual({ homeGridId: 'g40', homeVillageId: 'v07', name: '周大伯', phone: '13912345678' })

    // A report without contact of its own reaches the reporter through what they let us keep.
    const s = expectOk(await submit(me))
    const seen = await detail(s.ticketId, 'demo-worker-40')
    expect(seen.reporter).toMatchObject({
      hidden: false,
      masked: true,
      name: '周大伯',
      phone: '139****5678',
    })
    const asked = await town.call(
      'tasks',
      { action: 'revealContact', ticketId: s.ticketId },
      'demo-worker-40',
    )
    expect(expectOk(asked).phone).toBe('13912345678')

    expect(expectOk(await town.call('residents', { action: 'saveContact', remember: false }, me))).toEqual({
      homeGridId: 'g40',
      homeVillageId: 'v07',
      name: null,
      phone: null,
    })
    const later = expectOk(await submit(me))
    const unnamed = await detail(later.ticketId, 'demo-worker-40')
    expect(unnamed.reporter.name).toBeUndefined()
    expect(unnamed.reporter.phone).toBeUndefined()
  })

  it('refuses a malformed phone and writes nothing', async () => {
    const before = expectOk(await town.call('residents', { action: 'profile' }, 'demo-resident-41'))
    const r = await town.call(
      'residents',
      { action: 'saveContact', remember: true, phone: '12345' },
      'demo-resident-41',
    )
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(expectOk(await town.call('residents', { action: 'profile' }, 'demo-resident-41'))).toEqual(before)
  })

  it('lets a newcomer save a contact before choosing a grid', async () => {
    const r = expectOk(
      await town.call('residents', { action: 'saveContact', remember: true, name: '新来的' }, 'newcomer-c2'),
    )
    expect(r).toEqual({ homeGridId: null, homeVillageId: null, name: '新来的', phone: null })
  })
})

describe('the place', () => {
  it('keeps a map point with its name and address, or typed words alone', async () => {
    const point = {
      latitude: 28.2247,
      longitude: 112.9442,
      name: '石桥村村委会',
      address: '青山镇石桥村一组',
    }
    const a = expectOk(await submit('demo-resident-42', { location: point }))
    expect((await detail(a.ticketId, 'demo-worker-42')).location).toEqual(point)
    const b = expectOk(await submit('demo-resident-42', { location: { address: '村口大樟树下' } }))
    expect((await detail(b.ticketId, 'demo-worker-42')).location).toEqual({ address: '村口大樟树下' })
  })

  it('refuses half a coordinate pair, or a place with nothing in it', async () => {
    expect(codeOf(await submit('demo-resident-42', { location: { latitude: 28.2 } }))).toBe('INVALID_INPUT')
    expect(codeOf(await submit('demo-resident-42', { location: {} }))).toBe('INVALID_INPUT')
  })
})

describe('代报 for a neighbour', () => {
  it('goes to the neighbour’s grid in the informant’s village, not outside it', async () => {
    // demo-informant-1 serves g01 (石桥村); the neighbour lives in g02, also 石桥村.
    const r = expectOk(await submit('demo-informant-1', { gridId: 'g02', onBehalfOf: { name: '王奶奶' } }))
    expect((await detail(r.ticketId, 'demo-informant-1')).gridId).toBe('g02')
    const out = await submit('demo-informant-1', { gridId: 'g07', onBehalfOf: { name: '王奶奶' } })
    expect(codeOf(out)).toBe('FORBIDDEN')
  })
})

describe('a worker’s own patrol finding', () => {
  it('starts signed for by the worker, without notifying them of their own report', async () => {
    const found = expectOk(
      await town.call(
        'tasks',
        {
          action: 'patrol',
          clientRequestId: requestId(),
          gridId: 'g44',
          kind: 'patrol',
          note: '巡查发现隐患',
          location: { address: '村口大樟树下' },
          issue: { categoryCode: 'safety', description: '大樟树有根枯枝快断了，下面常有人乘凉' },
        },
        'demo-worker-44',
      ),
    )
    const t = await detail(found.ticketId, 'demo-worker-44')
    expect(t.status).toBe('inProgress')
    expect(t.signedForAt).not.toBeNull()
    expect(t.location).toEqual({ address: '村口大樟树下' })
    expect(t.timeline.map((e: { command: string }) => e.command)).toEqual(['submit', 'route', 'signFor'])
    const { data } = await town.db.collection('notifications').where({ ticketId: found.ticketId }).get()
    expect(data.filter((n: { recipient: string }) => n.recipient === 'staff:st-worker-44')).toEqual([])
    expect(data.filter((n: { recipient: string }) => n.recipient === 'openid:demo-worker-44')).toEqual([])
  })
})

describe('转办', () => {
  it('names the grid it went to on the timeline', async () => {
    const s = expectOk(await submit('demo-resident-45'))
    await town.call('tasks', { action: 'signFor', ticketId: s.ticketId }, 'demo-worker-45')
    const moved = expectOk(
      await town.call(
        'tasks',
        { action: 'transfer', ticketId: s.ticketId, toGridId: 'g46', reason: '水渠在八组的地界' },
        'demo-worker-45',
      ),
    ).ticket
    const last = moved.timeline[moved.timeline.length - 1]
    expect(last.command).toBe('transfer')
    expect(last.note).toMatch(/^转给.+：水渠在八组的地界$/)
    expect(last.note).not.toBe('转给其他网格：水渠在八组的地界')
  })
})
