import { LIMITS } from '../schemas/limits'
import type { ImportProblem } from '../schemas/rosterImportSchemas'
import type { StaffRole } from '../model/roles'
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  LIST_SEPARATORS,
  ROLE_BY_NAME,
  SLOT_WORDS,
  headerOf,
  type ImportCells,
  type ImportColumn,
} from './importColumns'

/**
 * Checks every row of an imported roster before anything is written (all or nothing): each problem
 * named by row, column and what is wrong, in Chinese. A row whose phone is already on the roster
 * with the same name, roles and places is `unchanged` (so importing the same file again changes
 * nothing); with different details it is a problem — changes go through the roster's edit screen,
 * where open tasks are handed over.
 */

export interface ImportRow {
  /** The spreadsheet's row number (the header is row 1). */
  row: number
  cells: ImportCells
}

export interface RosterEntrySummary {
  _id: string
  name: string
  roles: readonly string[]
  villageIds: readonly string[]
  gridIds: readonly string[]
  active: boolean
}

export interface ImportTown {
  villages: readonly { _id: string; name: string }[]
  grids: readonly { _id: string; villageId: string; name: string; workerId: string | null }[]
  /** Roster entries of the town whose phone appears in the file. */
  existingByPhone: ReadonlyMap<string, RosterEntrySummary>
}

export interface PlannedRow {
  row: number
  kind: 'create' | 'unchanged'
  name: string
  phone: string
  roles: StaffRole[]
  villageIds: string[]
  gridIds: string[]
  slot?: 'second' | 'replace'
}

export type ImportPlan = { ok: true; rows: PlannedRow[] } | { ok: false; problems: ImportProblem[] }

