/**
 * The deadline sweep (docs/architecture.md, "Deadlines and escalation"), for every town of the environment at once. Its cost follows
 * the work, not the number of towns or of open tickets:
 * - the outbox entries the tickets' writes carried are materialised first (outbox/materialise.ts:
 *   one query across towns, one insert per collection and one update when there are any), then
 *   the outbox is dispatched (dispatch.ts), so a new task's notice goes out within a minute
 *   whatever else is due;
 * - the tickets whose `nextDueAt` has passed are one indexed query across towns (`nextDueAt`,
 *   `_id`), paged; each page loads the configuration of the towns it holds (cached per warm
 *   instance), and the names, villages and grids it needs, one query each;
 * - each ticket gets the ladder's commands `dueActions` names (remind, escalate, auto-close),
 *   written with one conditional update on the version it was read at: two overlapping sweeps
 *   cannot fire a step twice (the second one's update matches nothing), and a ticket someone
 *   changed meanwhile is left to the next run, which reads it fresh. The notifications and audits
 *   of a page are then written in one insert each;
 * - a burst is drained in rounds within the run's time budget, each town at most TOWN_SHARE
 *   tickets per round, so one town's backlog cannot hold another town's alerts back;
 * - the outbox is dispatched again for what the sweep produced.
 * With `dryRun` nothing is written: the report says what a run would do.
 */
import {
  dueActions,
  hasRobots,
  systemActor,
  transition,
  type Ticket,
  type TicketCommand,
  type TransitionContext,
  type Village,
} from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { readAll } from '../store/readAll'
import {
  listTowns,
  listTownIds,
  resolveTownConfig,
  townConfigs,
  type TownConfig,
  type TownConfigDocument,
} from '../store/config'
import { encodeCursor, pageWhere } from '../store/cursor'
import { dispatchOutbox, emptyDispatchReport, type DispatchReport } from '../outbox/dispatch'
import { emptyMaterialiseReport, materialiseOutbox, type MaterialiseReport } from '../outbox/materialise'
import { auditsFor, notificationsFor, type AuditDocument, type NotificationDocument } from '../outbox/outbox'
import { ticketsIn, toTicket } from '../store/ticketRepository'
import { updateTicketIf } from '../store/ticketWrites'
import { queueDailyDigest } from '../outbox/channels/digest'
import { robotPostsOf } from '../outbox/channels/robotPosts'
import type { EffectBatch } from '../outbox/outbox'
import { maskExpiredContactsOf } from './retention'
import { refreshSnapshot } from '../store/townSnapshot'
import { openDayCounters } from '../store/ticketNumbers'

export interface SweepReport {
  examined: number
  reminded: number
  escalated: number
  autoClosed: number
  conflicts: number
  /** The ticket changes whose notifications and audits were moved out of the tickets' outboxes. */
  materialised: MaterialiseReport
  delivery: DispatchReport
  /** Finished tickets whose contact details the retention rule removed in this run. */
  contactsMasked: number
  /** Towns whose snapshot the nightly check found changed (store/townSnapshot.ts `refreshSnapshot`). */
  snapshotsChanged: number
  /** Towns whose day counter the night's run opened (store/ticketNumbers.ts `openDayCounters`). */
  countersOpened: number
  /** Only in a dry run: nothing was written, the counts say what a run would do. */
  dryRun?: true
  /** The time budget ran out with tickets still due: the next run carries on. */
  outOfTime?: true
}

export interface SweepOptions {
  dryRun?: boolean
  /** Wall-clock time the ticket sweep may take (the function's limit is 60 s). */
  budgetMs?: number
}

const PAGE = 100
/** Tickets of one town per round, before the other towns' due tickets get their turn. */
const TOWN_SHARE = 25
const DEFAULT_BUDGET_MS = 40_000
/** 03:00 in Shanghai: the hour in which every town's snapshot is checked, a sixtieth each minute. */
const SNAPSHOT_CHECK_HOUR_UTC = 19

type Fired = Pick<SweepReport, 'reminded' | 'escalated' | 'autoClosed'>

const commandOf = (a: ReturnType<typeof dueActions>['actions'][number]): TicketCommand =>
  a.command === 'autoClose'
    ? { type: 'autoClose' }
    : a.command === 'remind'
      ? { type: 'remind', step: a.step }
      : { type: 'escalate', step: a.step }

/** What a page of due tickets needs besides their towns' configuration: one query each. */
interface PageNames {
  villages: Map<string, Village>
  grids: Record<string, string>
  staff: Record<string, string>
}

async function byIds<T extends { _id: string; townId: string }>(
  collection: string,
  ids: Iterable<string>,
  fields?: Record<string, boolean>,
): Promise<T[]> {
  const unique = [...new Set(ids)].filter((id) => id !== '')
  if (unique.length === 0) return []
  let q = db()
    .collection<T>(collection)
    .where({ _id: db().command.in(unique) })
    .limit(unique.length)
  if (fields) q = q.field({ ...fields, townId: true })
  return (await q.get()).data
}

