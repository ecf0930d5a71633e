/**
 * Subscribe-message permission, asked from a tap (WeChat allows it only there, ≤ 3 templates).
 * Call `askSubscribe` FIRST in the tap handler, before any await, then await its promise.
 * The accepted templates are reported to the `messages` function, which keeps the credits.
 * Which ids to ask for is the town's configuration (roster.me's `subscribeTemplates`,
 * hooks/useTownChoices): the reporter's on submit, staff's for their tasks.
 */
import { messages } from './api'
import { requestSubscribe } from './cloud'

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
