/**
 * How late, in the largest two units, for alerts and the board.
 *
 * @example
 * describeLateness(39 * 3_600_000) // '1天15小时'
 * describeLateness(200 * 60_000) // '3小时20分钟'
 * describeLateness(30_000) // '1分钟'
 */
export const describeLateness = (ms: number): string => {
  const minutes = Math.max(1, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`
  return `${mins}分钟`
}

/**
 * The deadline a chased ticket has missed: sign-for while it waits to be signed for, else the
 * resolve deadline once passed (a ticket signed late is still late on its sign-for until then).
 */
export const missedDeadline = (
  t: { status: string; deadlines: { signFor: { dueAt: string }; resolve: { dueAt: string } } | null },
  nowMs: number,
): string | null => {
  if (t.deadlines === null) return null
  if (t.status === 'pendingSignFor') return t.deadlines.signFor.dueAt
  return Date.parse(t.deadlines.resolve.dueAt) <= nowMs
    ? t.deadlines.resolve.dueAt
    : t.deadlines.signFor.dueAt
}