async function pageNames(tickets: Ticket[]): Promise<PageNames> {
  const [villages, grids, staff] = await Promise.all([
    byIds<Village>(
      C.villages,
      tickets.map((t) => t.villageId),
    ),
    byIds<{ _id: string; townId: string; name: string; villageId: string }>(
      C.grids,
      tickets.map((t) => t.gridId),
      { name: true, villageId: true },
    ),
    byIds<{ _id: string; townId: string; name: string }>(
      C.staff,
      tickets.map((t) => t.assigneeId ?? ''),
      { name: true },
    ),
  ])
  const villageMap = new Map(villages.map((v) => [v._id, v]))
  return {
    villages: villageMap,
    grids: Object.fromEntries(
      grids.map((g) => [g._id, `${villageMap.get(g.villageId)?.name ?? ''}${g.name}`]),
    ),
    staff: Object.fromEntries(staff.map((s) => [s._id, s.name])),
  }
}

interface Decision {
  before: Ticket
  after: Ticket
  fired: Fired
  notifications: NotificationDocument[]
  audits: AuditDocument[]
  /** The transitions' effects (for the town's group robots, when it has any). */
  batches: EffectBatch[]
  villages: Map<string, Village>
}

/** The ladder's commands on one ticket as read; null if nothing changes. */
function decide(ticket: Ticket, config: TownConfig, names: PageNames, now: Date): Decision | null {
  const due = dueActions(ticket, now, config.rules, config.calendar)
  const fired: Fired = { reminded: 0, escalated: 0, autoClosed: 0 }
  if (due.actions.length === 0) {
    // Nothing to fire (another sweep did it): only a stale nextDueAt is corrected.
    if (ticket.nextDueAt === due.nextDueAt) return null
    return {
      before: ticket,
      after: { ...ticket, nextDueAt: due.nextDueAt },
      fired,
      notifications: [],
      audits: [],
      batches: [],
      villages: new Map(),
    }
  }
  // Another town's village never names this town's recipients.
  const villages = new Map([...names.villages].filter(([, v]) => v.townId === config.townId))
  const ctx: TransitionContext = {
    actor: systemActor(config.townId),
    now,
    rules: config.rules,
    calendar: config.calendar,
    categories: config.categories,
    names: { grids: names.grids, staff: names.staff },
  }
  let after: Ticket = ticket
  const notifications: NotificationDocument[] = []
  const audits: AuditDocument[] = []
  const batches: EffectBatch[] = []
  for (const action of due.actions) {
    const result = transition(after, commandOf(action), ctx)
    if (!result.ok) continue
    after = result.ticket
    batches.push({ version: after.version, effects: result.effects })
    notifications.push(...notificationsFor(config.townId, after.version, result.effects, villages, now))
    audits.push(...auditsFor(config.townId, after.version, result.effects))
    if (action.command === 'remind') fired.reminded++
    else if (action.command === 'escalate') fired.escalated++
    else fired.autoClosed++
  }
  if (after === ticket) after = { ...ticket, nextDueAt: due.nextDueAt }
  return { before: ticket, after, fired, notifications, audits, batches, villages }
}

/** Fires what is due on a page of tickets (of towns with configuration); writes unless dry. */
async function sweepPage(
  tickets: Ticket[],
  configs: Map<string, TownConfig>,
  now: Date,
  dryRun: boolean,
  report: SweepReport,
): Promise<void> {
  const names = await pageNames(tickets)
  const notifications: NotificationDocument[] = []
  const audits: AuditDocument[] = []
  for (const t of tickets) {
    report.examined++
    const config = configs.get(t.townId) as TownConfig
    let decision: Decision | null
    try {
      decision = decide(t, config, names, now)
    } catch (err) {
      console.error(`[sweeper] ticket ${t._id}:`, err)
      continue
    }
    if (decision === null) continue
    if (!dryRun && !(await updateTicketIf(decision.before, decision.after))) {
      report.conflicts++
      continue
    }
    report.reminded += decision.fired.reminded
    report.escalated += decision.fired.escalated
    report.autoClosed += decision.fired.autoClosed
    notifications.push(...decision.notifications)
    audits.push(...decision.audits)
    // Overdue alerts also go to the town's 企业微信 group robots, when it has set them up.
    if (!dryRun && hasRobots(config.alerts))
      notifications.push(
        ...(await robotPostsOf(t.townId, decision.after, decision.batches, decision.villages, now)),
      )
  }
  if (dryRun) return
  // Only the winner of each ticket's conditional update gets here, so these ids are new.
  if (notifications.length > 0) await db().collection(C.notifications).add({ data: notifications })
  if (audits.length > 0) await db().collection(C.audit).add({ data: audits })
}

