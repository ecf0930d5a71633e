import * as z from 'zod'
import {
  clientRequestId,
  documentId,
  expectedVersion,
  note,
  pageOf,
  pageRequest,
  reason,
  ticketRef,
} from './common'
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

/**
 * A guide's or supervisor's manual 催办 to the assignee (the ladder's automatic steps are the
 * sweeper's). At most once an hour per ticket and sender: a second one within the hour is refused
 * with RATE_LIMITED, the message saying when the last one went.
 */
export const remindRequest = z.object({
  action: z.literal('remind'),
  ...ticketRef,
  /** One per tap: a retry answers the ticket as the first call left it (no second 催办). */
  clientRequestId: clientRequestId.optional(),
  note: note.optional(),
})

/**
 * 改派: give a ticket someone holds (待签收 or 办理中) to another person — of the same grid
 * (`toGridId` omitted) or of another grid in a village the caller supervises. Without `assigneeId`
 * the routing chain picks the target grid's person. Deadlines do not change; the new owner must
 * sign for it and is notified (待办事项提醒).
 */
export const reassignRequest = z.object({
  action: z.literal('reassign'),
  ...ticketRef,
  expectedVersion,
  toGridId: documentId('目标网格').optional(),
  assigneeId: documentId('办理人').optional(),
  reason,
})

/** Who a ticket can be given to in a grid: its grid workers and its village's guides (for 改派). */
export const assigneesRequest = z.object({
  action: z.literal('assignees'),
  gridId: documentId('网格'),
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
    reassignRequest,
    assigneesRequest,
  ],
  { error: '不支持的操作' },
)
export type SupervisionRequest = z.infer<typeof supervisionRequest>
export type SupervisionRequestInput = z.input<typeof supervisionRequest>

/** What became of the alerts posted to 企业微信 group robots for a ticket (none configured: null). */
export const robotDelivery = z.object({
  /** `failed`: every retry was refused; the board shows it so someone tells the group by hand. */
  state: z.enum(['pending', 'sent', 'failed']),
  /** When the last post went or failed. */
  at: z.string().nullable(),
})

export const boardRow = ticketSummary.extend({
  assigneeName: z.string().nullable(),
  /**
   * The responsible person's phone, masked (the board is only for those who supervise): the number
   * for the call button comes from `tasks.revealContact` with whose `assignee`, which logs it.
   */
  assigneePhone: z.string().nullable(),
  gridName: z.string().nullable(),
  villageName: z.string().nullable(),
  /** The group robots' delivery of this ticket's alerts (overdue board only). */
  robot: robotDelivery.nullable().optional(),
})

export const assigneeOption = z.object({
  staffId: z.string(),
  name: z.string(),
  /** 网格工作员 or 村级指导员. */
  roleName: z.string(),
})

export const supervisionResponses = {
  overdueBoard: pageOf(boardRow),
  returnedQueue: pageOf(boardRow),
  redispatch: ticketMutationResponse,
  reject: ticketMutationResponse,
  markDuplicate: ticketMutationResponse,
  remind: ticketMutationResponse,
  reassign: ticketMutationResponse,
  assignees: z.object({ items: z.array(assigneeOption) }),
} as const
