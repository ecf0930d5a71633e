/**
 * `records` on the demo town: each field-work log is written once per request id, only in the
 * caller's places, and moves its statistic by exactly one; a concern raised at a 屋场会 becomes a
 * routed ticket (source `meeting`) listed on the meeting; patrols read back with monthly coverage.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const YEAR = { from: '2026-01-01', to: '2026-08-31' }
const figures = async (openid = 'demo-admin', body: Record<string, unknown> = {}) =>
  expectOk(await town.call('stats', { action: 'summary', ...YEAR, ...body }, openid)).figures
const records = (body: Record<string, unknown>, openid: string) => town.call('records', body, openid)

describe('field-work logs', () => {
  it('a 微服务 in three fields, once per request id, counts one more 微服务 and 微网格服务', async () => {
    const before = await figures()
    const body = {
      action: 'logMicroService',
      clientRequestId: requestId(),
      gridId: 'g20',
      kind: 'errand',
      date: '2026-08-20',
    }
    const first = expectOk(await records(body, 'demo-worker-20'))
    const again = expectOk(await records(body, 'demo-worker-20'))
    expect(first.created).toBe(true)
    expect(again).toEqual({ recordId: first.recordId, created: false })
    const after = await figures()
    expect(after.microServices).toBe(before.microServices + 1)
    expect(after.gridServices).toBe(before.gridServices + 1)
    expect(after.patrolIssues).toBe(before.patrolIssues)
    const doc = (await town.db.collection('microServices').doc(first.recordId).get()).data
    expect(doc).toMatchObject({
      createdBy: 'st-worker-20',
      gridId: 'g20',
      villageId: 'v04',
      date: '2026-08-20',
    })
    expect(doc.createdAt).toEqual(expect.any(String))
  })

  it('a campaign counts under its theme with its materials; a lecture and a party class count once each', async () => {
    const before = await figures()
    expectOk(
      await records(
        {
          action: 'logCampaign',
          clientRequestId: requestId(),
          theme: 'drowning',
          date: '2026-07-10',
          gridIds: ['g01', 'g02'],
          materials: 120,
        },
        'demo-village-guide-1',
      ),
    )
    for (const kind of ['lecture', 'partyClass'])
      expectOk(
        await records(
          {
            action: 'logSession',
            clientRequestId: requestId(),
            kind,
            date: '2026-06-01',
            villageId: 'v01',
            place: '石桥村村部',
            speaker: '王建国',
            attendance: 30,
          },
          'demo-village-guide-1',
        ),
      )
    const after = await figures()
    expect(after.campaigns.drowning).toBe(before.campaigns.drowning + 1)
    expect(after.materials).toBe(before.materials + 120)
    expect(after.lectures).toBe(before.lectures + 1)
    expect(after.partyClasses).toBe(before.partyClasses + 1)
  })

  it('refuses places outside the caller, unknown themes, future dates and non-staff, writing nothing', async () => {
    const before = await town.count('campaigns')
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { action: 'logMicroService', clientRequestId: requestId(), gridId: 'g03', kind: 'proxy' },
        'demo-worker-2',
        'FORBIDDEN',
      ],
      [
        {
          action: 'logCampaign',
          clientRequestId: requestId(),
          theme: 'drowning',
          date: '2026-07-10',
          gridIds: ['g01', 'g07'],
          materials: 1,
        },
        'demo-village-guide-1',
        'FORBIDDEN',
      ],
      [
        {
          action: 'logCampaign',
          clientRequestId: requestId(),
          theme: 'nope',
          date: '2026-07-10',
          gridIds: ['g01'],
          materials: 1,
        },
        'demo-village-guide-1',
        'INVALID_INPUT',
      ],
      [
        {
          action: 'logCampaign',
          clientRequestId: requestId(),
          theme: 'garbage',
          date: '2099-01-01',
          gridIds: ['g01'],
          materials: 1,
        },
        'demo-village-guide-1',
        'INVALID_INPUT',
      ],
      [
        {
          action: 'logCampaign',
          clientRequestId: requestId(),
          theme: 'garbage',
          date: '2026-07-10',
          gridIds: ['g01'],
          materials: -1,
        },
        'demo-village-guide-1',
        'INVALID_INPUT',
      ],
      [
        { action: 'logMicroService', clientRequestId: requestId(), gridId: 'g01', kind: 'proxy' },
        'demo-resident-1',
        'FORBIDDEN',
      ],
      [
        { action: 'logMicroService', clientRequestId: requestId(), gridId: 'g99', kind: 'proxy' },
        'demo-admin',
        'NOT_FOUND',
      ],
    ]
    for (const [body, openid, code] of cases) {
      const r = await records(body, openid)
      expect(r.ok ? 'ok' : r.error.code).toBe(code)
    }
    expect(await town.count('campaigns')).toBe(before)
  })
})

describe('屋场会', () => {
  it('logs a meeting, and a concern raised there becomes a routed ticket on the meeting, once', async () => {
    const meeting = expectOk(
      await records(
        {
          action: 'logMeeting',
          clientRequestId: requestId(),
          gridId: 'g01',
          date: '2026-08-28',
          host: '李秀英',
          attendance: 23,
          attendees: ['张三', '李四'],
          topics: ['秸秆禁烧', '道路维修'],
        },
        'demo-village-guide-1',
      ),
    )
    const body = {
      action: 'raiseConcern',
      clientRequestId: requestId(),
      meetingId: meeting.recordId,
      categoryCode: 'request',
      description: '二组机耕道塌了一段，希望尽快修复',
      residentName: '张三',
    }
    const raised = expectOk(await records(body, 'demo-village-guide-1'))
    expect(raised.created).toBe(true)
    expect(expectOk(await records(body, 'demo-village-guide-1'))).toMatchObject({
      ticketId: raised.ticketId,
      created: false,
    })
    const ticket = (await town.db.collection('tickets').doc(raised.ticketId).get()).data
    expect(ticket).toMatchObject({
      source: 'meeting',
      gridId: 'g01',
      status: 'pendingSignFor',
      assigneeId: 'st-worker-1',
      onBehalfOf: { name: '张三' },
      reporter: { staffId: 'st-village-guide-1', role: 'villageGuide' },
    })
    const stored = (await town.db.collection('meetings').doc(meeting.recordId).get()).data
    expect(stored.tickets).toEqual([{ ticketId: raised.ticketId, number: raised.ticketNumber }])
    const listed = expectOk(
      await records(
        { action: 'list', kind: 'meetings', gridId: 'g01', from: '2026-08-01', to: '2026-08-31' },
        'demo-village-guide-1',
      ),
    )
    expect(listed.items[0]).toMatchObject({
      _id: meeting.recordId,
      title: '秸秆禁烧、道路维修',
      ticketNumbers: [raised.ticketNumber],
      placeName: '石桥村一组',
    })
  })

  it("refuses a concern on another village's meeting", async () => {
    const meeting = expectOk(
      await records(
        {
          action: 'logMeeting',
          clientRequestId: requestId(),
          gridId: 'g01',
          date: '2026-08-28',
          host: '李秀英',
          attendance: 5,
          topics: ['议题'],
        },
        'demo-village-guide-1',
      ),
    )
    const r = await records(
      {
        action: 'raiseConcern',
        clientRequestId: requestId(),
        meetingId: meeting.recordId,
        categoryCode: 'request',
        description: '不是本村的人来登记',
      },
      'demo-village-guide-8',
    )
    expect(!r.ok && r.error.code).toBe('FORBIDDEN')
  })
})

describe('patrols read back', () => {
  it('lists a grid worker’s patrols and gives the month’s coverage', async () => {
    const page = expectOk(
      await records({ action: 'list', kind: 'patrols', ...YEAR, pageSize: 50 }, 'demo-worker-20'),
    )
    expect(page.items.length).toBeGreaterThan(0)
    expect(new Set(page.items.map((r: { gridId: string }) => r.gridId))).toEqual(new Set(['g20']))
    const cov = expectOk(await records({ action: 'patrolCoverage', month: '2026-03' }, 'demo-admin'))
    expect(cov.grids).toBe(69)
    expect(cov.villages).toHaveLength(11)
    expect(cov.patrolled).toBe(
      cov.villages.reduce((a: number, v: { patrolled: number }) => a + v.patrolled, 0),
    )
    expect(cov.rate).toBeGreaterThan(0.8)
    const mine = expectOk(
      await records({ action: 'patrolCoverage', month: '2026-03' }, 'demo-village-guide-1'),
    )
    expect(mine.grids).toBe(6)
  })
})
