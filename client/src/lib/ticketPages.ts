/**
 * Which ticket page a message opens, by the message's relation to the viewer rather than by their
 * role alone: what a reporter hears about their own report (受理、进度、办结 — an informant's 代报
 * included) opens the reporter's page, where they rate it or ask for it to be redone; a task,
 * deadline or 督办 message opens the staff task page. Someone without a staff role always gets the
 * reporter's page (the task page's actions are not theirs).
 */
import { SUBSCRIBE_GROUPS } from '@shared/notifications/templateConfig'

export type TicketPage = 'ticket' | 'task'

export function messageTicketPage(templateKey: string, isStaff: boolean): TicketPage {
  if (!isStaff) return 'ticket'
  return (SUBSCRIBE_GROUPS.reporter as readonly string[]).includes(templateKey) ? 'ticket' : 'task'
}