/** Due tickets across towns, in rounds of at most TOWN_SHARE per town, until done or out of time. */
async function sweepDue(now: Date, options: SweepOptions, report: SweepReport): Promise<void> {
  const _ = db().command
  const dryRun = options.dryRun === true
  const deadline = Date.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS)
  const seen = new Set<string>()
  // Shares matter only while several towns wait: a round in which only capped towns had work is
  // followed by one without a cap.
  let share = dryRun ? Infinity : TOWN_SHARE
  for (let round = 0; ; round++) {
    const served = new Map<string, number>()
    const capped = new Set<string>()
    let cursor: string | null = null
    for (;;) {
      if (Date.now() > deadline) {
        report.outOfTime = true
        return
      }
      const base = {
        nextDueAt: _.lte(now.toISOString()),
        ...(capped.size > 0 ? { townId: _.nin([...capped]) } : {}),
      }
      const { data } = await ticketsIn()
        .where(pageWhere(base, 'nextDueAt', 'asc', cursor))
        .orderBy('nextDueAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(PAGE)
        .get()
      if (data.length === 0) break
      const last = data[data.length - 1]
      cursor = encodeCursor({ v: last.nextDueAt, id: last._id })
      const mine: Ticket[] = []
      for (const row of data) {
        if (seen.has(row._id) || capped.has(row.townId)) continue
        const n = served.get(row.townId) ?? 0
        if (n >= share) {
          capped.add(row.townId)
          continue
        }
        served.set(row.townId, n + 1)
        seen.add(row._id)
        mine.push(toTicket(row))
      }
      if (mine.length > 0)
        await sweepPage(mine, await townConfigs(mine.map((t) => t.townId)), now, dryRun, report)
      if (data.length < PAGE) break
    }
    // Every due ticket was seen unless a town was capped: then its rest gets the next round.
    if (capped.size === 0) return
    if (served.size === capped.size) share = Infinity
  }
}

/**
 * The work that is per town by nature, kept off the idle path: the daily digest of towns that set up
 * group robots (their configuration documents, one query a run; nothing is read for a town without
 * alerts), the retention rule at minute 0 of each hour (one update per retention period and
 * 100 towns), and between 03:00 and 04:00 in Shanghai the night's work: at 03:00 the day's ticket
 * counters of all towns are opened (a few operations per 100 towns), and the town snapshots are
 * checked, a sixtieth of the towns each minute (~15 reads a town; a town found changed is announced).
 */
async function townChores(now: Date, report: SweepReport): Promise<void> {
  for (const config of await townsWithAlerts()) await queueDailyDigest(config, now)
  const minute = now.getUTCMinutes()
  if (now.getUTCHours() === SNAPSHOT_CHECK_HOUR_UTC) {
    const towns = await listTowns()
    if (minute === 0) report.countersOpened += await openDayCounters(towns, now)
    for (let i = minute; i < towns.length; i += 60)
      if (await refreshSnapshot(towns[i].townId, now)) report.snapshotsChanged++
  }
  if (minute !== 0) return
  const configs = await townConfigs(await listTownIds())
  report.contactsMasked += await maskExpiredContactsOf([...configs.values()], now)
}

async function townsWithAlerts(): Promise<TownConfig[]> {
  const docs = await readAll<TownConfigDocument>(
    C.config,
    { kind: 'town', alerts: db().command.exists(true) },
    {},
    Infinity,
  )
  return docs.map((d) => resolveTownConfig(d.townId, d))
}

const addDelivery = (into: DispatchReport, d: DispatchReport): void => {
  into.sent += d.sent
  into.inAppOnly += d.inAppOnly
  into.retried += d.retried
  into.failed += d.failed
  into.unknown += d.unknown
  into.unknownIds.push(...d.unknownIds.slice(0, Math.max(0, 20 - into.unknownIds.length)))
}

export async function sweep(now: Date, options: SweepOptions = {}): Promise<SweepReport> {
  const report: SweepReport = {
    examined: 0,
    reminded: 0,
    escalated: 0,
    autoClosed: 0,
    conflicts: 0,
    materialised: emptyMaterialiseReport(),
    delivery: emptyDispatchReport(),
    contactsMasked: 0,
    snapshotsChanged: 0,
    countersOpened: 0,
  }
  const dryRun = options.dryRun === true
  if (dryRun) report.dryRun = true
  // New tasks' notices first, whatever else is due; then the ladder; then what the ladder produced.
  // A failure here (the database, for a moment) must not hold the ladder back: the entries stay
  // in their tickets for the next run.
  try {
    report.materialised = await materialiseOutbox({ dryRun })
  } catch (err) {
    console.error('[sweeper] materialising the outbox:', err)
  }
  addDelivery(report.delivery, await dispatchOutbox(now, { dryRun, checkAbandoned: true }))
  await sweepDue(now, options, report)
  if (!dryRun) await townChores(now, report)
  if (!dryRun && report.reminded + report.escalated + report.autoClosed > 0)
    addDelivery(report.delivery, await dispatchOutbox(now, { dryRun }))
  return report
}
