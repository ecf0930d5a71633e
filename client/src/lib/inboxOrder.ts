/** The inbox order: tasks awaiting sign-for first, then the nearest deadline first. */
import { currentDeadline } from './format'

interface Row {
  status: string
  signForDueAt: string | null
  resolveDueAt: string | null
}

export function inboxOrder(a: Row, b: Row): number {
  const rank = (t: Row) => (t.status === 'pendingSignFor' ? 0 : 1)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  const due = (t: Row) => currentDeadline(t)?.dueAt ?? '9999'
  return due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0
}
