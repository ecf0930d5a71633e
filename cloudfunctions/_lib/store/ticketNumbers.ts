/**
 * Taking a ticket number without a transaction (shared/tickets/ticketCounter.ts): one conditional
 * update appends the ticket id to the day's claims and counts the report against the reporter's
 * limit, and answers the counter as it is afterwards (`updateAndReturn`), so the claim's position
 * is known in that one operation. The update is atomic in the database, so any
 * number of concurrent reports in a town each get their own number and none is refused; a repeat
 * of a report (same ticket id) finds its claim and gets the same number, whatever the limit says.
 * Only the day's first report also creates the document (two reports racing to do so: one insert
 * wins, the other appends).
 */
import {
  emptyCounter,
  firstCounter,
  numberOfClaim,
  ticketCounterKey,
  type CounterDocument,
} from '@shared/index'
import { db, updateAndReturn } from '../platform/cloud'
import { AppError } from '../entry/envelope'
import { C } from './collections'
import { isDuplicateKey } from './transactions'

const counters = () => db().collection<CounterDocument>(C.counters)

/** Give up after this long (the function's limit is far beyond): only a racing first insert retries. */
const DEADLINE_MS = 5_000

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 5)))

export interface TakenNumber {
  number: string
  /** The town's set-up version the day's counter carries (store/townSnapshot.ts). */
  townVersion: number
}

/**
 * The number of ticket `ticketId` (a report by `openid` at `now`), taken now or earlier, with the
 * town's set-up version. A new claim beyond the reporter's `limit` for the day is refused with
 * RATE_LIMITED; an earlier claim keeps its number. `versionNow` tells a new day's first report
 * which version to copy onto the day's counter.
 */
export async function takeNumber(
  townId: string,
  openid: string,
  ticketId: string,
  now: Date,
  limit: number,
  versionNow: () => Promise<number>,
): Promise<TakenNumber> {
  const _ = db().command
  const _id = ticketCounterKey(townId, now)
  const mine = `perReporter.${openid}`
  const started = Date.now()
  for (let attempt = 0; Date.now() - started < DEADLINE_MS; attempt++) {
    const claimed = await updateAndReturn<CounterDocument>(
      C.counters,
      _.and([
        { _id, claims: _.nin([ticketId]) },
        _.or([{ [mine]: _.exists(false) }, { [mine]: _.lt(limit) }]),
      ]),
      { claims: _.push(ticketId), [mine]: _.inc(1) },
    )
    const number = claimed && numberOfClaim(claimed, ticketId, now)
    if (number) return { number, townVersion: claimed.townVersion ?? 0 }
    // Nothing matched: the day has no counter yet, this report claimed before (a retry), or the
    // reporter reached the limit. One read tells which.
    const { data } = await counters().doc(_id).get()
    if (data !== null) {
      const earlier = numberOfClaim(data, ticketId, now)
      if (earlier !== null) return { number: earlier, townVersion: data.townVersion ?? 0 }
      if ((data.perReporter?.[openid] ?? 0) >= limit)
        throw new AppError('RATE_LIMITED', `每天最多提交 ${limit} 条，请明天再试`)
      // The document was created between our update and our read: append again.
    } else {
      try {
        const townVersion = await versionNow()
        await counters().add({ data: firstCounter(townId, openid, ticketId, now, townVersion) })
        return { number: numberOfClaim({ seq: 0, claims: [ticketId] }, ticketId, now) as string, townVersion }
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    }
    await pause(attempt)
  }
  throw new AppError('CONFLICT', '提交未完成，请重试')
}

/**
 * Opens today's counter of every town that has none yet (the sweeper, at night), carrying the
 * town's set-up version, so that a day's first report too takes its number in one operation.
 * Per 100 towns: one query for the counters that exist and one insert of the rest (a report that
 * made its town's counter meanwhile makes the insert go one by one). Answers how many it opened.
 */
export async function openDayCounters(
  towns: ReadonlyArray<{ townId: string; version: number }>,
  now: Date,
): Promise<number> {
  const _ = db().command
  let opened = 0
  for (let i = 0; i < towns.length; i += 100) {
    const page = towns.slice(i, i + 100)
    const { data } = await counters()
      .where({ _id: _.in(page.map((t) => ticketCounterKey(t.townId, now))) })
      .field({ _id: true })
      .limit(100)
      .get()
    const have = new Set(data.map((c) => c._id))
    const missing = page.map((t) => emptyCounter(t.townId, now, t.version)).filter((c) => !have.has(c._id))
    if (missing.length === 0) continue
    try {
      await counters().add({ data: missing })
      opened += missing.length
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      for (const counter of missing) {
        try {
          const { data: there } = await counters().doc(counter._id).get()
          if (there !== null) continue
          await counters().add({ data: counter })
          opened++
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
        }
      }
    }
  }
  return opened
}
