import * as z from 'zod'
import { STAFF_ROLES, ROLES } from '../model/roles'
import {
  clientRequestId,
  documentId,
  isoInstant,
  mobilePhone,
  pageOf,
  pageRequest,
  personName,
} from './common'
import { LIMITS } from './limits'
import { priority } from './ticketView'
import {
  auditLogRequest,
  calendarWarningRequest,
  correctResidentGridRequest,
  deactivateStaffRequest,
  gridCodeRequest,
  gridTeamRequest,
  gridWorkerSlot,
  handoverPlanRequest,
  myGridRequest,
  reactivateStaffRequest,
  rosterLifecycleResponses,
  unstaffedGridsRequest,
  updateStaffRequest,
  villagePostersRequest,
  saveGridRequest,
  saveVillageRequest,
} from './rosterLifecycleSchemas'
import { revealLogRequest, revealLogResponse } from './contactReveal'
import { importStaffRequest, importTemplateRequest, rosterImportResponses } from './rosterImportSchemas'
import { mergeGridsRequest, rosterGridResponses, splitGridRequest } from './rosterGridSchemas'
import { saveTownConfigRequest, townConfigRequest, townConfigResponses } from './townConfigSchemas'

/** Function `roster`: the grid office creates staff; staff bind their WeChat with an invite code. */

export const createStaffRequest = z.object({
  action: z.literal('createStaff'),
  /** Retries of one tap share it: a retry answers the entry the first call made (its invite too). */
  clientRequestId: clientRequestId.optional(),
  name: personName,
  phone: mobilePhone,
  roles: z
    .array(z.enum(STAFF_ROLES as [string, ...string[]], { error: '角色无效' }))
    .min(1, '至少选择一个角色')
    .max(STAFF_ROLES.length, '角色重复'),
  villageIds: z.array(documentId('村')).max(50, '村太多').default([]),
  gridIds: z.array(documentId('网格')).max(100, '网格太多').default([]),
  gridWorkerSlot,
})

export const bindInviteRequest = z.object({
  action: z.literal('bindInvite'),
  code: z
    .string({ error: '请填写邀请码' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,12}$/, '邀请码格式不正确'),
})

export const meRequest = z.object({ action: z.literal('me') })

/**
 * The town's roster for the grid office. `namePrefix` finds 王… or 王秀… (blank: everyone);
 * `query` finds by the start of a name, by phone (digits: the start of the number), or by a village
 * or grid as the town names it (`石桥村`, `石桥村一组`). Filters: a role, bound or not, active or not.
 */
export const listStaffRequest = z.object({
  action: z.literal('listStaff'),
  ...pageRequest,
  namePrefix: z
    .string({ error: '姓名无效' })
    .trim()
    .max(LIMITS.nameMax, `姓名不能超过 ${LIMITS.nameMax} 个字`)
    .default(''),
  query: z.string({ error: '查找内容无效' }).trim().max(30, '查找内容不能超过 30 个字').default(''),
  role: z.enum(STAFF_ROLES as [string, ...string[]], { error: '角色无效' }).optional(),
  bound: z.boolean({ error: '绑定状态无效' }).optional(),
  active: z.boolean({ error: '在岗状态无效' }).optional(),
})

/** A new code for someone who has not bound yet (lost, or expired); the old one stops working. */
export const regenerateInviteRequest = z.object({
  action: z.literal('regenerateInvite'),
  staffId: documentId('工作人员'),
  /** One per tap: a retry answers the code the first call issued instead of issuing another. */
  clientRequestId: clientRequestId.optional(),
})

export const rosterRequest = z.discriminatedUnion(
  'action',
  [
    createStaffRequest,
    bindInviteRequest,
    meRequest,
    listStaffRequest,
    regenerateInviteRequest,
    updateStaffRequest,
    deactivateStaffRequest,
    reactivateStaffRequest,
    handoverPlanRequest,
    gridTeamRequest,
    unstaffedGridsRequest,
    auditLogRequest,
    importTemplateRequest,
    importStaffRequest,
    myGridRequest,
    correctResidentGridRequest,
    gridCodeRequest,
    villagePostersRequest,
    saveVillageRequest,
    saveGridRequest,
    calendarWarningRequest,
    revealLogRequest,
    mergeGridsRequest,
    splitGridRequest,
    townConfigRequest,
    saveTownConfigRequest,
  ],
  { error: '不支持的操作' },
)
export type RosterRequest = z.infer<typeof rosterRequest>
export type RosterRequestInput = z.input<typeof rosterRequest>

const scopeView = z.object({
  townId: z.string(),
  villageIds: z.array(z.string()),
  gridIds: z.array(z.string()),
})

export const categoryChoice = z.object({
  code: z.string(),
  name: z.string(),
  hint: z.string(),
  defaultPriority: priority,
  /** The town's one-character mark for the category's badge, when it chose one. */
  icon: z.string().optional(),
})

export const meResponse = z.object({
  openid: z.string(),
  townId: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  staff: z
    .object({ _id: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), scope: scopeView })
    .nullable(),
  resident: z.object({ homeGridId: z.string().nullable(), homeVillageId: z.string().nullable() }).nullable(),
  /** The town's active categories in order (a newcomer's: the default town's), for the report form. */
  categories: z.array(categoryChoice),
  /** The template ids to ask for from a tap: the reporter's on submit, staff's for their tasks. */
  subscribeTemplates: z.object({
    reporter: z.array(z.string()).max(3),
    staff: z.array(z.string()).max(3),
  }),
})
export type MeResponse = z.infer<typeof meResponse>

const namedPlace = z.object({ _id: z.string(), name: z.string() })

/** One roster entry as the grid office sees it (the invite's state, never its code). */
export const staffRow = z.object({
  _id: z.string(),
  name: z.string(),
  phone: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Where the person acts, named: villages as `石桥村`, grids as `石桥村一组`. */
  villages: z.array(namedPlace),
  grids: z.array(namedPlace),
  /** A WeChat identity is bound to the entry. */
  bound: z.boolean(),
  active: z.boolean(),
  invite: z.object({ state: z.enum(['pending', 'expired', 'used']), expiresAt: isoInstant }).nullable(),
})
export type StaffRow = z.infer<typeof staffRow>

const issuedInvite = z.object({ staffId: z.string(), inviteCode: z.string(), inviteExpiresAt: isoInstant })
export type IssuedInvite = z.infer<typeof issuedInvite>

export const rosterResponses = {
  createStaff: issuedInvite,
  /** Who the code made the caller: name, roles and where they act, in words (`石桥村一组`, `全镇`). */
  bindInvite: z.object({
    staffId: z.string(),
    roles: z.array(z.enum(ROLES)),
    name: z.string(),
    places: z.string(),
  }),
  me: meResponse,
  listStaff: pageOf(staffRow),
  regenerateInvite: issuedInvite,
  ...rosterLifecycleResponses,
  ...rosterImportResponses,
  revealLog: revealLogResponse,
  ...rosterGridResponses,
  ...townConfigResponses,
} as const
