import * as z from 'zod'
import { MICRO_SERVICE_KINDS, SESSION_KINDS } from '../stats/themes'
import { boundedText, clientRequestId, description, documentId, pageOf, pageRequest } from './common'
import { LIMITS } from './limits'
import { dayString, periodFields } from './statsFunction'

/**
 * Function `records`: the staff's field-work log — 屋场会 (and the tickets raised there), 宣传活动,
 * 微服务, 理论宣讲 and 屋场党课 — and the patrols read back per grid and person. Every write is
 * idempotent on the client's request id.
 */

const shortText = (label: string, max = 50) => boundedText(label, 1, max)
const headcount = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .max(100_000, `${label}过大`)
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}无效` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .default('')

export const logMeetingRequest = z.object({
  action: z.literal('logMeeting'),
  clientRequestId,
  gridId: documentId('网格'),
  date: dayString('日期'),
  place: optionalText('地点', 50),
  host: shortText('主持人', LIMITS.nameMax),
  attendance: headcount('参会人数').min(1, '参会人数至少 1 人'),
  attendees: z.array(shortText('参会人员', LIMITS.nameMax)).max(200, '参会人员最多 200 人').default([]),
  topics: z
    .array(shortText('议题', 100), { error: '请填写议题' })
    .min(1, '至少填写一个议题')
    .max(20, '议题最多 20 个'),
})

/** A concern raised at a meeting, made a ticket in one step (source `meeting`). */
export const raiseConcernRequest = z.object({
  action: z.literal('raiseConcern'),
  clientRequestId,
  meetingId: documentId('屋场会'),
  categoryCode: z.string().min(1, '请选择问题类别').max(32, '问题类别无效'),
  description,
  /** The resident who raised it; without a name the reporter is the meeting. */
  residentName: shortText('群众姓名', LIMITS.nameMax).optional(),
})

export const logCampaignRequest = z.object({
  action: z.literal('logCampaign'),
  clientRequestId,
  theme: z.string({ error: '请选择宣传主题' }).min(1, '请选择宣传主题').max(32, '宣传主题无效'),
  date: dayString('日期'),
  gridIds: z
    .array(documentId('网格'), { error: '请选择网格' })
    .min(1, '至少选择一个网格')
    .max(100, '网格过多'),
  materials: headcount('发放资料份数'),
  note: optionalText('说明', 200),
})

export const logMicroServiceRequest = z.object({
  action: z.literal('logMicroService'),
  clientRequestId,
  gridId: documentId('网格'),
  kind: z.enum(MICRO_SERVICE_KINDS, { error: '请选择服务类型' }),
  /** Defaults to today (Beijing). */
  date: dayString('日期').optional(),
  forWhom: optionalText('服务对象', LIMITS.nameMax),
  note: optionalText('说明', 200),
})

export const logSessionRequest = z.object({
  action: z.literal('logSession'),
  clientRequestId,
  kind: z.enum(SESSION_KINDS, { error: '请选择宣讲类型' }),
  date: dayString('日期'),
  villageId: documentId('村'),
  gridId: documentId('网格').optional(),
  place: shortText('地点'),
  speaker: shortText('宣讲人', LIMITS.nameMax),
  attendance: headcount('参加人数').min(1, '参加人数至少 1 人'),
  topic: optionalText('主题', 100),
})

export const RECORD_KINDS = ['meetings', 'campaigns', 'microServices', 'sessions', 'patrols'] as const

/** A page of records of one kind, newest first, in the caller's scope (or a village, grid or person in it). */
export const listRecordsRequest = z.object({
  action: z.literal('list'),
  kind: z.enum(RECORD_KINDS, { error: '记录类型无效' }),
  ...periodFields,
  villageId: documentId('村').optional(),
  gridId: documentId('网格').optional(),
  staffId: documentId('人员').optional(),
  ...pageRequest,
})

/** Patrol coverage for a month: grids patrolled at least once / grids, per village. */
export const patrolCoverageRequest = z.object({
  action: z.literal('patrolCoverage'),
  month: z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  villageId: documentId('村').optional(),
})

/** The town's campaign themes and the record kinds, for the forms. */
export const recordOptionsRequest = z.object({ action: z.literal('options') })

export const recordsRequest = z.discriminatedUnion(
  'action',
  [
    logMeetingRequest,
    raiseConcernRequest,
    logCampaignRequest,
    logMicroServiceRequest,
    logSessionRequest,
    listRecordsRequest,
    patrolCoverageRequest,
    recordOptionsRequest,
  ],
  { error: '不支持的操作' },
)
export type RecordsRequest = z.infer<typeof recordsRequest>
export type RecordsRequestInput = z.input<typeof recordsRequest>

const logged = z.object({ recordId: z.string(), created: z.boolean() })

export const raiseConcernResponse = z.object({
  ticketId: z.string(),
  ticketNumber: z.string(),
  created: z.boolean(),
})

/** One row of a record list: what every kind has, plus the kind's own fields. */
export const recordRow = z.object({
  _id: z.string(),
  kind: z.enum(RECORD_KINDS),
  date: z.string(),
  villageId: z.string().nullable(),
  gridId: z.string().nullable(),
  placeName: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** One line for the list: topics, theme and materials, service and person, speaker … */
  title: z.string(),
  detail: z.string(),
  ticketNumbers: z.array(z.string()),
})

export const patrolCoverageResponse = z.object({
  month: z.string(),
  grids: z.number().int().min(0),
  patrolled: z.number().int().min(0),
  rate: z.number().min(0).max(1).nullable(),
  patrols: z.number().int().min(0),
  villages: z.array(
    z.object({
      villageId: z.string(),
      name: z.string(),
      grids: z.number().int().min(0),
      patrolled: z.number().int().min(0),
    }),
  ),
})

export const recordOptionsResponse = z.object({
  themes: z.array(z.object({ code: z.string(), name: z.string() })),
  microServiceKinds: z.array(z.object({ code: z.string(), name: z.string() })),
  sessionKinds: z.array(z.object({ code: z.string(), name: z.string() })),
})

export const recordsResponses = {
  logMeeting: logged,
  raiseConcern: raiseConcernResponse,
  logCampaign: logged,
  logMicroService: logged,
  logSession: logged,
  list: pageOf(recordRow),
  patrolCoverage: patrolCoverageResponse,
  options: recordOptionsResponse,
} as const

export type RecordRow = z.output<typeof recordRow>
export type RecordOptions = z.output<typeof recordOptionsResponse>
