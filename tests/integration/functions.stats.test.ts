/**
 * `stats` on the demo town (docs/demo-town.md): for 2026-01-01 … 2026-08-31, town-wide, the figures
 * are the ones the town published, counted from the seeded records by the statistics' definitions;
 * scope limits per role; the breakdowns add up to the summary.
 */
import { expectOk, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const YEAR = { from: '2026-01-01', to: '2026-08-31' }
const summary = (openid: string, body: Record<string, unknown> = {}) =>
  town.call('stats', { action: 'summary', ...YEAR, ...body }, openid)

describe('stats.summary', () => {
  it("answers the town's published figures for its year, as the contract names them", async () => {
    const r = await summary('demo-admin')
    const data = expectOk(r)
    expect(data.figures).toEqual({
      patrolIssues: 95,
      disputesResolved: 86,
      requestsResolved: 476,
      microServices: 768,
      gridServices: 1425,
      materials: 32678,
      lectures: 98,
      partyClasses: 78,
      meetings: 88,
      campaigns: { drowning: 2, garbage: 3, safety: 4, threeChiefs: 5, antiFraud: 0, fire: 0 },
    })
    for (const k of ['signForOnTime', 'resolveOnTime', 'satisfaction', 'reopen'])
      expect(data.rates[k]).toEqual(expect.any(Number))
    expect(data.rates.signForOnTime).toBeGreaterThan(0.8)
    expect(data.rates.signForOnTime).toBeLessThan(1)
    expect(data.rates.reopen).toBeLessThan(0.1)
    expect(data.rates.avgResolveHours).toBeGreaterThan(0)
    expect(data.paragraph).toBe(
      '今年以来，全镇开展防溺水宣传2次、垃圾分类宣传3次、安全生产检查/宣传4次、三长制宣传5次，发放宣传资料32678份；' +
        '摸排问题95个，化解矛盾纠纷86个，解决群众诉求476个，提供“微服务”768件，累计开展微网格服务1425次；' +
        '开展理论宣讲98场、屋场党课78场。',
    )
    expect(data.scope).toMatchObject({ level: 'town', name: '全镇' })
    expect(data.definitions.map((d: { key: string }) => d.key)).toContain('gridServices')
    console.log(`stats.summary: ${r.ops} db ops`)
  })

  it('counts nothing outside the period: the day before and the day after are empty of the year', async () => {
    const data = expectOk(await summary('demo-admin', { from: '2025-12-01', to: '2025-12-31' }))
    expect(data.figures.microServices).toBe(0)
    expect(data.figures.patrolIssues).toBe(0)
    expect(data.paragraph.startsWith('2025年12月1日至12月31日，全镇')).toBe(true)
  })

  it('limits a village guide to their village and a grid worker to their grid', async () => {
    const guide = expectOk(await summary('demo-village-guide-1'))
    expect(guide.scope).toMatchObject({ level: 'village', villageIds: ['v01'], name: '石桥村' })
    const own = expectOk(await summary('demo-admin', { villageId: 'v01' }))
    expect(guide.figures).toEqual(own.figures)
    expect(guide.figures.microServices).toBeLessThan(768)

    const refused = await summary('demo-village-guide-1', { villageId: 'v02' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN')
    expect((await summary('demo-worker-2', { gridId: 'g03' })).ok).toBe(false)
    const grid = expectOk(await summary('demo-worker-2'))
    expect(grid.scope).toMatchObject({ level: 'grid', gridIds: ['g02'], name: '石桥村二组' })
    expect(expectOk(await summary('demo-village-guide-1', { gridId: 'g02' })).figures).toEqual(grid.figures)
    const supervisor = expectOk(await summary('demo-supervisor-1'))
    expect(supervisor.figures).toEqual(own.figures)
  })

  it("gives a person's own work, and refuses someone else's outside the caller's scope", async () => {
    const self = expectOk(await summary('demo-worker-20', { staffId: 'st-worker-20' }))
    expect(self.scope).toMatchObject({ level: 'person', staffId: 'st-worker-20' })
    expect((await summary('demo-worker-20', { staffId: 'st-worker-21' })).ok).toBe(false)
    expect(expectOk(await summary('demo-admin', { staffId: 'st-worker-20' })).figures).toEqual(self.figures)
  })

  it('refuses residents, unknown places and bad periods', async () => {
    const resident = await summary('demo-resident-1')
    expect(resident.ok).toBe(false)
    const unknown = await summary('demo-admin', { villageId: 'v99' })
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND')
    const backwards = await summary('demo-admin', { from: '2026-08-31', to: '2026-01-01' })
    expect(!backwards.ok && backwards.error.code).toBe('INVALID_INPUT')
    const half = await town.call('stats', { action: 'summary', from: '2026-01-01' }, 'demo-admin')
    expect(!half.ok && half.error.code).toBe('INVALID_INPUT')
  })
})

describe('stats.breakdown', () => {
  it('splits the year by month and by village, adding up to the summary', async () => {
    const months = expectOk(
      await town.call('stats', { action: 'breakdown', by: 'month', ...YEAR }, 'demo-admin'),
    )
    expect(months.rows.map((r: { key: string }) => r.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ])
    const sum = (rows: Array<Record<string, number>>, k: string) => rows.reduce((a, r) => a + r[k], 0)
    expect(sum(months.rows, 'gridServices')).toBe(1425)
    expect(sum(months.rows, 'patrolIssues')).toBe(95)
    const villages = expectOk(
      await town.call('stats', { action: 'breakdown', by: 'village', ...YEAR }, 'demo-admin'),
    )
    expect(villages.rows).toHaveLength(11)
    expect(sum(villages.rows, 'requestsResolved')).toBe(476)
    expect(sum(villages.rows, 'microServices')).toBe(768)
  })
})
