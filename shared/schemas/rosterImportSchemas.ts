import * as z from 'zod'
import { isoInstant } from './common'

/**
 * Function `roster`, the roster import (导入花名册): the office downloads a template (one sheet,
 * Chinese headers, an example row, the town's villages and grids by name), fills it in, uploads it
 * to cloud storage and imports it by its fileID. Every row is checked first; any problem refuses
 * the whole file (INVALID_INPUT, `details`: row, column and what is wrong) and nothing is written.
 */

const spreadsheetFile = z
  .string({ error: '请先上传表格文件' })
  .max(512, '文件地址过长')
  .regex(/^cloud:\/\/[^/\s]+\/\S+\.xlsx$/i, '请上传 .xlsx 格式的表格（先上传到云存储）')

export const importTemplateRequest = z.object({ action: z.literal('importTemplate') })
export const importStaffRequest = z.object({ action: z.literal('importStaff'), fileID: spreadsheetFile })

/** A file made by the function in cloud storage, and a temporary download link for it. */
const madeFile = z.object({ fileID: z.string(), url: z.string() })

export const importedInvite = z.object({
  row: z.number().int(),
  name: z.string(),
  phone: z.string(),
  roles: z.string(),
  places: z.string(),
  inviteCode: z.string(),
  inviteExpiresAt: isoInstant,
})

export const importReport = z.object({
  /** Rows that became new roster entries (each with an invite code below). */
  created: z.number().int(),
  /** Rows already on the roster as written (matched by phone): nothing changed for them. */
  unchanged: z.number().int(),
  invites: z.array(importedInvite),
  /** The invite codes as a spreadsheet to print or hand out (null when nobody was added). */
  invitesFile: madeFile.nullable(),
})

/** One problem with one row of an imported file (in the failure's `details`). */
export const importProblem = z.object({
  path: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
})
export type ImportProblem = z.infer<typeof importProblem>

export const rosterImportResponses = {
  importTemplate: madeFile,
  importStaff: importReport,
} as const
