/**
 * The inbox's count per status, as the server counted them over all of the assignee's tasks (the
 * first page of `tasks.inbox` carries them) — never a count of the rows loaded so far, which would
 * say "待签收 50" when there are 120.
 */
import type { TicketStatus } from '@shared/model/ticket'

export type InboxCounts = Partial<Record<TicketStatus, number>>

/** Always shown (a zero is news too); `resolved` (awaiting the resident's rating) only when there are some. */
const ALWAYS = ['pendingSignFor', 'inProgress', 'awaitingInfo'] as const
const WHEN_ANY = ['resolved'] as const

export function inboxCountChips(
  counts: InboxCounts | null | undefined,
): { status: TicketStatus; n: number }[] {
  if (!counts) return []
  return [
    ...ALWAYS.map((status) => ({ status, n: counts[status] ?? 0 })),
    ...WHEN_ANY.map((status) => ({ status, n: counts[status] ?? 0 })).filter((c) => c.n > 0),
  ]
}
