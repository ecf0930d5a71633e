import * as z from 'zod'
import { documentId, expectedVersion, note, pageOf, pageRequest, reason, ticketRef } from './common'
import { ticketMutationResponse } from './ticketsFunction'
import { ticketSummary } from './ticketView'

/** Function `supervision`: guides, supervisors and the grid office watch and correct the flow. */

export const overdueBoardRequest = z.object({
  action: z.literal('overdueBoard'),
  ...pageRequest,
  villageId: documentId('村').optional(),
  /** Only tickets escalated to at least this level (1 催办, 2 督办, 3 挂牌督办). */
  minLevel: z.number().int().min(1, '督办级别无效').max(3, '督办级别无效').default(1),
})

export const returnedQueueRequest = z.object({
  action: z.literal('returnedQueue'),
  ...pageRequest,
  villageId: documentId('村').optional(),
})

/** Send a returned (or unassigned) ticket to a grid; the routing chain picks the person unless named. */
export const redispatchRequest = z.object({
  action: z.literal('redispatch'),
  ...ticketRef,
  expectedVersion,
  toGridId: documentId('目标网格'),
  assigneeId: documentId('办理人').optional(),
  note: note.optional(),
})

export const rejectRequest = z.object({ action: z.literal('reject'), ...ticketRef, expectedVersion, reason })

export const markDuplicateRequest = z.object({
  action: z.literal('markDuplicate'),
  ...ticketRef,
  expectedVersion,
  /** The original: its number (`20260901-0012`) or its `_id`, in the caller's town. */
  duplicateOf: documentId('原工单'),
  reason,
})

/** A guide's manual 催办 to the assignee (the ladder's automatic steps are the sweeper's). */
export const remindRequest = z.object({
  action: z.literal('remind'),
  ...ticketRef,
  note: note.optional(),
})

export const supervisionRequest = z.discriminatedUnion(
  'action',
  [
    overdueBoardRequest,
    returnedQueueRequest,
    redispatchRequest,
    rejectRequest,
    markDuplicateRequest,
    remindRequest,
  ],
  { error: '不支持的操作' },
)
export type SupervisionRequest = z.infer<typeof supervisionRequest>
export type SupervisionRequestInput = z.input<typeof supervisionRequest>

export const boardRow = ticketSummary.extend({
  assigneeName: z.string().nullable(),
  gridName: z.string().nullable(),
  villageName: z.string().nullable(),
})

export const supervisionResponses = {
  overdueBoard: pageOf(boardRow),
  returnedQueue: pageOf(boardRow),
  redispatch: ticketMutationResponse,
  reject: ticketMutationResponse,
  markDuplicate: ticketMutationResponse,
  remind: ticketMutationResponse,
} as const
