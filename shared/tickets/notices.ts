import { formatShanghaiShort, toIso } from '../calendar/shanghaiTime'
import type { Ticket } from '../model/ticket'
import type { TemplateInputs } from '../notifications/templateInputs'
import type { TransitionContext } from './context'
import { notify, type NotifyEffect, type Recipient } from './effects'

/** Notification builders shared by the command handlers: the ticket's facts in template words. */

export const reporterOf = (t: Ticket): Recipient => ({ kind: 'reporter', openid: t.reporter.openid })

/** The assignee, or — while nobody holds the ticket — the village guides who must dispatch it. */
export const holderOf = (t: Ticket): Recipient =>
  t.assigneeId === null
    ? { kind: 'villageGuides', villageId: t.villageId }
    : { kind: 'staff', staffId: t.assigneeId }

export const gridNameOf = (ctx: TransitionContext, gridId: string): string => ctx.names?.grids?.[gridId] ?? ''
export const staffNameOf = (ctx: TransitionContext, staffId: string | null): string =>
  staffId === null ? '待派单' : (ctx.names?.staff?.[staffId] ?? '')

export const progressNotice = (
  t: Ticket,
  ctx: TransitionContext,
  status: string,
  progress: string,
): NotifyEffect =>
  notify(t._id, reporterOf(t), 'ticketProgress', {
    ticketNumber: t.number,
    status,
    progress,
    updatedAt: toIso(ctx.now),
  })

export const taskNotice = (
  t: Ticket,
  ctx: TransitionContext,
  recipient: Recipient,
  task: string,
  dueAt: string,
): NotifyEffect =>
  notify(t._id, recipient, 'taskNew', {
    ticketNumber: t.number,
    task,
    gridName: gridNameOf(ctx, t.gridId),
    dueAt,
    urgency: t.priority === 'urgent' ? '紧急' : '一般',
  })

export const acceptedNotice = (t: Ticket, ctx: TransitionContext, resolveDueAt: string): NotifyEffect =>
  notify(t._id, reporterOf(t), 'ticketAccepted', {
    ticketNumber: t.number,
    description: t.description,
    status: '已受理',
    acceptedAt: toIso(ctx.now),
    tip: `预计${formatShanghaiShort(resolveDueAt)}前办结`,
  })

export const overdueNotice = (
  t: Ticket,
  ctx: TransitionContext,
  recipient: Recipient,
  data: Pick<TemplateInputs['overdueAlert'], 'overdue' | 'level'>,
): NotifyEffect =>
  notify(t._id, recipient, 'overdueAlert', {
    ticketNumber: t.number,
    matter: t.description,
    assigneeName: staffNameOf(ctx, t.assigneeId),
    ...data,
  })
