import * as z from 'zod'
import {
  boundedText,
  clientRequestId,
  description,
  documentId,
  expectedVersion,
  location,
  note,
  pageOf,
  pageRequest,
  photos,
  reason,
  ticketRef,
} from './common'
import { LIMITS } from './limits'
import { revealContactRequest, revealContactResponse } from './contactReveal'
import { ticketMutationResponse } from './ticketsFunction'
import { ticketStatus, ticketSummary } from './ticketView'

/** Function `tasks`: the assignee's inbox and handling (grid workers, or a guide who got a fallback). */

const command = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.object({ action: z.literal(action), ...ticketRef, expectedVersion, ...shape })

export const inboxRequest = z.object({
  action: z.literal('inbox'),
  ...pageRequest,
  filter: z
    .enum(['todo', 'pendingSignFor', 'inProgress', 'awaitingInfo', 'resolved', 'done'], {
      error: '筛选条件无效',
    })
    .default('todo'),
})

export const signForRequest = command('signFor', {})
/**
 * Without `expectedVersion` a retry would add the note twice; with `clientRequestId` (one per tap)
 * a retry answers the ticket as the first call left it.
 */
export const addProgressRequest = command('addProgress', {
  clientRequestId: clientRequestId.optional(),
  note,
  photos,
})
export const requestInfoRequest = command('requestInfo', {
  question: boundedText('需要补充的内容', LIMITS.reasonMin, LIMITS.reasonMax),
})
/** The assignee ends a wait themselves (the resident answered by phone, or never will). */
export const resumeRequest = command('resume', { note })
export const resolveRequest = command('resolve', {
  result: boundedText('办理结果', LIMITS.noteMin, LIMITS.noteMax),
  photos,
})
export const returnTicketRequest = command('returnTicket', { reason })
export const transferRequest = command('transfer', { toGridId: documentId('目标网格'), reason })

/** 巡查/摸排 log; when the patrol found a problem, the function also submits it as a ticket. */
export const patrolRequest = z.object({
  action: z.literal('patrol'),
  clientRequestId,
  gridId: documentId('网格'),
  kind: z.enum(['patrol', 'survey'], { error: '巡查类型无效' }),
  note,
  photos,
  location: location.nullish(),
  issue: z
    .object({ categoryCode: z.string().min(1, '请选择问题类别').max(32, '问题类别无效'), description })
    .optional(),
})

export const tasksRequest = z.discriminatedUnion(
  'action',
  [
    inboxRequest,
    signForRequest,
    addProgressRequest,
    requestInfoRequest,
    resumeRequest,
    resolveRequest,
    returnTicketRequest,
    transferRequest,
    patrolRequest,
    revealContactRequest,
  ],
  { error: '不支持的操作' },
)
export type TasksRequest = z.infer<typeof tasksRequest>
export type TasksRequestInput = z.input<typeof tasksRequest>

export const patrolResponse = z.object({
  patrolId: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
})

/** Tickets per status among the assignee's open and resolved ones, for the tabs (first page only). */
export const inboxCounts = z.partialRecord(ticketStatus, z.number().int().min(0))

export const inboxResponse = pageOf(ticketSummary).extend({ counts: inboxCounts.optional() })

export const tasksResponses = {
  inbox: inboxResponse,
  signFor: ticketMutationResponse,
  addProgress: ticketMutationResponse,
  requestInfo: ticketMutationResponse,
  resume: ticketMutationResponse,
  resolve: ticketMutationResponse,
  returnTicket: ticketMutationResponse,
  transfer: ticketMutationResponse,
  patrol: patrolResponse,
  revealContact: revealContactResponse,
} as const
