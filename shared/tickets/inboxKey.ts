import type { Ticket, TicketStatus } from '../model/ticket'

const INBOX_RANK: Record<TicketStatus, number> = {
  pendingSignFor: 0,
  inProgress: 1,
  awaitingInfo: 2,
  returned: 3,
  submitted: 3,
  resolved: 4,
  closed: 5,
  rejected: 5,
}

/**
 * A stored ticket's `inboxKey`, `0|2026-09-01T04:00:00.000Z`: the rank of its status, then the
 * deadline that matters now — so an inbox is "awaiting sign-for first, then by deadline" in one
 * indexed query.
 */
export const inboxKey = (t: Ticket): string => {
  const due = t.status === 'pendingSignFor' ? t.deadlines?.signFor.dueAt : t.deadlines?.resolve.dueAt
  return `${INBOX_RANK[t.status]}|${due ?? '9999'}`
}
