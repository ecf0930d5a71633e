/**
 * The town's figures, each stated by its definition: which documents it counts and which it does
 * not. The statistics function gives these same filters to the database; here they are read
 * document by document (`matchesFilter`), and the rates' `$group` is run by mingo as a database would.
 */
import { Aggregator } from 'mingo'
import {
  DEFAULT_CAMPAIGN_THEMES,
  DEFAULT_SCORECARD_RULES,
  EMPTY_RATE_COUNTS,
  FIGURES,
  FIGURE_KEYS,
  campaignFilter,
  campaignThemesOf,
  countedFigures,
  dispatchedFilter,
  fieldValue,
  gridServicesOf,
  matchesFilter,
  monthsOf,
  periodBounds,
  periodOpening,
  presetPeriod,
  rateGroupStage,
  ratesFrom,
  scopeConditions,
  scoreCard,
  scorecardRulesOf,
  statsScope,
  statsRequest,
  writeParagraph,
  type Actor,
  type Figures,
  type Filter,
  type Role,
  type StatsScope,
} from '@shared/index'

const YEAR = periodBounds({ from: '2026-01-01', to: '2026-08-31' })
const F = countedFigures(YEAR)
const IN = '2026-05-10T02:00:00.000Z'

const ticket = (over: Record<string, unknown>) => ({
  source: 'resident',
  categoryCode: 'request',
  status: 'closed',
  createdAt: IN,
  resolution: { at: IN },
  ...over,
})

describe('a period is Beijing days, both included', () => {
  it('starts at 00:00 +08:00 on the first day and ends before 00:00 +08:00 after the last', () => {
    expect(YEAR).toEqual({
      from: '2026-01-01',
      to: '2026-08-31',
      fromInstant: '2025-12-31T16:00:00.000Z',
      toInstantExclusive: '2026-08-31T16:00:00.000Z',
    })
  })
  it.each([
    ['month', '2026-08-15', { from: '2026-08-01', to: '2026-08-15' }],
    ['quarter', '2026-08-15', { from: '2026-07-01', to: '2026-08-15' }],
    ['quarter', '2026-03-31', { from: '2026-01-01', to: '2026-03-31' }],
    ['year', '2026-08-15', { from: '2026-01-01', to: '2026-08-15' }],
  ] as const)('the %s to %s is %o', (preset, today, expected) => {
    expect(presetPeriod(preset, today)).toEqual(expected)
  })
  it('names the months it touches, across a new year', () => {
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ])
  })
})

describe('摸排问题: tickets found on patrol, submitted in the period, not rejected', () => {
  it.each([
    ['a patrol ticket submitted in the period', ticket({ source: 'patrol', status: 'inProgress' }), true],
    [
      '…submitted at 00:00 Beijing on 1 January',
      ticket({ source: 'patrol', createdAt: '2025-12-31T16:00:00.000Z' }),
      true,
    ],
    [
      '…submitted at 23:59 Beijing on 31 August',
      ticket({ source: 'patrol', createdAt: '2026-08-31T15:59:59.999Z' }),
      true,
    ],
    [
      '…submitted at 00:00 Beijing on 1 September',
      ticket({ source: 'patrol', createdAt: '2026-08-31T16:00:00.000Z' }),
      false,
    ],
    ['a rejected patrol ticket', ticket({ source: 'patrol', status: 'rejected' }), false],
    ["a resident's ticket", ticket({}), false],
  ])('%s', (_what, doc, counted) => {
    expect(matchesFilter(doc, F.patrolIssues.filter)).toBe(counted)
  })
})

describe('化解矛盾纠纷: dispute tickets resolved in the period and still resolved', () => {
  it.each([
    ['a closed dispute resolved in the period', ticket({ categoryCode: 'dispute' }), true],
    ['a dispute awaiting its rating', ticket({ categoryCode: 'dispute', status: 'resolved' }), true],
    ['a dispute found on patrol', ticket({ categoryCode: 'dispute', source: 'patrol' }), true],
    [
      'a dispute reopened (back in progress)',
      ticket({ categoryCode: 'dispute', status: 'inProgress' }),
      false,
    ],
    [
      'a dispute resolved before the period',
      ticket({ categoryCode: 'dispute', resolution: { at: '2025-12-30T00:00:00.000Z' } }),
      false,
    ],
    ['an open dispute', ticket({ categoryCode: 'dispute', status: 'inProgress', resolution: null }), false],
  ])('%s', (_what, doc, counted) => {
    expect(matchesFilter(doc, F.disputesResolved.filter)).toBe(counted)
  })
})

