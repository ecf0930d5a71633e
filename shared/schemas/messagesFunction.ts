import * as z from 'zod'
import { clientRequestId, documentId, isoInstant, pageOf, pageRequest } from './common'
import { LIMITS } from './limits'

/** Function `messages`: the in-app message centre and the subscribe-message credits the client reports. */

export const listMessagesRequest = z.object({
  action: z.literal('list'),
  ...pageRequest,
  unreadOnly: z.boolean({ error: '筛选条件无效' }).default(false),
})

/** Either some messages by id, or `all: true`. */
export const markReadRequest = z
  .object({
    action: z.literal('markRead'),
    messageIds: z
      .array(documentId('消息'))
      .min(1, '请选择消息')
      .max(LIMITS.markReadMax, `一次最多 ${LIMITS.markReadMax} 条`)
      .optional(),
    all: z.literal(true, { error: '全部已读选项无效' }).optional(),
  })
  .refine((r) => (r.messageIds === undefined) !== (r.all === undefined), '请选择消息，或选择全部已读')

export const unreadCountRequest = z.object({ action: z.literal('unreadCount') })

/**
 * What `wx.requestSubscribeMessage` answered, per template id: `accept` earns a credit (one-time
 * template) or records the standing consent (long-term template); `reject`/`ban` turn a long-term
 * consent off.
 */
export const subscribeDecision = z.enum(['accept', 'reject', 'ban', 'filter'])
export const reportSubscriptionsRequest = z.object({
  action: z.literal('reportSubscriptions'),
  /** One per tap: a retried report adds no credits and answers what the first one did. */
  clientRequestId: clientRequestId.optional(),
  results: z
    .record(z.string().min(1, '订阅模板无效').max(128, '订阅模板无效'), subscribeDecision, {
      error: '订阅结果无效',
    })
    .refine((r) => Object.keys(r).length >= 1, '没有订阅结果')
    .refine((r) => Object.keys(r).length <= LIMITS.subscriptionsPerReport, '一次最多订阅 3 个模板'),
})

/** What a group's "allow" taps have left: one WeChat message per credit (docs/architecture.md, "Notifications"). */
export const subscriptionCreditsRequest = z.object({
  action: z.literal('subscriptionCredits'),
  group: z.enum(['reporter', 'staff'], { error: '提醒类别无效' }),
})

export const messagesRequest = z.discriminatedUnion(
  'action',
  [
    listMessagesRequest,
    markReadRequest,
    unreadCountRequest,
    reportSubscriptionsRequest,
    subscriptionCreditsRequest,
  ],
  { error: '不支持的操作' },
)
export type MessagesRequest = z.infer<typeof messagesRequest>
export type MessagesRequestInput = z.input<typeof messagesRequest>

export const messageItem = z.object({
  _id: z.string(),
  templateKey: z.string(),
  title: z.string(),
  /** Keyword label → shown value, in template order (the same words the subscribe message carries). */
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
  ticketId: z.string().nullable(),
  read: z.boolean(),
  createdAt: isoInstant,
})

export const messagesResponses = {
  list: pageOf(messageItem),
  markRead: z.object({ updated: z.number().int().min(0) }),
  unreadCount: z.object({ count: z.number().int().min(0) }),
  reportSubscriptions: z.object({ credits: z.record(z.string(), z.number().int().min(0)) }),
  subscriptionCredits: z.object({
    templates: z.array(
      z.object({
        templateId: z.string(),
        title: z.string(),
        /** One-time: messages left. Long-term: 1 while the consent stands, 0 when off. */
        credits: z.number().int().min(0),
        /** A long-term template (one "allow" for good) rather than one message per "allow". */
        longTerm: z.boolean().optional(),
      }),
    ),
    /** Whether a 企业微信 group robot of the caller's village (or the town office) posts overdue alerts. */
    groupRobot: z.boolean().optional(),
  }),
} as const
