import { ROLE_NAMES, STAFF_ROLES, type StaffRole } from '../model/roles'

/**
 * The roster template's one sheet: its Chinese headers in order, and how a role is written in it.
 * The template and the import read the same table, so they cannot disagree.
 */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', width: 12, example: '王建国' },
  { key: 'phone', header: '手机号', width: 16, example: '13900000000' },
  { key: 'roles', header: '角色', width: 20, example: '网格工作员' },
  { key: 'village', header: '村（社区）', width: 18, example: '石桥村' },
  { key: 'grid', header: '网格（组）', width: 14, example: '一组' },
  { key: 'slot', header: '该网格已有工作员时', width: 20, example: '' },
] as const

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key']
export type ImportCells = Record<ImportColumn, string>

export const IMPORT_SHEET_NAME = '花名册'
export const IMPORT_MAX_ROWS = 2000
/** How several roles or villages are written in one cell: 网格工作员、网格信息员. */
export const LIST_SEPARATORS = /[、，,；;/\s]+/

/** The words of the slot column: add the person beside the current worker, or replace them. */
export const SLOT_WORDS: Record<string, 'second' | 'replace'> = { 增加: 'second', 替换: 'replace' }

export const ROLE_BY_NAME: Record<string, StaffRole> = Object.fromEntries(
  STAFF_ROLES.map((r) => [ROLE_NAMES[r], r]),
) as Record<string, StaffRole>

export const headerOf = (key: ImportColumn): string =>
  (IMPORT_COLUMNS.find((c) => c.key === key) as (typeof IMPORT_COLUMNS)[number]).header