describe("解决群众诉求: residents', informants' and meetings' tickets resolved in the period, disputes apart", () => {
  it.each([
    ["a resident's request, closed", ticket({}), true],
    ["an informant's 代报, awaiting rating", ticket({ source: 'informant', status: 'resolved' }), true],
    ['a concern raised at a 屋场会', ticket({ source: 'meeting', categoryCode: 'environment' }), true],
    ["a resident's dispute (counted as 化解矛盾纠纷)", ticket({ categoryCode: 'dispute' }), false],
    ['a patrol finding (counted as 摸排问题)', ticket({ source: 'patrol' }), false],
    [
      'a request resolved after the period',
      ticket({ resolution: { at: '2026-09-02T00:00:00.000Z' } }),
      false,
    ],
    ['a rejected request', ticket({ status: 'rejected', resolution: null }), false],
  ])('%s', (_what, doc, counted) => {
    expect(matchesFilter(doc, F.requestsResolved.filter)).toBe(counted)
  })
})

describe('records count by their Beijing date', () => {
  it.each([
    ['微服务', F.microServices.filter, { date: '2026-08-31' }, true],
    ['微服务 on 1 September', F.microServices.filter, { date: '2026-09-01' }, false],
    ['理论宣讲', F.lectures.filter, { kind: 'lecture', date: '2026-01-01' }, true],
    ['a party class is not a lecture', F.lectures.filter, { kind: 'partyClass', date: '2026-03-01' }, false],
    ['屋场党课', F.partyClasses.filter, { kind: 'partyClass', date: '2026-03-01' }, true],
    ['屋场会', F.meetings.filter, { date: '2025-12-31' }, false],
    ['a campaign', campaignFilter(YEAR), { date: '2026-06-01' }, true],
  ])('%s', (_what, filter, doc, counted) => {
    expect(matchesFilter(doc, filter)).toBe(counted)
  })
})

describe('微网格服务', () => {
  it('is the sum of 微服务, 解决群众诉求, 化解矛盾纠纷 and 摸排问题, as the town counts it', () => {
    expect(
      gridServicesOf({ microServices: 768, requestsResolved: 476, disputesResolved: 86, patrolIssues: 95 }),
    ).toBe(1425)
  })
  it('has a one-line definition for every figure', () => {
    for (const k of FIGURE_KEYS) expect(FIGURES[k].definition.length).toBeGreaterThan(5)
  })
})

describe('filters read documents as the database does', () => {
  const f = (op: string, value: unknown): Filter => [{ field: 'a', op, value } as Filter[number]]
  it.each([
    [{ a: 'x' }, f('eq', 'x'), true],
    [{ a: ['x', 'y'] }, f('eq', 'y'), true],
    [{}, f('eq', null), true],
    [{ a: 1 }, f('eq', null), false],
    [{ a: 'x' }, f('ne', 'y'), true],
    [{ a: ['x'] }, f('ne', 'x'), false],
    [{ a: 'x' }, f('ne', null), true],
    [{}, f('ne', null), false],
    [{ a: ['x', 'z'] }, f('in', ['z']), true],
    [{ a: 'x' }, f('nin', ['x']), false],
    [{ a: 'q' }, f('nin', ['x']), true],
    [{ a: 3 }, f('lte', 3), true],
    [{ a: 4 }, f('lte', 3), false],
    [{ a: '3' }, f('gte', 3), false],
    [{ a: 2 }, f('lt', 3), true],
  ])('%o with %o → %s', (doc, filter, expected) => {
    expect(matchesFilter(doc, filter)).toBe(expected)
  })
  it('reads nested fields, and nothing through a missing step', () => {
    expect(fieldValue({ a: { b: 1 } }, 'a.b')).toBe(1)
    expect(fieldValue({ a: null }, 'a.b')).toBeUndefined()
  })
})

