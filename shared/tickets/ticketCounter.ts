/**
 * The day's ticket counter (the `counters` collection): one document per town and Shanghai day,
 * `ticket:<townId>:<yyyymmdd>`, holding the last number given out and how many reports each
 * reporter made that day (the daily limit). One pure step, used by the submit transaction and by
 * the demo seed, so a seeded day numbers its tickets exactly as a live day would and the first
 * live report after the seed continues the sequence instead of repeating it.
 */
import { shanghaiDate } from '../calendar/shanghaiTime'
import { formatTicketNumber, ticketCounterKey } from './ticketNumber'

export interface CounterDocument {
  _id: string
  townId: string
  date: string
  seq: number
  /** Submissions per reporter openid that day (the per-user daily limit). */
  perReporter: Record<string, number>
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
 * (`null` before the day's first report).
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
