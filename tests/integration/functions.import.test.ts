/**
 * The roster import on a real local cloud (demo town): the template, a file with twenty kinds of
 * bad rows refused as a whole with each problem named (nothing written), a 950-row roster imported
 * in one call with its invite codes (also as a spreadsheet), and the same file again changing nothing.
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

const ADMIN = 'demo-admin'
const HEADERS = ['姓名', '手机号', '角色', '村（社区）', '网格（组）', '该网格已有工作员时']
type Line = [string, string, string, string, string, string?]

async function sheet(lines: Line[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow(headers)
  for (const l of lines) ws.addRow([...l, ...(l.length < 6 ? [''] : [])])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

let uploads = 0
async function upload(content: Buffer, openid = ADMIN): Promise<string> {
  const path = `uploads/${openid}/roster${++uploads}.xlsx`
  const res = await fetch(`${town.cloud.url}/__storage/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'X-WX-OPENID': openid,
    },
    body: new Uint8Array(content),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { fileID: string }).fileID
}

const importFile = async (content: Buffer) =>
  town.call('roster', { action: 'importStaff', fileID: await upload(content) }, ADMIN)

const DIGITS = '零一二三四五六七八九'
const hanNumber = (n: number) =>
  String(n)
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('')
const VILLAGES = [
  '石桥村',
  '枫林村',
  '柳溪村',
  '荷塘村',
  '竹山村',
  '杏花村',
  '龙泉社区',
  '青石村',
  '桃源村',
  '白沙村',
  '金塘村',
]
const GROUPS = ['一组', '二组', '三组', '四组', '五组', '六组']

describe('the template', () => {
  it('is one sheet with the Chinese headers, an example row and the town’s places', async () => {
    const made = expectOk(await town.call('roster', { action: 'importTemplate' }, ADMIN))
    expect(made.fileID).toMatch(/^cloud:\/\/.+\/roster\/town-qingshan\/template-\d{14}\.xlsx$/)
    const res = await fetch(made.url)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册'])
    const ws = wb.worksheets[0]
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS)
    expect((ws.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
      '（示例）王建国',
      '13900000000',
      '网格工作员',
      '石桥村',
      '一组',
    ])
    expect(String(ws.getCell('D1').note)).toContain('石桥村、枫林村、柳溪村')
    expect(String(ws.getCell('E1').note)).toContain('石桥村：一组、二组、三组、四组、五组、六组')
  })

  it('imports as it was downloaded: the example row is never imported', async () => {
    const made = expectOk(await town.call('roster', { action: 'importTemplate' }, ADMIN))
    const content = Buffer.from(await (await fetch(made.url)).arrayBuffer())
    const r = await importFile(content)
    expect(r.ok ? null : r.error.message).toBe('表格里没有要导入的人员（示例行不会导入）')
  })
})

describe('a file with bad rows', () => {
  it('is refused as a whole, every problem named by row and column; nothing is written', async () => {
    const worker1 = (await town.db.collection('staff').doc('st-worker-1').get()).data
    const gone = expectOk(
      await town.call(
        'roster',
        { action: 'createStaff', name: '已离开', phone: '13712340000', roles: ['admin'] },
        ADMIN,
      ),
    )
    expectOk(
      await town.call(
        'roster',
        { action: 'deactivateStaff', staffId: gone.staffId, reason: '已调走' },
        ADMIN,
      ),
    )
    const lines: Line[] = [
      ['好人甲', '13712340001', '网格信息员', '石桥村', '一组'], // row 2: fine
      ['', '13712340002', '网格信息员', '石桥村', '一组'],
      ['名'.repeat(21), '13712340003', '网格信息员', '石桥村', '一组'],
      ['张三3', '13712340004', '网格信息员', '石桥村', '一组'],
      ['李四', '', '网格信息员', '石桥村', '一组'],
      ['王五', '12345', '网格信息员', '石桥村', '一组'],
      ['赵六', '13712340001', '网格信息员', '石桥村', '一组'],
      ['钱七', '13712340008', '', '石桥村', '一组'],
      ['孙八', '13712340009', '组长', '石桥村', '一组'],
      ['周九', '13712340010', '网格信息员、村级指导员', '石桥村', '一组'],
      ['吴十', '13712340011', '网格信息员', '', '一组'],
      ['郑一', '13712340012', '网格信息员', '不存在村', '一组'],
      ['王二', '13712340013', '网格信息员', '石桥村、枫林村', '一组'],
      ['冯三', '13712340014', '网格信息员', '石桥村', ''],
      ['陈四', '13712340015', '网格信息员', '石桥村', '九组'],
      ['褚五', '13712340016', '网格信息员', '石桥村', '一组、二组'],
      ['卫六', '13712340017', '村级指导员', '石桥村', '一组'],
      ['蒋七', '13712340018', '网格信息员', '石桥村', '一组', '换人'],
      ['沈八', '13712340019', '网格工作员', '石桥村', '二组'],
      [worker1.name, worker1.phone, '网格信息员', '石桥村', '一组'],
      ['已离开', '13712340000', '镇网格办', '', ''],
      ['韩九', '13712340022', '镇级督导员', '', ''],
    ]
    const before = await town.count('staff')
    const r = await importFile(await sheet(lines))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('INVALID_INPUT')
    expect(r.error.message).toBe('表格有 21 处问题，没有导入任何人。第一处：第3行·姓名，请填写姓名')
    const problems = (r.error.details as Array<{ row: number; column: string; message: string }>).map((p) => [
      p.row,
      p.column,
      p.message,
    ])
    expect(problems).toEqual([
      [3, '姓名', '请填写姓名'],
      [4, '姓名', '姓名不能超过 20 个字'],
      [5, '姓名', '姓名只能包含汉字、字母和间隔号'],
      [6, '手机号', '请填写手机号'],
      [7, '手机号', '“12345”不是 11 位手机号'],
      [8, '手机号', '与第2行的手机号重复'],
      [9, '角色', '请填写角色'],
      [
        10,
        '角色',
        '“组长”不是角色，可填：网格信息员、网格工作员、村级指导员、镇级指导员、镇级督导员、镇网格办',
      ],
      [11, '角色', '网格角色和村级、镇级角色请分两行填写'],
      [12, '村（社区）', '请填写村（社区）'],
      [13, '村（社区）', '没有“不存在村”，请按模板中的村名填写（见表头“村（社区）”的批注）'],
      [14, '村（社区）', '网格工作员和信息员只能填一个村'],
      [15, '网格（组）', '请填写网格（组）'],
      [16, '网格（组）', '石桥村没有“九组”'],
      [17, '网格（组）', '每行只能填一个网格'],
      [18, '网格（组）', '只有网格工作员和网格信息员填写网格'],
      [19, '该网格已有工作员时', '只能填“增加”或“替换”，或不填'],
      [20, '该网格已有工作员时', '石桥村二组已有网格工作员，请填“增加”或“替换”'],
      [21, '手机号', `手机号已在花名册中（${worker1.name}），内容不一致；修改请在花名册中编辑`],
      [22, '手机号', '已离开（13712340000）已停用，请在花名册中重新启用'],
      [23, '村（社区）', '请填写村（社区）'],
    ])
    expect(await town.count('staff')).toBe(before)
  })

  it('is refused when it is not the template: wrong headers, not a spreadsheet, someone else’s file', async () => {
    const wrong = await importFile(
      await sheet([['甲', '13712349999', '镇网格办', '', '']], ['名字', ...HEADERS.slice(1)]),
    )
    expect(wrong.ok ? null : wrong.error.message).toBe('表头应为“姓名”，请使用下载的模板')
    const junk = await importFile(Buffer.from('not a spreadsheet'))
    expect(junk.ok ? null : junk.error.message).toBe('文件不是有效的 .xlsx 表格，请用下载的模板填写')
    const theirs = await upload(await sheet([]), 'demo-admin-2')
    const r = await town.call('roster', { action: 'importStaff', fileID: theirs }, ADMIN)
    expect(r.ok ? null : r.error.message).toBe('表格必须是您本人刚上传的 .xlsx 文件')
  })
})

describe('a 950-row roster', () => {
  const lines: Line[] = Array.from({ length: 950 }, (_, i) => {
    const name = `导入${hanNumber(i + 1)}`
    const phone = `135${String(10000000 + i).padStart(8, '0')}`
    const village = VILLAGES[i % VILLAGES.length]
    if (i < 40) return [name, phone, '村级指导员', village, '']
    if (i < 50) return [name, phone, '网格工作员', village, GROUPS[i % 6], '增加']
    return [name, phone, '网格信息员', village, GROUPS[i % 6]]
  })
  let content: Buffer

  it('imports in one call, every person with an invite code, also as a spreadsheet', async () => {
    content = await sheet(lines)
    const before = await town.count('staff')
    const r = await importFile(content)
    const report = expectOk(r)
    console.log(`import of 950 rows: ${r.ops} db ops`)
    expect(report.created).toBe(950)
    expect(report.unchanged).toBe(0)
    expect(report.invites).toHaveLength(950)
    expect(report.invites[0]).toEqual({
      row: 2,
      name: '导入一',
      phone: '13510000000',
      roles: '村级指导员',
      places: '石桥村',
      inviteCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/),
      inviteExpiresAt: expect.any(String),
    })
    expect(report.invites[49]).toMatchObject({ row: 51, roles: '网格工作员', places: '杏花村二组' })
    expect(await town.count('staff')).toBe(before + 950)
    const res = await fetch(report.invitesFile.url)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.worksheets[0]
    expect(ws.rowCount).toBe(951)
    expect(ws.getRow(2).getCell(6).text).toBe(report.invites[0].inviteCode)

    const g01 = (await town.db.collection('grids').doc('g01').get()).data
    expect(g01.workerId).toBe('st-worker-1')
    const v01 = (await town.db.collection('villages').doc('v01').get()).data
    expect(v01.villageGuideIds).toHaveLength(7 + 4)
  })

  it('imported again, changes nothing', async () => {
    const before = await town.count('staff')
    const audits = await town.count('auditLog')
    const report = expectOk(await importFile(content))
    expect(report).toEqual({ created: 0, unchanged: 950, invites: [], invitesFile: null })
    expect(await town.count('staff')).toBe(before)
    expect(await town.count('auditLog')).toBe(audits)
  })
})
