/**
 * Subscribe-message permission, asked from a tap (WeChat allows it only there, ≤ 3 templates).
 * Call `askSubscribe` FIRST in the tap handler, before any await, then await its promise.
 * The accepted templates are reported to the `messages` function, which keeps the credits.
 */
import { DEFAULT_TEMPLATE_CONFIG } from '@shared/notifications/templateConfig'
import { messages } from './api'
import { requestSubscribe } from './cloud'

/** What a reporter hears about: accepted, progress, resolved. */
export const REPORTER_TEMPLATES = [
  DEFAULT_TEMPLATE_CONFIG.ticketAccepted.templateId,
  DEFAULT_TEMPLATE_CONFIG.ticketProgress.templateId,
  DEFAULT_TEMPLATE_CONFIG.ticketResolved.templateId,
]

/** What staff hear about: new tasks, due tasks, overdue alerts. */
export const STAFF_TEMPLATES = [
  DEFAULT_TEMPLATE_CONFIG.taskNew.templateId,
  DEFAULT_TEMPLATE_CONFIG.taskDue.templateId,
  DEFAULT_TEMPLATE_CONFIG.overdueAlert.templateId,
]

/** Never fails the caller's action: a refused or failed subscription only means no WeChat message. */
export function askSubscribe(templateIds: string[]): Promise<void> {
  const asked = requestSubscribe(templateIds) // synchronously inside the tap
  return asked.then(async (r) => {
    if (!r.ok) return
    const results: Record<string, 'accept' | 'reject'> = {}
    for (const id of templateIds) results[id] = r.data.includes(id) ? 'accept' : 'reject'
    await messages.reportSubscriptions(results)
  })
}
