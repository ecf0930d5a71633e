/**
 * `stats` on the demo town (docs/demo-town.md): for 2026-01-01 … 2026-08-31, town-wide, the figures
 * are the ones the town published, counted from the seeded records by the statistics' definitions;
 * scope limits per role; the breakdowns add up to the summary.
 */
import ExcelJS from 'exceljs'
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

describe('stats.export', () => {
  const readBack = async (url: string) => {
    const res = await fetch(url)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    return rows
  }
  const exportOf = async (kind: string, openid = 'demo-admin', body: Record<string, unknown> = {}) =>
    expectOk(await town.call('stats', { action: 'export', kind, ...YEAR, ...body }, openid))

  it('writes the campaign log: one row per campaign and the materials the summary counts', async () => {
    const out = await exportOf('campaigns')
    expect(out.fileID).toMatch(/^cloud:\/\/.+\/exports\/town-qingshan\/campaigns-2026-01-01-2026-08-31-/)
    expect(out.fileName).toBe('全镇宣传活动台账（2026-01-01 至 2026-08-31）.xlsx')
    const rows = await readBack(out.tempFileURL)
    expect(rows[0][0]).toBe('全镇宣传活动台账（2026-01-01 至 2026-08-31）')
    expect(rows[1]).toEqual(['日期', '主题', '范围', '网格数', '发放资料（份）', '说明', '登记人'])
    const body = rows.slice(2, -1)
    expect(body).toHaveLength(14)
    expect(out.rows).toBe(14)
    expect(body.reduce((a, r) => a + Number(r[4]), 0)).toBe(32678)
    expect(rows[rows.length - 1][0]).toBe('合计')
    expect(rows[rows.length - 1][4]).toBe(32678)
    expect(body.filter((r) => r[1] === '三长制')).toHaveLength(5)
  })

  it('writes the 屋场会 book of a village guide’s village, as many rows as meetings counted', async () => {
    const figures = expectOk(await summary('demo-village-guide-1')).figures
    const out = await exportOf('meetings', 'demo-village-guide-1')
    const rows = await readBack(out.tempFileURL)
    expect(rows[0][0]).toBe('石桥村屋场会记录本（2026-01-01 至 2026-08-31）')
    expect(rows.slice(2, -1)).toHaveLength(figures.meetings)
    expect(rows.slice(2, -1).every((r) => String(r[1]).startsWith('石桥村'))).toBe(true)
  })

  it('writes the 民情台账 of a village: a row per ticket, patrol findings as many as 摸排问题, names masked', async () => {
    const figures = expectOk(await summary('demo-admin', { villageId: 'v04' })).figures
    const out = await exportOf('ledger', 'demo-admin', { villageId: 'v04' })
    const rows = await readBack(out.tempFileURL)
    expect(rows[1]).toEqual([
      '编号',
      '登记时间',
      '村组',
      '来源',
      '反映人',
      '类别',
      '问题描述',
      '办理人',
      '状态',
      '按时签收',
      '按时办结',
      '办理结果',
      '评价',
    ])
    const body = rows.slice(2)
    expect(body.length).toBe(out.rows)
    expect(body.filter((r) => r[3] === '巡查发现')).toHaveLength(figures.patrolIssues)
    expect(body.every((r) => String(r[2]).startsWith('荷塘村'))).toBe(true)
    const named = body.filter((r) => r[3] === '信息员代报').map((r) => String(r[4]))
    expect(named.length).toBeGreaterThan(0)
    for (const n of named) expect(n).toMatch(/^.\*+$/)
  })

  it('writes the 考核 sheet: a row per person, in rank order, totals as the scorecards give them', async () => {
    const cards = expectOk(
      await town.call('stats', { action: 'scorecards', month: '2026-03', role: 'gridWorker' }, 'demo-admin'),
    )
    const out = await exportOf('scorecards', 'demo-admin', { month: '2026-03', role: 'gridWorker' })
    const rows = await readBack(out.tempFileURL)
    expect(rows[0][0]).toBe('全镇网格工作员考核表（2026-03）')
    expect(rows[1]).toEqual([
      '名次',
      '姓名',
      '负责',
      '按时签收（25分）',
      '按时办结（25分）',
      '群众满意（20分）',
      '巡查摸排（15分）',
      '微服务（15分）',
      '总分',
    ])
    const body = rows.slice(2)
    expect(body).toHaveLength(69)
    expect(body.map((r) => r[8])).toEqual(cards.rows.map((r: { total: number }) => r.total))
    const missing = await town.call('stats', { action: 'export', kind: 'scorecards', ...YEAR }, 'demo-admin')
    expect(!missing.ok && missing.error.code).toBe('INVALID_INPUT')
  })

  it("refuses a grid worker the village's ledger", async () => {
    const r = await town.call(
      'stats',
      { action: 'export', kind: 'ledger', ...YEAR, villageId: 'v01' },
      'demo-worker-2',
    )
    expect(!r.ok && r.error.code).toBe('FORBIDDEN')
  })
})

describe('stats.scorecards (五员考核)', () => {
  type Row = {
    rank: number
    staffId: string
    total: number
    place: string
    items: Array<{ measure: string; points: number; weight: number; value: number | null; why: string }>
  }
  it("ranks the town's grid workers for a month, each score the sum of its rules' points", async () => {
    const r = await town.call(
      'stats',
      { action: 'scorecards', month: '2026-03', role: 'gridWorker' },
      'demo-admin',
    )
    const data = expectOk(r)
    expect(data.rules.map((x: { measure: string }) => x.measure)).toEqual([
      'signForOnTime',
      'resolveOnTime',
      'satisfaction',
      'patrols',
      'microServices',
    ])
    const rows: Row[] = data.rows
    expect(rows).toHaveLength(69)
    expect(rows[0].rank).toBe(1)
    for (let i = 1; i < rows.length; i++) expect(rows[i].total).toBeLessThanOrEqual(rows[i - 1].total)
    for (const row of rows) {
      const sum = row.items.reduce((a, i) => a + i.points, 0)
      expect(Math.abs(sum - row.total)).toBeLessThan(0.05)
      for (const item of row.items) expect(item.points).toBeLessThanOrEqual(item.weight)
    }
    const w20 = rows.find((x) => x.staffId === 'st-worker-20')!
    const patrols = expectOk(
      await town.call(
        'records',
        { action: 'list', kind: 'patrols', from: '2026-03-01', to: '2026-03-31', pageSize: 50 },
        'demo-worker-20',
      ),
    ).items.length
    expect(w20.items.find((i) => i.measure === 'patrols')?.value).toBe(patrols)
    console.log(`stats.scorecards: ${r.ops} db ops`)
  })

  it("gives a village guide their own village's guides, the meeting they held scored", async () => {
    const data = expectOk(
      await town.call(
        'stats',
        { action: 'scorecards', month: '2026-03', role: 'villageGuide' },
        'demo-village-guide-1',
      ),
    )
    expect(data.rows).toHaveLength(7)
    const host = data.rows.find((x: Row) => x.staffId === 'st-village-guide-1') as Row
    expect(host.items.find((i) => i.measure === 'meetings')).toMatchObject({ value: 1, points: 40 })
    const refused = await town.call(
      'stats',
      { action: 'scorecards', month: '2026-03', role: 'villageGuide', villageId: 'v02' },
      'demo-village-guide-1',
    )
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN')
  })
})