const actor = (roles: Role[], villageIds: string[] = [], gridIds: string[] = [], staffId = 'me'): Actor => ({
  kind: 'person',
  openid: 'o',
  staffId,
  roles,
  scope: { townId: 't', villageIds, gridIds },
})

describe('who sees which figures', () => {
  const admin = actor(['admin'])
  const guide = actor(['villageGuide'], ['v1'])
  const supervisor = actor(['townSupervisor'], ['v2'])
  const worker = actor(['gridWorker'], ['v1'], ['g1'])
  it.each([
    ['the admin: the town by default', admin, {}, {}, { level: 'town' }],
    ['the admin: any village', admin, { villageId: 'v9' }, {}, { level: 'village', villageIds: ['v9'] }],
    ['a village guide: their villages by default', guide, {}, {}, { level: 'village', villageIds: ['v1'] }],
    [
      'a village guide: a grid of their village',
      guide,
      { gridId: 'g1' },
      { gridVillageId: 'v1' },
      { level: 'grid', gridIds: ['g1'] },
    ],
    ['a supervisor: their village', supervisor, {}, {}, { level: 'village', villageIds: ['v2'] }],
    ['a town role linked to no village: the town', actor(['townGuide']), {}, {}, { level: 'town' }],
    ['a grid worker: their grid', worker, {}, {}, { level: 'grid', gridIds: ['g1'] }],
    ['anyone: themselves', worker, { staffId: 'me' }, {}, { level: 'person', staffId: 'me' }],
    [
      'a grid worker: an informant of their grid',
      worker,
      { staffId: 'i' },
      { person: { villageIds: ['v1'], gridIds: ['g1'] } },
      { level: 'person', staffId: 'i' },
    ],
    [
      'a guide: a worker of their village',
      guide,
      { staffId: 'w' },
      { person: { villageIds: ['v1'], gridIds: ['g1'] } },
      { level: 'person', staffId: 'w' },
    ],
  ])('%s', (_what, who, req, facts, expected) => {
    const d = statsScope(who, req, facts)
    expect(d.ok && d.scope).toMatchObject(expected)
  })
  it.each([
    ['a village guide: another village', guide, { villageId: 'v2' }, {}],
    ['a village guide: a grid of another village', guide, { gridId: 'g9' }, { gridVillageId: 'v2' }],
    ['a grid worker: their village', worker, { villageId: 'v1' }, {}],
    ['a grid worker: another grid', worker, { gridId: 'g2' }, { gridVillageId: 'v1' }],
    [
      'a grid worker: someone of another grid',
      worker,
      { staffId: 'w2' },
      { person: { villageIds: ['v1'], gridIds: ['g2'] } },
    ],
    [
      'a supervisor: a person of another village',
      supervisor,
      { staffId: 'w' },
      { person: { villageIds: ['v1'], gridIds: [] } },
    ],
    ['a resident', actor(['resident']), {}, {}],
  ])('refused — %s', (_what, who, req, facts) => {
    expect(statsScope(who, req, facts).ok).toBe(false)
  })
  it('names the scope on each collection: campaigns by their lists, a person by the figure’s own field', () => {
    const scope: StatsScope = { level: 'village', villageIds: ['v1'], gridIds: ['g1'], staffId: 's' }
    expect(scopeConditions({ ...scope }, 'campaigns', 'createdBy')).toEqual([
      { field: 'villageIds', op: 'in', value: ['v1'] },
      { field: 'gridIds', op: 'in', value: ['g1'] },
      { field: 'createdBy', op: 'eq', value: 's' },
    ])
    expect(scopeConditions({ ...scope, gridIds: null, staffId: null }, 'tickets', 'assigneeId')).toEqual([
      { field: 'villageId', op: 'in', value: ['v1'] },
    ])
  })
})

