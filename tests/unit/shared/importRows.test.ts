import type { ImportCells } from '@shared/roster/importColumns'
import { checkHeaders, planImport, type ImportTown, type RosterEntrySummary } from '@shared/roster/importRows'

/** 石桥村 (一组 held by st-1, 二组 vacant) and 枫林村 (一组 vacant). */
const town = (): ImportTown => ({
  villages: [
    { _id: 'v01', name: '石桥村' },
    { _id: 'v02', name: '枫林村' },
  ],
  grids: [
    { _id: 'g01', villageId: 'v01', name: '一组', workerId: 'st-1' },
    { _id: 'g02', villageId: 'v01', name: '二组', workerId: null },
    { _id: 'g03', villageId: 'v02', name: '一组', workerId: null },
  ],
  existingByPhone: new Map(),
})
const withExisting = (phone: string, entry: RosterEntrySummary): ImportTown => ({
  ...town(),
  existingByPhone: new Map([[phone, entry]]),
})

/** A good row: a grid worker for the vacant 石桥村二组. */
const cells = (over: Partial<ImportCells> = {}): ImportCells => ({
  name: '王建国',
  phone: '13900000001',
  roles: '网格工作员',
  village: '石桥村',
  grid: '二组',
  slot: '',
  ...over,
})
const one = (over: Partial<ImportCells>, t: ImportTown = town()) =>
  planImport([{ row: 2, cells: cells(over) }], t)
const problemsOf = (over: Partial<ImportCells>, t: ImportTown = town()) => {
  const plan = one(over, t)
  if (plan.ok) throw new Error('expected problems')
  return plan.problems.map((p) => [p.path, p.message])
}

describe('checkHeaders', () => {
  it('returns no problem when the headers are the template’s, in order', () => {
    expect(
      checkHeaders(['姓名', '手机号', '角色', '村（社区）', '网格（组）', '该网格已有工作员时']),
    ).toEqual([])
  })
  it('returns no problem when a header has spaces around it', () => {
    expect(
      checkHeaders([' 姓名 ', '手机号', '角色', '村（社区）', '网格（组）', '该网格已有工作员时']),
    ).toEqual([])
  })
  it('names each wrong or missing column by its position and expected header', () => {
    expect(checkHeaders(['姓名', '电话', '角色', '村（社区）'])).toEqual([
      { path: '第1行·第2列', row: 1, column: '手机号', message: '表头应为“手机号”，请使用下载的模板' },
      {
        path: '第1行·第5列',
        row: 1,
        column: '网格（组）',
        message: '表头应为“网格（组）”，请使用下载的模板',
      },
      {
        path: '第1行·第6列',
        row: 1,
        column: '该网格已有工作员时',
        message: '表头应为“该网格已有工作员时”，请使用下载的模板',
      },
    ])
  })
})

describe('planImport: a good row', () => {
  it('plans a new grid worker in a vacant grid, without a slot', () => {
    expect(one({})).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          kind: 'create',
          name: '王建国',
          phone: '13900000001',
          roles: ['gridWorker'],
          villageIds: ['v01'],
          gridIds: ['g02'],
        },
      ],
    })
  })
  it('reads a phone written with spaces or dashes, and a grid written with its village’s name', () => {
    const plan = one({ phone: '139 0000-0001', grid: '石桥村二组' })
    expect(plan).toMatchObject({ ok: true, rows: [{ phone: '13900000001', gridIds: ['g02'] }] })
  })
  it('plans a worker and an informant of the same grid when both roles are on one row', () => {
    const plan = one({ roles: '网格工作员、网格信息员、网格工作员' })
    expect(plan).toMatchObject({ ok: true, rows: [{ roles: ['gridWorker', 'informant'] }] })
  })
  it('plans a village guide of several villages, with no grid', () => {
    const plan = one({ roles: '村级指导员', village: '石桥村，枫林村', grid: '' })
    expect(plan).toMatchObject({
      ok: true,
      rows: [{ roles: ['villageGuide'], villageIds: ['v01', 'v02'], gridIds: [] }],
    })
  })
  it('plans the grid office for the whole town: no village needed, places written are ignored', () => {
    const plan = one({ roles: '镇网格办', village: '石桥村', grid: '一组' })
    expect(plan).toMatchObject({ ok: true, rows: [{ roles: ['admin'], villageIds: [], gridIds: [] }] })
  })
  it('plans a town supervisor (联村) for the villages written', () => {
    expect(one({ roles: '镇级督导员', village: '枫林村', grid: '' })).toMatchObject({
      ok: true,
      rows: [{ roles: ['townSupervisor'], villageIds: ['v02'], gridIds: [] }],
    })
  })
})

