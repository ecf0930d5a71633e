/**
 * The roster import at a real town's size (`roster.importStaff`): a 950-row file touching every
 * grid and village of the demo town (40 village guides, 10 second grid workers, 900 informants),
 * imported in one call, then the same file again (nothing changes). Operations and wall time; the
 * roster function's `timeout` (config.json, 60 s) must cover the first figure with a wide margin.
 */
import ExcelJS from 'exceljs'
import { VILLAGE_NAMES } from '../../localcloud/seed/demoRoster'
import type { LocalCloud } from '../../tests/helpers/localcloud'

export type BenchRow = { what: string; ops: number | string; note?: string }

const VILLAGES = VILLAGE_NAMES
const GROUPS = ['一组', '二组', '三组', '四组', '五组', '六组']
const DIGITS = '零一二三四五六七八九'
const HEADERS = ['姓名', '手机号', '角色', '村（社区）', '网格（组）', '该网格已有工作员时']

async function rosterFile(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow(HEADERS)
  for (let i = 0; i < rows; i++) {
    const name = `导入${String(i + 1)
      .split('')
      .map((d) => DIGITS[Number(d)])
      .join('')}`
    const phone = `135${String(10000000 + i).padStart(8, '0')}`
    const village = VILLAGES[i % VILLAGES.length]
    if (i < 40) ws.addRow([name, phone, '村级指导员', village, '', ''])
    else if (i < 50) ws.addRow([name, phone, '网格工作员', village, GROUPS[i % 6], '增加'])
    else ws.addRow([name, phone, '网格信息员', village, GROUPS[i % 6], ''])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function upload(cloud: LocalCloud, openid: string, content: Buffer): Promise<string> {
  const path = `uploads/${openid}/bench${Date.now().toString(36)}.xlsx`
  const res = await fetch(`${cloud.url}/__storage/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'X-WX-OPENID': openid,
    },
    body: new Uint8Array(content),
  })
  if (res.status !== 200) throw new Error(`upload: ${res.status}`)
  return ((await res.json()) as { fileID: string }).fileID
}

/** Runs on a seeded local cloud (the demo town); answers the bench's rows. */
export async function benchRosterImport(cloud: LocalCloud, rows = 950): Promise<BenchRow[]> {
  const admin = 'demo-admin'
  const content = await rosterFile(rows)
  const once = async (label: string) => {
    const fileID = await upload(cloud, admin, content)
    const started = Date.now()
    const res = await cloud.call('roster', { action: 'importStaff', fileID }, admin)
    const ms = Date.now() - started
    if (res.status !== 200 || !res.body?.ok)
      throw new Error(`roster.importStaff: ${JSON.stringify(res.body)}`)
    const { created, unchanged } = res.body.data as { created: number; unchanged: number }
    return {
      what: label,
      ops: Number(res.headers.get('x-db-ops')),
      note: `${ms} ms; created ${created}, unchanged ${unchanged}; ${Math.round(content.length / 1024)} KB file`,
    }
  }
  // Warm the instance (its first call also loads the directory and config).
  await cloud.call('roster', { action: 'listStaff', pageSize: 1 }, admin)
  return [
    await once(`roster.importStaff, ${rows} rows`),
    await once(`roster.importStaff, the same ${rows} rows again`),
  ]
}
