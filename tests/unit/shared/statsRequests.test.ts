import { statsRequest } from '@shared/schemas/statsFunction'

const issues = (input: unknown) => {
  const r = statsRequest.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('the period of a stats request', () => {
  it('accepts a period of exactly three years, both days included', () => {
    expect(issues({ action: 'summary', from: '2023-01-01', to: '2025-12-31' })).toEqual([])
  })
  it('accepts no period (the year to date) and a preset', () => {
    expect(issues({ action: 'summary' })).toEqual([])
    expect(issues({ action: 'breakdown', by: 'month', preset: 'quarter' })).toEqual([])
  })
  // prettier-ignore
  it.each([
    ['a start without an end',      { from: '2025-01-01' },                      [['to', '请同时选择开始和结束日期']]],
    ['an end without a start',      { to: '2025-01-31' },                        [['from', '请同时选择开始和结束日期']]],
    ['an end before the start',     { from: '2025-02-01', to: '2025-01-31' },    [['to', '结束日期不能早于开始日期']]],
    ['more than three years',       { from: '2022-01-01', to: '2025-01-05' },    [['to', '统计周期最长三年']]],
    ['a month 13', { from: '2025-01-01', to: '2025-13-01' }, [['to', '结束日期格式应为 YYYY-MM-DD']]],
  ])('refuses %s', (_what, period, expected) => {
    expect(issues({ action: 'summary', ...period })).toEqual(expected)
  })
})

describe('an export request', () => {
  it('accepts the 考核 sheet with its month and role', () => {
    expect(issues({ action: 'export', kind: 'scorecards', month: '2025-03', role: 'gridWorker' })).toEqual([])
  })
  it('asks the 考核 sheet for its month and whose scorecards, both at once', () => {
    expect(issues({ action: 'export', kind: 'scorecards' })).toEqual([
      ['month', '请选择月份'],
      ['role', '请选择考核对象'],
    ])
  })
  it('asks no month or role of the other books', () => {
    expect(issues({ action: 'export', kind: 'ledger', from: '2025-01-01', to: '2025-03-31' })).toEqual([])
  })
  it('refuses an unknown kind and an unknown action', () => {
    expect(issues({ action: 'export', kind: 'photos' })).toEqual([['kind', '导出类型无效']])
    expect(issues({ action: 'delete' })).toEqual([['action', '不支持的操作']])
  })
})
