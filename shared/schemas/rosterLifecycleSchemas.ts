import * as z from 'zod'
import { ROLES, STAFF_ROLES } from '../model/roles'
import { documentId, isoInstant, mobilePhone, pageOf, pageRequest, personName, reason } from './common'

/**
 * Function `roster`, the grid office's roster changes: edit, move, deactivate and reactivate a
 * person, with their open tasks handed over on the same screen; the 一格五员 of a grid; the grids
 * nobody can take tickets in; the audit log of every admin change.
 */

const staffRoles = z
  .array(z.enum(STAFF_ROLES as [string, ...string[]], { error: '角色无效' }))
  .min(1, '至少选择一个角色')
  .max(STAFF_ROLES.length, '角色重复')

/**
 * When the chosen grid already has a 网格工作员: `second` adds the person beside them (the chain
 * tries the post holder first), `replace` makes the new person the post holder (the previous one
 * stays as the grid's second worker until the office hands their tasks over). Absent: CONFLICT,
 * naming the current worker, so a replacement is never a side effect of 新增.
 */
export const gridWorkerSlot = z.enum(['second', 'replace'], { error: '请选择增加还是替换' }).optional()

/**
 * Who takes over the open tasks that leave with the person: a named successor (who must cover
 * every task's place), or absent/null: each task goes along its grid's chain without the person
 * (the grid's other bound worker, else the village guide, else the town office).
 */
const successorId = documentId('接手人').nullish()

export const updateStaffRequest = z.object({
  action: z.literal('updateStaff'),
  staffId: documentId('工作人员'),
  name: personName.optional(),
  phone: mobilePhone.optional(),
  roles: staffRoles.optional(),
  villageIds: z.array(documentId('村')).max(50, '村太多').optional(),
  gridIds: z.array(documentId('网格')).max(100, '网格太多').optional(),
  gridWorkerSlot,
  successorId,
  reason: reason.optional(),
})

export const deactivateStaffRequest = z.object({
  action: z.literal('deactivateStaff'),
  staffId: documentId('工作人员'),
  successorId,
  reason,
})

export const reactivateStaffRequest = z.object({
  action: z.literal('reactivateStaff'),
  staffId: documentId('工作人员'),
})

/** What would move if the person left (or moved to the given roles and places): for the screen. */
export const handoverPlanRequest = z.object({
  action: z.literal('handoverPlan'),
  staffId: documentId('工作人员'),
  roles: staffRoles.optional(),
  villageIds: z.array(documentId('村')).max(50, '村太多').optional(),
  gridIds: z.array(documentId('网格')).max(100, '网格太多').optional(),
})

export const gridTeamRequest = z.object({ action: z.literal('gridTeam'), gridId: documentId('网格') })
export const unstaffedGridsRequest = z.object({ action: z.literal('unstaffedGrids') })
/** For the office's home: the year of holidays and 调休 missing from the calendar (from December). */
export const calendarWarningRequest = z.object({ action: z.literal('calendarWarning') })
export const auditLogRequest = z.object({ action: z.literal('auditLog'), ...pageRequest })
/**
 * A grid's 小程序码 (有事找五员 posters): opens the home page with the grid as `scene`; a resident
 * who scans it gets the grid as their home grid (the first time) and reports go there.
 */
export const gridCodeRequest = z.object({ action: z.literal('gridCode'), gridId: documentId('网格') })
const placeName = (label: string) =>
  z
    .string({ error: `请填写${label}名称` })
    .trim()
    .min(1, `请填写${label}名称`)
    .max(20, `${label}名称不能超过 20 个字`)

/** 新增或改名一个村（社区）: without `villageId` a new one, with it a rename. */
export const saveVillageRequest = z.object({
  action: z.literal('saveVillage'),
  villageId: documentId('村').optional(),
  name: placeName('村'),
})
/** 新增或改名一个网格 in a village (its staff and tickets stay with it). */
export const saveGridRequest = z.object({
  action: z.literal('saveGrid'),
  gridId: documentId('网格').optional(),
  villageId: documentId('村'),
  name: placeName('网格'),
})