describe('planImport: a bad row is named by row, column and what is wrong', () => {
  // prettier-ignore
  it.each([
    ['no name',                { name: '  ' },                     '第2行·姓名', '请填写姓名'],
    ['a name over 20 characters', { name: '王'.repeat(21) },        '第2行·姓名', '姓名不能超过 20 个字'],
    ['digits in the name',     { name: '王建国2' },                  '第2行·姓名', '姓名只能包含汉字、字母和间隔号'],
    ['no phone',               { phone: '' },                      '第2行·手机号', '请填写手机号'],
    ['a 10-digit phone',       { phone: ' 1390000000 ' },          '第2行·手机号', '“1390000000”不是 11 位手机号'],
    ['a landline',             { phone: '07318888888' },           '第2行·手机号', '“07318888888”不是 11 位手机号'],
    ['no role',                { roles: '' },                      '第2行·角色', '请填写角色'],
    ['an unknown role',        { roles: '网格工作员、组长' },          '第2行·角色', '“组长”不是角色，可填：网格信息员、网格工作员、村级指导员、镇级指导员、镇级督导员、镇网格办'],
    ['a grid and a village role together', { roles: '网格工作员、村级指导员' }, '第2行·角色', '网格角色和村级、镇级角色请分两行填写'],
    ['no village for a grid role', { village: '' },                '第2行·村（社区）', '请填写村（社区）'],
    ['no village for a village guide', { roles: '村级指导员', village: '', grid: '' }, '第2行·村（社区）', '请填写村（社区）'],
    ['no village for a town supervisor', { roles: '镇级督导员', village: '', grid: '' }, '第2行·村（社区）', '请填写村（社区）'],
    ['an unknown village',     { village: '石桥村、桃园村' },          '第2行·村（社区）', '没有“桃园村”，请按模板中的村名填写（见表头“村（社区）”的批注）'],
    ['two villages for a grid worker', { village: '石桥村、枫林村' },  '第2行·村（社区）', '网格工作员和信息员只能填一个村'],
    ['no grid for a grid role', { grid: ' ' },                     '第2行·网格（组）', '请填写网格（组）'],
    ['two grids on one row',   { grid: '一组、二组' },                '第2行·网格（组）', '每行只能填一个网格'],
    ['a grid the village does not have', { grid: '三组' },          '第2行·网格（组）', '石桥村没有“三组”'],
    ['another village’s grid name', { village: '枫林村', grid: '二组' }, '第2行·网格（组）', '枫林村没有“二组”'],
    ['a grid for a village guide', { roles: '村级指导员', grid: '二组' }, '第2行·网格（组）', '只有网格工作员和网格信息员填写网格'],
    ['an unknown slot word',   { slot: '加' },                      '第2行·该网格已有工作员时', '只能填“增加”或“替换”，或不填'],
    ['no slot for a grid whose post is held', { grid: '一组' },     '第2行·该网格已有工作员时', '石桥村一组已有网格工作员，请填“增加”或“替换”'],
    ['no slot for a held grid written with its village', { grid: '石桥村一组' }, '第2行·该网格已有工作员时', '石桥村一组已有网格工作员，请填“增加”或“替换”'],
  ] as [string, Partial<ImportCells>, string, string][])('refuses %s', (_what, over, path, message) => {
    expect(problemsOf(over)).toEqual([[path, message]])
  })

  it('refuses words that only look like roles or slots to a JavaScript object (toString, constructor)', () => {
    expect(problemsOf({ roles: 'toString' })).toEqual([
      [
        '第2行·角色',
        '“toString”不是角色，可填：网格信息员、网格工作员、村级指导员、镇级指导员、镇级督导员、镇网格办',
      ],
    ])
    expect(problemsOf({ slot: 'constructor' })).toEqual([
      ['第2行·该网格已有工作员时', '只能填“增加”或“替换”，或不填'],
    ])
  })

  it('reports every problem of a row at once, and checks the grid only once the rest is right', () => {
    expect(problemsOf({ name: '', phone: '123', grid: '九组', slot: '换' })).toEqual([
      ['第2行·姓名', '请填写姓名'],
      ['第2行·手机号', '“123”不是 11 位手机号'],
      ['第2行·该网格已有工作员时', '只能填“增加”或“替换”，或不填'],
    ])
  })

  it('gives the problem of a file over 2000 rows to the file as a whole, checking no row', () => {
    const rows = Array.from({ length: 2001 }, (_, i) => ({ row: i + 2, cells: cells({ name: '' }) }))
    expect(planImport(rows, town())).toEqual({
      ok: false,
      problems: [{ path: '第1行', row: 1, column: '', message: '一次最多导入 2000 行，请分成几个文件' }],
    })
  })
})

