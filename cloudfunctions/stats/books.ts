/**
 * The xlsx books (exceljs): 民情台账 (one row per ticket), the 屋场会 record book and the campaign
 * log, each a title row, a header and the rows; the campaign log ends with its totals. Loaded only
 * by the export action, so the other actions do not pay for exceljs.
 */
export interface Book {
  sheet: string
  title: string
  columns: Array<{ header: string; key: string; width: number }>
  rows: Array<Record<string, string | number>>
  /** A last row of sums (label in the first column). */
  totals?: Record<string, string | number>
}

export async function writeBook(book: Book): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '一网'
  const ws = wb.addWorksheet(book.sheet)
  ws.columns = book.columns.map((c) => ({ key: c.key, width: c.width }))
  ws.mergeCells(1, 1, 1, book.columns.length)
  ws.getCell(1, 1).value = book.title
  ws.getCell(1, 1).font = { bold: true, size: 14 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  const header = ws.addRow(book.columns.map((c) => c.header))
  header.font = { bold: true }
  for (const row of book.rows) ws.addRow(book.columns.map((c) => row[c.key] ?? ''))
  if (book.totals) ws.addRow(book.columns.map((c) => book.totals?.[c.key] ?? '')).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