/** All the 有事找五员 posters of a village as one printable PDF (A4, one grid a page). */
export const villagePostersRequest = z.object({
  action: z.literal('villagePosters'),
  villageId: documentId('村'),
})
/** 有事找五员: a resident's home grid and its people (anyone with a home grid may ask). */
export const myGridRequest = z.object({ action: z.literal('myGrid') })
/**
 * Staff correct the home grid of a ticket's reporter (a wrong first tap sends every later report to
 * the wrong worker): the caller must cover the ticket's place; the new grid is of the same town.
 */
export const correctResidentGridRequest = z.object({
  action: z.literal('correctResidentGrid'),
  ticketId: documentId('工单'),
  gridId: documentId('网格'),
})

const namedPlace = z.object({ _id: z.string(), name: z.string() })
const person = z.object({
  _id: z.string(),
  name: z.string(),
  phone: z.string(),
  roles: z.array(z.enum(ROLES)),
  bound: z.boolean(),
  active: z.boolean(),
})

/** Each open task that leaves with the person, and who takes it (null: nobody can, it is refused). */
export const handoverPlan = z.object({
  staffId: z.string(),
  name: z.string(),
  openTasks: z.number().int(),
  /** Tasks that would change hands (all open ones on deactivation; those outside the new places on a move). */
  moving: z.array(
    z.object({
      ticketId: z.string(),
      number: z.string(),
      gridName: z.string(),
      /** Default successor along the grid's chain without the person; null when there is nobody. */
      defaultSuccessor: namedPlace.nullable(),
    }),
  ),
  /** People who could take all the moving tasks (active, bound, covering every task's place). */
  candidates: z.array(person.extend({ places: z.string() })),
})

export const handoverReport = z.object({
  staffId: z.string(),
  /** Tasks moved by this call (0 on a repeat: each moves once). */
  handedOver: z.number().int(),
  to: z.array(z.object({ staffId: z.string(), name: z.string(), count: z.number().int() })),
})

export const gridTeam = z.object({
  grid: namedPlace,
  village: namedPlace,
  /** 网格工作员 (the post holder first), 网格信息员, 村级指导员, 镇级指导员, 镇级督导员: the 一格五员. */
  workers: z.array(person),
  informants: z.array(person),
  villageGuides: z.array(person),
  townGuides: z.array(person),
  supervisors: z.array(person),
})

/** A grid whose tickets nobody in the grid can take: who gets them instead. */
export const unstaffedGrid = z.object({
  grid: namedPlace,
  village: namedPlace,
  why: z.enum(['vacant', 'unbound', 'inactive']),
  fallback: z.enum(['villageGuide', 'townOffice', 'nobody']),
})

export const auditEntry = z.object({
  _id: z.string(),
  at: isoInstant,
  action: z.string(),
  actorName: z.string(),
  /** What changed, in Chinese words (e.g. `停用 王建国；3 件任务移交`). */
  summary: z.string(),
  ticketId: z.string().optional(),
  staffId: z.string().optional(),
})

export const rosterLifecycleResponses = {
  updateStaff: handoverReport,
  deactivateStaff: handoverReport,
  reactivateStaff: z.object({ staffId: z.string(), active: z.literal(true) }),
  handoverPlan,
  gridTeam,
  unstaffedGrids: z.object({ items: z.array(unstaffedGrid) }),
  calendarWarning: z.object({ missingYear: z.number().int().nullable() }),
  auditLog: pageOf(auditEntry),
  myGrid: z.object({ home: gridTeam.nullable() }),
  saveVillage: z.object({ villageId: z.string(), name: z.string(), created: z.boolean() }),
  saveGrid: z.object({ gridId: z.string(), villageId: z.string(), name: z.string(), created: z.boolean() }),
  villagePosters: z.object({
    villageName: z.string(),
    pages: z.number().int(),
    fileID: z.string(),
    url: z.string(),
  }),
  gridCode: z.object({
    gridId: z.string(),
    gridName: z.string(),
    /** What the code carries (`scene`): the grid id, read by the home page on launch. */
    scene: z.string(),
    fileID: z.string(),
    url: z.string(),
  }),
  correctResidentGrid: z.object({ homeGridId: z.string(), homeVillageId: z.string(), gridName: z.string() }),
} as const