describe('三率 over the tickets dispatched in the period', () => {
  const NOW = '2026-09-01T00:00:00.000Z'
  const t = (over: Record<string, unknown>) => ({
    deadlines: {
      dispatchedAt: '2026-05-01T00:00:00.000Z',
      signFor: { dueAt: '2026-05-01T04:00:00.000Z' },
      resolve: { dueAt: '2026-05-04T00:00:00.000Z' },
    },
    signedForAt: null,
    resolution: null,
    rating: null,
    reopenCount: 0,
    ...over,
  })
  const docs = [
    // signed on time, resolved on time in 48 h, rated 5
    t({
      signedForAt: '2026-05-01T01:00:00.000Z',
      resolution: { at: '2026-05-03T00:00:00.000Z' },
      rating: { score: 5 },
    }),
    // signed late, resolved late in 96 h after a reopen, rated 3
    t({
      signedForAt: '2026-05-01T05:00:00.000Z',
      resolution: { at: '2026-05-05T00:00:00.000Z' },
      rating: { score: 3 },
      reopenCount: 1,
    }),
    // never signed and past its sign-for limit
    t({}),
    // not yet due (its limits are after now): in neither denominator
    t({
      deadlines: {
        dispatchedAt: '2026-08-31T15:00:00.000Z',
        signFor: { dueAt: '2026-09-02T00:00:00.000Z' },
        resolve: { dueAt: '2026-09-09T00:00:00.000Z' },
      },
    }),
  ]
  it('counts with one $group and divides', () => {
    const [row] = new Aggregator([{ $group: rateGroupStage(NOW) }]).run(docs) as never[]
    expect(row).toMatchObject({
      dispatched: 4,
      signForDue: 3,
      signedOnTime: 1,
      resolveDue: 3,
      resolvedOnTime: 1,
      resolved: 2,
      reopened: 1,
      resolveMs: 144 * 3_600_000,
      rated: 2,
      satisfied: 1,
    })
    expect(ratesFrom(row)).toEqual({
      signForOnTime: 0.3333,
      resolveOnTime: 0.3333,
      satisfaction: 0.5,
      reopen: 0.5,
      avgResolveHours: 72,
    })
  })
  it('has no rate when there is nothing to count', () => {
    expect(ratesFrom(EMPTY_RATE_COUNTS)).toEqual({
      signForOnTime: null,
      resolveOnTime: null,
      satisfaction: null,
      reopen: null,
      avgResolveHours: null,
    })
  })
  it('takes tickets by their dispatch instant', () => {
    expect(matchesFilter(docs[0], dispatchedFilter(YEAR))).toBe(true)
    expect(matchesFilter({ deadlines: null }, dispatchedFilter(YEAR))).toBe(false)
  })
})

describe('the 今年以来 paragraph', () => {
  const figures: Figures = {
    patrolIssues: 95,
    disputesResolved: 86,
    requestsResolved: 476,
    microServices: 768,
    gridServices: 1425,
    materials: 32678,
    lectures: 98,
    partyClasses: 78,
    meetings: 88,
    campaigns: { drowning: 2, garbage: 3, safety: 4, threeChiefs: 5, antiFraud: 0 },
  }
  it("writes the town's figures in its order and words", () => {
    expect(
      writeParagraph({ period: YEAR, scopeName: '全镇', figures, themes: DEFAULT_CAMPAIGN_THEMES }),
    ).toBe(
      '今年以来，全镇开展防溺水宣传2次、垃圾分类宣传3次、安全生产检查/宣传4次、三长制宣传5次，发放宣传资料32678份；' +
        '摸排问题95个，化解矛盾纠纷86个，解决群众诉求476个，提供“微服务”768件，累计开展微网格服务1425次；' +
        '开展理论宣讲98场、屋场党课78场。',
    )
  })
  it('leaves out campaigns and sessions when there were none', () => {
    const none = { ...figures, campaigns: {}, lectures: 0, partyClasses: 0 }
    expect(
      writeParagraph({
        period: { from: '2026-07-01', to: '2026-07-31' },
        scopeName: '石桥村',
        figures: none,
        themes: DEFAULT_CAMPAIGN_THEMES,
      }),
    ).toBe(
      '2026年7月1日至7月31日，石桥村摸排问题95个，化解矛盾纠纷86个，解决群众诉求476个，提供“微服务”768件，累计开展微网格服务1425次。',
    )
  })
  it.each([
    [{ from: '2026-01-01', to: '2026-08-31' }, '今年以来'],
    [{ from: '2025-12-01', to: '2026-01-31' }, '2025年12月1日至2026年1月31日'],
    [{ from: '2025-01-01', to: '2026-01-31' }, '2025年1月1日至2026年1月31日'],
  ])('opens %o with %s', (p, text) => {
    expect(periodOpening(p)).toBe(text)
  })
})

