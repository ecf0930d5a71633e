/**
 * Subscribe-message permission, asked from a tap (WeChat allows it only there, ≤ 3 templates).
 * Call `askSubscribe` FIRST in the tap handler, before any await, then await its promise.
 * The accepted templates are reported to the `messages` function, which keeps the credits.
 * Which ids to ask for is the town's configuration (roster.me's `subscribeTemplates`,
 * hooks/useTownChoices): the reporter's on submit, staff's for their tasks.
 */
import { messages } from './api'
import { requestSubscribe } from './cloud'

/**
 * Never fails the caller's action: a refused or failed subscription only means no WeChat message.
 * Resolves to what was accepted and the credits now held per template (null when nothing could
 * be reported).
 */
export function askSubscribe(
  templateIds: string[],
): Promise<{ accepted: string[]; credits: Record<string, number> } | null> {
  const ids = templateIds.slice(0, 3) // WeChat's limit per call
  const asked = requestSubscribe(ids) // synchronously inside the tap
  return asked.then(async (r) => {
    if (!r.ok || ids.length === 0) return null
    const results: Record<string, 'accept' | 'reject'> = {}
    for (const id of ids) results[id] = r.data.includes(id) ? 'accept' : 'reject'
    const reported = await messages.reportSubscriptions(results)
    return reported.ok ? { accepted: r.data, credits: reported.data.credits } : null
  })
}