const GRID_ROLES: readonly StaffRole[] = ['gridWorker', 'informant']
const VILLAGE_ROLES: readonly StaffRole[] = ['villageGuide', 'townGuide', 'townSupervisor']
const NAME_CHARS = /^[\p{Script=Han}A-Za-z·•.\s]+$/u
/** A cell's word in a lookup table; `toString` or `constructor` in a cell is not a role or a slot. */
const lookUp = <T>(table: Record<string, T>, word: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined

const problem = (row: number, column: ImportColumn | '', message: string): ImportProblem => {
  const header = column === '' ? '' : headerOf(column)
  return { path: header === '' ? `第${row}行` : `第${row}行·${header}`, row, column: header, message }
}

/** Checks the header row: the template's headers, in order. */
export const checkHeaders = (headers: readonly string[]): ImportProblem[] =>
  IMPORT_COLUMNS.flatMap((c, i) =>
    (headers[i] ?? '').trim() === c.header
      ? []
      : [
          {
            path: `第1行·第${i + 1}列`,
            row: 1,
            column: c.header,
            message: `表头应为“${c.header}”，请使用下载的模板`,
          },
        ],
  )

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/**
 * @example
 * planImport([{ row: 2, cells: { name: '王建国', phone: '13900000000', roles: '网格工作员', village: '石桥村', grid: '一组', slot: '' } }], town)
 * // { ok: false, problems: [{ path: '第2行·该网格已有工作员时', … message: '石桥村一组已有网格工作员，请填“增加”或“替换”' }] }
 */
export function planImport(rows: readonly ImportRow[], town: ImportTown): ImportPlan {
  const problems: ImportProblem[] = []
  const planned: PlannedRow[] = []
  if (rows.length > IMPORT_MAX_ROWS)
    return { ok: false, problems: [problem(1, '', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请分成几个文件`)] }
  const villageByName = new Map(town.villages.map((v) => [v.name, v]))
  const villageName = new Map(town.villages.map((v) => [v._id, v.name]))
  const phoneRow = new Map<string, number>()
  // The post holder of each grid as the file's rows fill it in order (a vacant post takes the first).
  const holder = new Map(town.grids.map((g) => [g._id, g.workerId]))

  for (const { row, cells } of rows) {
    const before = problems.length
    const bad = (column: ImportColumn, message: string) => problems.push(problem(row, column, message))
    const name = cells.name.trim()
    if (name === '') bad('name', '请填写姓名')
    else if (name.length > LIMITS.nameMax) bad('name', `姓名不能超过 ${LIMITS.nameMax} 个字`)
    else if (!NAME_CHARS.test(name)) bad('name', '姓名只能包含汉字、字母和间隔号')

    const phone = cells.phone.replace(/[\s-]/g, '')
    if (phone === '') bad('phone', '请填写手机号')
    else if (!/^1[3-9]\d{9}$/.test(phone)) bad('phone', `“${cells.phone.trim()}”不是 11 位手机号`)
    else if (phoneRow.has(phone)) bad('phone', `与第${phoneRow.get(phone)}行的手机号重复`)
    else phoneRow.set(phone, row)

    const roleWords = cells.roles.split(LIST_SEPARATORS).filter((w) => w !== '')
    const roles = [...new Set(roleWords.flatMap((w) => lookUp(ROLE_BY_NAME, w) ?? []))]
    const unknownRoles = roleWords.filter((w) => lookUp(ROLE_BY_NAME, w) === undefined)
    if (roleWords.length === 0) bad('roles', '请填写角色')
    else if (unknownRoles.length > 0)
      bad('roles', `“${unknownRoles.join('、')}”不是角色，可填：${Object.keys(ROLE_BY_NAME).join('、')}`)

    const gridRole = roles.some((r) => GRID_ROLES.includes(r))
    const villageRole = roles.some((r) => VILLAGE_ROLES.includes(r))
    if (gridRole && villageRole) bad('roles', '网格角色和村级、镇级角色请分两行填写')

    const villageWords = cells.village.split(LIST_SEPARATORS).filter((w) => w !== '')
    const unknownVillages = villageWords.filter((w) => !villageByName.has(w))
    const villageIds = villageWords.flatMap((w) => villageByName.get(w)?._id ?? [])
    const needsVillage = (gridRole || villageRole) && !roles.includes('admin')
    if (needsVillage && villageWords.length === 0) bad('village', '请填写村（社区）')
    else if (unknownVillages.length > 0)
      bad('village', `没有“${unknownVillages.join('、')}”，请按模板中的村名填写（见表头“村（社区）”的批注）`)
    else if (gridRole && villageIds.length > 1) bad('village', '网格工作员和信息员只能填一个村')

    let gridIds: string[] = []
    const gridWord = cells.grid.trim()
    if (gridRole && problems.length === before) {
      const village = villageIds[0]
      const vName = villageName.get(village) ?? ''
      const groupName = gridWord.startsWith(vName) ? gridWord.slice(vName.length) : gridWord
      const grid = town.grids.find((g) => g.villageId === village && g.name === groupName)
      if (gridWord === '') bad('grid', '请填写网格（组）')
      else if (LIST_SEPARATORS.test(gridWord)) bad('grid', '每行只能填一个网格')
      else if (!grid) bad('grid', `${vName}没有“${gridWord}”`)
      else gridIds = [grid._id]
    } else if (!gridRole && gridWord !== '' && problems.length === before && !roles.includes('admin'))
      bad('grid', '只有网格工作员和网格信息员填写网格')

    const slotWord = cells.slot.trim()
    const slot = slotWord === '' ? undefined : lookUp(SLOT_WORDS, slotWord)
    if (slotWord !== '' && slot === undefined) bad('slot', '只能填“增加”或“替换”，或不填')

    if (problems.length > before) continue
    const sorted = { villageIds: gridRole ? villageIds.slice(0, 1) : villageRole ? villageIds : [], gridIds }
    const existing = town.existingByPhone.get(phone)
    if (existing) {
      if (!existing.active) {
        bad('phone', `${existing.name}（${phone}）已停用，请在花名册中重新启用`)
        continue
      }
      const same =
        existing.name === name &&
        sameSet(existing.roles, roles) &&
        sameSet(existing.villageIds, sorted.villageIds) &&
        sameSet(existing.gridIds, sorted.gridIds)
      if (!same) {
        bad('phone', `手机号已在花名册中（${existing.name}），内容不一致；修改请在花名册中编辑`)
        continue
      }
      planned.push({ row, kind: 'unchanged', name, phone, roles, ...sorted })
      continue
    }
    if (roles.includes('gridWorker')) {
      const g = gridIds[0]
      const current = holder.get(g) ?? null
      if (current !== null && slot === undefined) {
        const gName = `${villageName.get(sorted.villageIds[0]) ?? ''}${gridWord.replace(villageName.get(sorted.villageIds[0]) ?? '', '')}`
        bad('slot', `${gName}已有网格工作员，请填“增加”或“替换”`)
        continue
      }
      if (current === null || slot === 'replace') holder.set(g, `row-${row}`)
    }
    planned.push({ row, kind: 'create', name, phone, roles, ...sorted, ...(slot ? { slot } : {}) })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: planned }
}
