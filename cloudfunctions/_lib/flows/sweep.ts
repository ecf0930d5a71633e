/**
 * The deadline sweep (DESIGN.md §5): for each town, the tickets whose `nextDueAt` has passed —
 * an indexed, paged query, so the cost follows the number due, not the number open — get the
 * ladder's commands `dueActions` names (remind, escalate, auto-close), each ticket in its own
 * transaction. Two overlapping sweeps cannot fire a step twice: the second one's write conflicts,
 * and on fresh reads the step is no longer due. Then the outbox is dispatched.
 */
import { dueActions, systemActor, transition, type Ticket, type TicketCommand } from '@shared/index'
import { db } from '../platform/cloud'
import { listTownIds, townConfig, type TownConfig } from '../store/config'
import { encodeCursor, pageWhere } from '../store/cursor'
import { staffNames } from '../store/directory'
import { dispatchOutbox, emptyDispatchReport, type DispatchReport } from '../outbox/dispatch'
import { queueDailyDigest } from '../outbox/channels/digest'
import { AppError } from '../entry/envelope'
import type { EffectBatch } from '../outbox/outbox'
import { persist, transitionContext } from './ticketCommand'
import { getTicket, saveTicket, ticketsIn, toTicket } from '../store/ticketRepository'
import { Abort, inTransaction } from '../store/transactions'
import { maskExpiredContacts } from './retention'

export interface SweepReport {
  examined: number
  reminded: number
  escalated: number
  autoClosed: number
  conflicts: number
  delivery: DispatchReport
  /** Finished tickets whose contact details the retention rule removed in this run. */
  contactsMasked: number
}

const PAGE = 50
const MAX_PAGES = 20

type Fired = Pick<SweepReport, 'reminded' | 'escalated' | 'autoClosed'>

const commandOf = (a: ReturnType<typeof dueActions>['actions'][number]): TicketCommand =>
  a.command === 'autoClose'
    ? { type: 'autoClose' }
    : a.command === 'remind'
      ? { type: 'remind', step: a.step }
      : { type: 'escalate', step: a.step }

/** Fires what is due on one ticket (re-read in the transaction); answers what fired. */
async function sweepTicket(
  config: TownConfig,
  id: string,
  now: Date,
  names: Record<string, string>,
): Promise<Fired> {
  const ctx = await transitionContext(config, systemActor(config.townId), now, names)
  return inTransaction<Fired>(
    async (txn) => {
      const fired: Fired = { reminded: 0, escalated: 0, autoClosed: 0 }
      const fresh = await getTicket(config.townId, id, txn)
      if (fresh === null) return new Abort(fired)
      const due = dueActions(fresh, now, config.rules, config.calendar)
      if (due.actions.length === 0) {
        // Nothing to fire (another sweep did it): only a stale nextDueAt is corrected.
        if (fresh.nextDueAt === due.nextDueAt) return new Abort(fired)
        await saveTicket(txn, { ...fresh, nextDueAt: due.nextDueAt })
        return fired
      }
      let ticket: Ticket = fresh
      const batches: EffectBatch[] = []
      for (const action of due.actions) {
        const result = transition(ticket, commandOf(action), ctx)
        if (!result.ok) continue
        ticket = result.ticket
        batches.push({ version: ticket.version, effects: result.effects })
        if (action.command === 'remind') fired.reminded++
        else if (action.command === 'escalate') fired.escalated++
        else fired.autoClosed++
      }
      if (batches.length === 0) {
        await saveTicket(txn, { ...fresh, nextDueAt: due.nextDueAt })
        return fired
      }
      await persist(txn, config.townId, ticket, batches, now)
      return fired
    },
    { retries: 1 },
  )
}

/** The ladder for one town: pages of due tickets in `nextDueAt` order. */
async function sweepTown(config: TownConfig, now: Date, report: SweepReport): Promise<void> {
  const _ = db().command
  const base = { townId: config.townId, nextDueAt: _.lte(now.toISOString()) }
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await ticketsIn()
      .where(pageWhere(base, 'nextDueAt', 'asc', cursor))
      .orderBy('nextDueAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    if (data.length === 0) return
    const tickets = data.map(toTicket)
    const names = await staffNames(
      config.townId,
      tickets.map((t) => t.assigneeId ?? ''),
    )
    for (const t of tickets) {
      report.examined++
      try {
        const fired = await sweepTicket(config, t._id, now, names)
        report.reminded += fired.reminded
        report.escalated += fired.escalated
        report.autoClosed += fired.autoClosed
      } catch (err) {
        if (err instanceof AppError && err.code === 'CONFLICT') report.conflicts++
        else console.error(`[sweeper] ticket ${t._id}:`, err)
      }
    }
    if (data.length < PAGE) return
    const last = data[data.length - 1]
    cursor = encodeCursor({ v: last.nextDueAt, id: last._id })
  }
}

export async function sweep(now: Date): Promise<SweepReport> {
  const report: SweepReport = {
    examined: 0,
    reminded: 0,
    escalated: 0,
    autoClosed: 0,
    conflicts: 0,
    delivery: emptyDispatchReport(),
    contactsMasked: 0,
  }
  for (const townId of await listTownIds()) {
    const config = await townConfig(townId)
    await sweepTown(config, now, report)
    report.contactsMasked += await maskExpiredContacts(config, now)
    await queueDailyDigest(config, now)
    const d = await dispatchOutbox(config, now)
    report.delivery.sent += d.sent
    report.delivery.inAppOnly += d.inAppOnly
    report.delivery.retried += d.retried
    report.delivery.failed += d.failed
    report.delivery.unknown += d.unknown
    report.delivery.unknownIds.push(...d.unknownIds)
  }
  return report
}