describe("the town's campaign themes", () => {
  it('are its own list when well formed, else the defaults', () => {
    expect(campaignThemesOf([{ code: 'x', name: '禁毒' }])).toEqual([{ code: 'x', name: '禁毒' }])
    expect(campaignThemesOf([{ code: '', name: '禁毒' }])).toBe(DEFAULT_CAMPAIGN_THEMES)
    expect(campaignThemesOf(undefined)).toBe(DEFAULT_CAMPAIGN_THEMES)
    expect(DEFAULT_CAMPAIGN_THEMES.slice(0, 4).map((t) => t.code)).toEqual([
      'drowning',
      'garbage',
      'safety',
      'threeChiefs',
    ])
  })
})

describe('the stats request', () => {
  const parse = (body: Record<string, unknown>) => statsRequest.safeParse({ action: 'summary', ...body })
  const message = (body: Record<string, unknown>) => {
    const r = parse(body)
    return r.success ? null : r.error.issues[0].message
  }
  it.each([
    [{}, null],
    [{ from: '2026-01-01', to: '2026-08-31' }, null],
    [{ from: '2026-01-01' }, '请同时选择开始和结束日期'],
    [{ to: '2026-01-01' }, '请同时选择开始和结束日期'],
    [{ from: '2026-08-31', to: '2026-01-01' }, '结束日期不能早于开始日期'],
    [{ from: '2020-01-01', to: '2026-01-01' }, '统计周期最长三年'],
    [{ from: '2026-13-01', to: '2026-12-01' }, '开始日期格式应为 YYYY-MM-DD'],
    [{ preset: 'week' }, '统计周期无效'],
  ])('%o → %s', (body, expected) => {
    expect(message(body)).toBe(expected)
  })
})

describe('五员考核 scorecards', () => {
  const rules = DEFAULT_SCORECARD_RULES.gridWorker
  it('scores a rate by its share of the weight and a count against its target, capped', () => {
    const card = scoreCard(rules, {
      signForOnTime: 0.9,
      resolveOnTime: 1,
      satisfaction: 0.5,
      patrols: 2,
      microServices: 20,
    })
    expect(card.items.map((i) => [i.measure, i.points])).toEqual([
      ['signForOnTime', 22.5],
      ['resolveOnTime', 25],
      ['satisfaction', 10],
      ['patrols', 7.5],
      ['microServices', 15],
    ])
    expect(card.total).toBe(80)
    expect(card.items[3].why).toBe('巡查摸排：2 次（4 次满分），得 7.5 分（满分 15）')
    expect(card.items[0].why).toBe('按时签收：90%，得 22.5 分（满分 25）')
  })
  it('gives the full weight of a rate when the month had no ticket, and nothing for no patrol', () => {
    const card = scoreCard(rules, { signForOnTime: null })
    expect(card.items[0]).toMatchObject({ points: 25, why: '按时签收：本月无工单，得 25 分（满分 25）' })
    expect(card.items[3].points).toBe(0)
    expect(card.total).toBe(70)
  })
  it("takes the town's rules when well formed, else the defaults", () => {
    const own = { villageGuide: [{ measure: 'meetings', name: '屋场会', weight: 100, target: 2 }] }
    expect(scorecardRulesOf(own, 'villageGuide')).toEqual(own.villageGuide)
    expect(scorecardRulesOf(own, 'gridWorker')).toBe(DEFAULT_SCORECARD_RULES.gridWorker)
    expect(scorecardRulesOf({ gridWorker: [{ measure: 'nope', name: 'x', weight: 1 }] }, 'gridWorker')).toBe(
      DEFAULT_SCORECARD_RULES.gridWorker,
    )
    expect(
      scoreCard([{ measure: 'meetings', name: '屋场会', weight: 10, target: 0 }], { meetings: 1 }).total,
    ).toBe(10)
  })
  it('weighs each role to 100', () => {
    for (const role of ['gridWorker', 'villageGuide'] as const)
      expect(DEFAULT_SCORECARD_RULES[role].reduce((a, r) => a + r.weight, 0)).toBe(100)
  })
})