describe('planImport: rows of one file together', () => {
  it('refuses the second row with a phone already in the file, naming the first', () => {
    const plan = planImport(
      [
        { row: 2, cells: cells({ roles: '村级指导员', grid: '' }) },
        { row: 3, cells: cells({ name: '李四', roles: '镇网格办', village: '', grid: '' }) },
      ],
      town(),
    )
    expect(plan).toEqual({
      ok: false,
      problems: [{ path: '第3行·手机号', row: 3, column: '手机号', message: '与第2行的手机号重复' }],
    })
  })
  it('gives a vacant post to the first row, so the next worker of that grid must say 增加 or 替换', () => {
    const second = { row: 3, cells: cells({ name: '李四', phone: '13900000002' }) }
    expect(planImport([{ row: 2, cells: cells() }, second], town())).toMatchObject({
      ok: false,
      problems: [
        { path: '第3行·该网格已有工作员时', message: '石桥村二组已有网格工作员，请填“增加”或“替换”' },
      ],
    })
    const replacing = { ...second, cells: { ...second.cells, slot: '替换' } }
    const third = { row: 4, cells: cells({ name: '赵六', phone: '13900000003', slot: '增加' }) }
    expect(planImport([{ row: 2, cells: cells() }, replacing, third], town())).toMatchObject({
      ok: true,
      rows: [{ row: 2 }, { row: 3, slot: 'replace' }, { row: 4, slot: 'second' }],
    })
  })
  it('plans an informant for a grid whose post is held without asking for a slot', () => {
    expect(one({ roles: '网格信息员', grid: '一组' })).toMatchObject({
      ok: true,
      rows: [{ kind: 'create', roles: ['informant'], gridIds: ['g01'] }],
    })
  })
  it('plans nothing when any row has a problem (all or nothing)', () => {
    const plan = planImport(
      [
        { row: 2, cells: cells() },
        { row: 3, cells: cells({ name: '李四', phone: '13900000002', roles: '队长' }) },
      ],
      town(),
    )
    expect(plan.ok).toBe(false)
    expect('rows' in plan).toBe(false)
  })
})

describe('planImport: people already on the roster (matched by phone)', () => {
  const entry: RosterEntrySummary = {
    _id: 'st-9',
    name: '王建国',
    roles: ['gridWorker'],
    villageIds: ['v01'],
    gridIds: ['g02'],
    active: true,
  }
  it('leaves a person unchanged when the file says what the roster says (a re-import changes nothing)', () => {
    expect(one({ phone: '139-0000-0001' }, withExisting('13900000001', entry))).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          kind: 'unchanged',
          name: '王建国',
          phone: '13900000001',
          roles: ['gridWorker'],
          villageIds: ['v01'],
          gridIds: ['g02'],
        },
      ],
    })
  })
  it('does not ask for a slot for a worker already holding the post', () => {
    const holder = withExisting('13900000001', { ...entry, gridIds: ['g01'] })
    expect(one({ grid: '一组' }, holder)).toMatchObject({ ok: true, rows: [{ kind: 'unchanged' }] })
  })
  // prettier-ignore
  it.each([
    ['another name',    { name: '王建军' },                             '王建军'],
    ['other roles',     { roles: ['gridWorker', 'informant'] },        '王建国'],
    ['another grid',    { gridIds: ['g01'] },                          '王建国'],
    ['another village', { villageIds: ['v02'], gridIds: ['g03'] },     '王建国'],
  ] as [string, Partial<RosterEntrySummary>, string][])('refuses a person whose roster entry has %s: changes go through the roster’s edit screen', (_what, over, name) => {
    expect(problemsOf({}, withExisting('13900000001', { ...entry, ...over }))).toEqual([
      ['第2行·手机号', `手机号已在花名册中（${name}），内容不一致；修改请在花名册中编辑`],
    ])
  })
  it('refuses a deactivated person: they are re-enabled on the roster, not imported again', () => {
    expect(problemsOf({}, withExisting('13900000001', { ...entry, active: false }))).toEqual([
      ['第2行·手机号', '王建国（13900000001）已停用，请在花名册中重新启用'],
    ])
  })
})
