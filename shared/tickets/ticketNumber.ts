import { compactShanghaiDate, type Instant } from '../calendar/shanghaiTime'

/**
 * Ticket numbers people can read out on the phone: the Shanghai date of submission and the
 * day's counter, `20260901-0012`. The counter comes from the `counters` collection, keyed by
 * `ticketCounterKey`; past 9999 a day the number simply grows a digit.
 *
 * @example
 * formatTicketNumber('2026-09-01T01:00:00Z', 12) // '20260901-0012'
 */
export const formatTicketNumber = (submittedAt: Instant, dailyCounter: number): string => {
  if (!Number.isInteger(dailyCounter) || dailyCounter < 1) {
    throw new RangeError(`the daily counter starts at 1, got ${dailyCounter}`)
  }
  return `${compactShanghaiDate(submittedAt)}-${String(dailyCounter).padStart(4, '0')}`
}

/** The per-town, per-day counter document id: one town's numbers never collide with another's. */
export const ticketCounterKey = (townId: string, submittedAt: Instant): string =>
  `ticket:${townId}:${compactShanghaiDate(submittedAt)}`

export const TICKET_NUMBER_PATTERN = /^\d{8}-\d{4,}$/
