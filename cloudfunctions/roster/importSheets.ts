/**
 * The roster spreadsheets (exceljs): the template (one sheet, the Chinese headers, an example row,
 * the town's villages and their grids in the header notes and as the 村 column's choices), reading
 * a filled-in file into rows, and the list of invite codes to hand out.
 */
import ExcelJS from 'exceljs'
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  IMPORT_SHEET_NAME,
  ROLE_BY_NAME,
  checkHeaders,
  type Grid,
  type ImportCells,
  type ImportProblem,
  type ImportRow,
  type Village,
} from '@shared/index'

/** Rows whose name starts so are the template's example and are never imported. */
const EXAMPLE_MARK = /^[（(]?示例[）)]?/

const toBuffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer())

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true }
  row.alignment = { vertical: 'middle' }
}

export async function templateWorkbook(
  villages: readonly Village[],
  grids: readonly Grid[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(IMPORT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  bold(ws.getRow(1))
  const ordered = [...villages].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a._id.localeCompare(b._id))
  const gridsOf = (v: Village) =>
    grids
      .filter((g) => g.villageId === v._id)
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a._id.localeCompare(b._id))
      .map((g) => g.name)
  const first = ordered[0]
  ws.addRow({
    name: '（示例）王建国',
    phone: '13900000000',
    roles: '网格工作员',
    village: first?.name ?? '',
    grid: first ? (gridsOf(first)[0] ?? '') : '',
    slot: '',
  }).font = { color: { argb: 'FF888888' }, italic: true }
  ws.getCell('A1').note = '每行一人。示例行（姓名以“（示例）”开头）不会导入，可以删除。'
  ws.getCell('B1').note =
    '11 位手机号；同一手机号只能出现一次。再次导入时按手机号识别，已在花名册中的人不会重复添加。'
  ws.getCell('C1').note = `可填：${Object.keys(ROLE_BY_NAME).join('、')}。一人多个角色用“、”隔开。`
  ws.getCell('D1').note =
    `本镇的村（社区）：${ordered.map((v) => v.name).join('、')}。村级指导员等可填多个，用“、”隔开；镇网格办不用填。`
  ws.getCell('E1').note = ordered.map((v) => `${v.name}：${gridsOf(v).join('、')}`).join('\n')
  ws.getCell('F1').note =
    '该网格已有网格工作员时必填：“增加”（作为第二位工作员）或“替换”（原工作员不再是第一负责人）。'
  const villageList = ordered.map((v) => v.name).join(',')
  for (let r = 2; r <= 1001; r++) {
    ws.getCell(r, 3).dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`"${Object.keys(ROLE_BY_NAME).join(',')}"`],
    }
    if (villageList.length <= 250)
      ws.getCell(r, 4).dataValidation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`"${villageList}"`],
      }
    ws.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: ['"增加,替换"'] }
    ws.getCell(r, 2).numFmt = '@'
  }
  return toBuffer(wb)
}

const text = (cell: ExcelJS.Cell): string => {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  return (cell.text ?? '').trim()
}

/** The file's data rows (blank and example rows skipped), or what is wrong with the file itself. */
export async function readRows(
  content: Buffer,
): Promise<{ ok: true; rows: ImportRow[] } | { ok: false; problems: ImportProblem[] }> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    return {
      ok: false,
      problems: [
        { path: '文件', row: 0, column: '', message: '文件不是有效的 .xlsx 表格，请用下载的模板填写' },
      ],
    }
  }
  const ws = wb.worksheets[0]
  if (!ws) return { ok: false, problems: [{ path: '文件', row: 0, column: '', message: '表格里没有工作表' }] }
  const headers = IMPORT_COLUMNS.map((_, i) => text(ws.getRow(1).getCell(i + 1)))
  const headerProblems = checkHeaders(headers)
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems }
  if (ws.rowCount - 1 > IMPORT_MAX_ROWS + 50)
    return {
      ok: false,
      problems: [
        { path: '文件', row: 0, column: '', message: `一次最多导入 ${IMPORT_MAX_ROWS} 行，请分成几个文件` },
      ],
    }
  const rows: ImportRow[] = []
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const cells = Object.fromEntries(
      IMPORT_COLUMNS.map((c, i) => [c.key, text(row.getCell(i + 1))]),
    ) as ImportCells
    if (Object.values(cells).every((v) => v === '')) continue
    if (EXAMPLE_MARK.test(cells.name)) continue
    rows.push({ row: r, cells })
  }
  return { ok: true, rows }
}

export interface InviteLine {
  row: number
  name: string
  phone: string
  roles: string
  places: string
  inviteCode: string
  inviteExpiresAt: string
}

const shanghai = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

export async function invitesWorkbook(lines: readonly InviteLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('邀请码')
  ws.columns = [
    { header: '原表行号', key: 'row', width: 10 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '手机号', key: 'phone', width: 16 },
    { header: '角色', key: 'roles', width: 20 },
    { header: '负责范围', key: 'places', width: 22 },
    { header: '邀请码', key: 'inviteCode', width: 14 },
    { header: '有效期至', key: 'expires', width: 20 },
  ]
  bold(ws.getRow(1))
  for (const l of lines) ws.addRow({ ...l, expires: shanghai(l.inviteExpiresAt) })
  return toBuffer(wb)
}
