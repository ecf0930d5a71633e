/**
 * The day's ticket counter (the `counters` collection): one document per town and Shanghai day,
 * `ticket:<townId>:<yyyymmdd>`. A report takes its number by appending its ticket id to the day's
 * `claims` in one atomic update (no read-modify-write, so concurrent reports never conflict); its
 * number is its position in that list, after the `seq` numbers given out before the list began
 * (by the demo seed). The same update counts the reporter's reports that day (`perReporter`, the
 * daily limit). `advanceCounter` is the seed's step; `numberOfClaim` reads a number back.
 */
import { shanghaiDate } from '../calendar/shanghaiTime'
import { formatTicketNumber, ticketCounterKey } from './ticketNumber'

export interface CounterDocument {
  _id: string
  townId: string
  date: string
  /** Numbers given out before `claims` (the seed numbers its days this way). */
  seq: number
  /** Submissions per reporter openid that day (the per-user daily limit). */
  perReporter: Record<string, number>
  /** Ticket ids in the order they took their numbers: number = seq + position + 1. */
  claims?: string[]
  /**
   * The town's set-up version (roster, grids, configuration) as of the day's last change: a report
   * reads it with its number and reloads its copy of the town when it is newer. Absent: 0.
   */
  townVersion?: number
}

export interface CounterStep {
  /** The counter after this report. */
  counter: CounterDocument
  /** The report's number, `20260901-0012`. */
  number: string
  /** This reporter's reports that day, this one included. */
  submissionsToday: number
}

/**
 * The next number of the day at `at` for a report by `openid`, from the day's counter as stored
 * (`null` before the day's first report). Used by the demo seed, which numbers its days itself.
 *
 * @example
 * advanceCounter(null, 'town-a', 'o1', new Date('2026-09-01T01:00:00Z')).number // '20260901-0001'
 */
export function advanceCounter(
  current: Pick<CounterDocument, 'seq' | 'perReporter'> | null,
  townId: string,
  openid: string,
  at: Date,
): CounterStep {
  const seq = (current?.seq ?? 0) + 1
  const mine = (current?.perReporter?.[openid] ?? 0) + 1
  return {
    counter: {
      _id: ticketCounterKey(townId, at),
      townId,
      date: shanghaiDate(at),
      seq,
      perReporter: { ...(current?.perReporter ?? {}), [openid]: mine },
    },
    number: formatTicketNumber(at, seq),
    submissionsToday: mine,
  }
}

/**
 * The number a claim holds in the day's counter, or null if the counter has no such claim.
 *
 * @example
 * numberOfClaim({ seq: 3, claims: ['t_a', 't_b'] }, 't_b', new Date('2026-09-01T01:00:00Z')) // '20260901-0005'
 */
export function numberOfClaim(
  counter: Pick<CounterDocument, 'seq' | 'claims'>,
  ticketId: string,
  at: Date,
): string | null {
  const position = (counter.claims ?? []).indexOf(ticketId)
  return position < 0 ? null : formatTicketNumber(at, (counter.seq ?? 0) + position + 1)
}

/** A day's counter before any report (the sweeper opens each town's at night). */
export const emptyCounter = (townId: string, at: Date, townVersion = 0): CounterDocument => ({
  _id: ticketCounterKey(townId, at),
  townId,
  date: shanghaiDate(at),
  seq: 0,
  perReporter: {},
  claims: [],
  townVersion,
})

/** The first counter of a day, holding the day's first claim. */
export const firstCounter = (
  townId: string,
  openid: string,
  ticketId: string,
  at: Date,
  townVersion = 0,
): CounterDocument => ({
  _id: ticketCounterKey(townId, at),
  townId,
  date: shanghaiDate(at),
  seq: 0,
  perReporter: { [openid]: 1 },
  claims: [ticketId],
  townVersion,
})
