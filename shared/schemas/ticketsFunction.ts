import * as z from 'zod'
import {
  boundedText,
  clientRequestId,
  isoInstant,
  descriptionBesideVoice,
  documentId,
  expectedVersion,
  location,
  mobilePhone,
  note,
  pageOf,
  pageRequest,
  personName,
  photos,
  reason,
  ticketRef,
  voiceNote,
  wordsOrVoice,
} from './common'
import { LIMITS } from './limits'
import { ticketDetailView, ticketStatus, ticketSummary, ticketView } from './ticketView'

/** Function `tickets`: what residents and informants do with their own reports. */

export const submitTicketRequest = z
  .object({
    action: z.literal('submit'),
    clientRequestId,
    categoryCode: z.string({ error: '请选择问题类别' }).min(1, '请选择问题类别').max(32, '问题类别无效'),
    /** At least 5 characters, or anything (even empty) beside a voice note. */
    description: descriptionBesideVoice,
    /** A recording that stands in for typing: an upload of this user, ≤ 60 s. */
    voice: voiceNote.nullish(),
    photos,
    location: location.nullish(),
    anonymous: z.boolean({ error: '匿名选项无效' }).default(false),
    /** From a grid QR code; otherwise the reporter's home grid is used. */
    gridId: documentId('网格').optional(),
    /** Optional contact left by the reporter (shown masked to anyone but the assignee and guides). */
    contact: z.object({ name: personName.optional(), phone: mobilePhone.optional() }).optional(),
    /** 代报: only informants and grid workers may report for a neighbour. */
    onBehalfOf: z.object({ name: personName.optional(), phone: mobilePhone.optional() }).optional(),
  })
  .superRefine(...wordsOrVoice)

export const listMyTicketsRequest = z.object({
  action: z.literal('listMine'),
  ...pageRequest,
  filter: z.enum(['open', 'done', 'all'], { error: '筛选条件无效' }).default('all'),
})

export const ticketDetailRequest = z.object({ action: z.literal('detail'), ...ticketRef })

export const confirmTicketRequest = z.object({
  action: z.literal('confirm'),
  ...ticketRef,
  expectedVersion,
  rating: z
    .number({ error: '请选择评分' })
    .int('评分必须是 1 到 5 的整数')
    .min(1, '评分最低 1 分')
    .max(5, '评分最高 5 分'),
  comment: boundedText('评价', 1, LIMITS.commentMax).optional(),
})

export const reopenTicketRequest = z.object({
  action: z.literal('reopen'),
  ...ticketRef,
  expectedVersion,
  reason,
})

/** The reporter answers a request for more information; the clock starts again. */
export const supplementTicketRequest = z.object({
  action: z.literal('supplement'),
  ...ticketRef,
  expectedVersion,
  note,
  photos,
})

export const ticketsRequest = z.discriminatedUnion(
  'action',
  [
    submitTicketRequest,
    listMyTicketsRequest,
    ticketDetailRequest,
    confirmTicketRequest,
    reopenTicketRequest,
    supplementTicketRequest,
  ],
  { error: '不支持的操作' },
)
export type TicketsRequest = z.infer<typeof ticketsRequest>
export type TicketsRequestInput = z.input<typeof ticketsRequest>

export const submitTicketResponse = z.object({
  ticketId: z.string(),
  number: z.string(),
  status: ticketStatus,
  /** When the reporter can expect a result (null if nobody could be assigned yet). */
  resolveDueAt: isoInstant.nullable(),
  /** Content security said `review`: accepted, and a person will look at it. */
  flagged: z.boolean(),
})

/** Answer of every command on one ticket: the ticket as this caller now sees it. */
export const ticketMutationResponse = z.object({ ticket: ticketView })

export const ticketsResponses = {
  submit: submitTicketResponse,
  listMine: pageOf(ticketSummary),
  detail: z.object({ ticket: ticketDetailView }),
  confirm: ticketMutationResponse,
  reopen: ticketMutationResponse,
  supplement: ticketMutationResponse,
} as const
