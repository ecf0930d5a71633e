/**
 * A new concern (docs/architecture.md, "The core loop" steps 1–2), from a resident, an informant (代报) or a patrol: checked,
 * numbered, routed and answered in one go. The ticket's `_id` is derived from the caller and the
 * client's request id, so a retried submit finds the first one instead of making a second. The
 * number is taken without a transaction (store/ticketNumbers.ts: concurrent reports never
 * conflict); then the ticket is inserted with its notifications and audits in its outbox
 * (outbox/ticketOutbox.ts): one write, so a repeat of the request finds both or neither. A
 * patrol's report writes the ticket and the patrol log in one transaction, so both or neither exist.
 */
import { createHash } from 'node:crypto'
import {
  systemActor,
  transition,
  type Actor,
  type Effect,
  type GeoPoint,
  type Grid,
  type Priority,
  type Ticket,
  type TicketCommand,
  type TicketSource,
  type VoiceNote,
} from '@shared/index'
import { checkText } from '../platform/contentSecurity'
import { AppError } from '../entry/envelope'
import { requireOwnUploads, requireOwnVoice } from '../platform/photos'
import type { RouteDecision } from '@shared/index'
import type { Transaction, Writer } from '../platform/sdkTypes'
import { refusal, transitionContext } from './ticketCommand'
import { getTicket, insertTicket } from '../store/ticketRepository'
import { takeNumber } from '../store/ticketNumbers'
import { cachedSnapshot, gridOf, routeFromSnapshot, townSnapshot, townVersion } from '../store/townSnapshot'
import { inTransaction, isDuplicateKey } from '../store/transactions'
import { db } from '../platform/cloud'
import { villagesFor, type EffectBatch } from '../outbox/outbox'
import { outboxEntry, type OutboxEntry } from '../outbox/ticketOutbox'

export interface Concern {
  clientRequestId: string
  categoryCode: string
  description: string
  photos: string[]
  voice?: VoiceNote | null
  location?: GeoPoint | null
  anonymous: boolean
  source: TicketSource
  priority?: Priority
  contact?: { name?: string; phone?: string }
  onBehalfOf?: { name?: string; phone?: string } | null
  /**
   * A grid worker's own patrol finding: when it is routed to them, they have it in hand already —
   * it starts signed for (no sign-for deadline to miss, no alert against them) and they are not
   * notified of their own report.
   */
  signForSelf?: boolean
}

export interface Submitted {
  ticket: Ticket
  /** False when this was a repeat of an earlier submit with the same request id. */
  created: boolean
}

export const idFor = (prefix: string, openid: string, clientRequestId: string): string =>
  `${prefix}_${createHash('sha1').update(`${openid}\u0000${clientRequestId}`).digest('hex').slice(0, 24)}`

/** Decides the new ticket: submitted, then routed by the system when someone is available. */
function decide(
  submit: Extract<TicketCommand, { type: 'submit' }>,
  route: RouteDecision | null,
  ctx: Awaited<ReturnType<typeof transitionContext>>,
  selfSign = false,
): { ticket: Ticket; batches: EffectBatch[] } {
  const submitted = transition(null, submit, ctx)
  if (!submitted.ok) refusal(submitted)
  const batches: EffectBatch[] = [{ version: submitted.ticket.version, effects: submitted.effects }]
  if (route === null) return { ticket: submitted.ticket, batches }
  const routed = transition(
    submitted.ticket,
    { type: 'route', ...route },
    { ...ctx, actor: systemActor(submit.townId) },
  )
  if (!routed.ok) refusal(routed)
  const all = [...batches, { version: routed.ticket.version, effects: routed.effects }]
  if (!selfSign || route.assigneeId !== ctx.actor.staffId) return { ticket: routed.ticket, batches: all }
  const signed = transition(routed.ticket, { type: 'signFor' }, ctx)
  if (!signed.ok) refusal(signed)
  const toOthers = (effects: readonly Effect[]) => effects.filter((e) => !addressedTo(e, ctx.actor))
  return {
    ticket: signed.ticket,
    batches: [...all, { version: signed.ticket.version, effects: signed.effects }].map((b) => ({
      ...b,
      effects: toOthers(b.effects),
    })),
  }
}

/** A notification to the actor themself (as the reporter or as staff). */
const addressedTo = (e: Effect, actor: Actor): boolean =>
  e.kind === 'notify' &&
  ((e.recipient.kind === 'reporter' && e.recipient.openid === actor.openid) ||
    (e.recipient.kind === 'staff' && e.recipient.staffId === actor.staffId))

/**
 * Submits a concern in `grid` as `actor`. `extra` runs inside the transaction after the ticket is
 * written (a patrol log is written there, so both or neither exist).
 */
export async function submitConcern(
  actor: Actor,
  openid: string,
  env: string,
  grid: Grid,
  concern: Concern,
  now: Date,
  extra?: (txn: Transaction, ticket: Ticket) => Promise<void>,
): Promise<Submitted> {
  const townId = grid.townId
  requireOwnUploads(concern.photos, openid, env)
  requireOwnVoice(concern.voice, openid, env)
  const ticketId = idFor('t', openid, concern.clientRequestId)
  const verdict = await checkText(
    openid,
    concern.description,
    concern.contact?.name,
    concern.onBehalfOf?.name,
  )
  // The town as this instance knows it; the number's counter says whether that is still current.
  const known = cachedSnapshot(townId) ?? (await townSnapshot(townId))
  const { number, townVersion: version } = await takeNumber(
    townId,
    openid,
    ticketId,
    now,
    known.config.limits.submissionsPerDay,
    () => townVersion(townId),
  )
  const town = known.version >= version ? known : await townSnapshot(townId, version)
  // A grid merged since the caller's copy was made reports where it went.
  const here = town === known ? grid : (gridOf(town, grid._id) ?? grid)
  const route = routeFromSnapshot(town, here, concern.categoryCode)
  const ctx = transitionContext(town, actor, now)
  const { ticket, batches } = decide(
    {
      type: 'submit',
      ticketId,
      number,
      townId,
      villageId: here.villageId,
      gridId: here._id,
      categoryCode: concern.categoryCode,
      priority: concern.priority,
      description: concern.description,
      photos: concern.photos,
      voice: concern.voice ?? null,
      location: concern.location ?? null,
      anonymous: concern.anonymous,
      source: concern.source,
      contact: concern.contact,
      onBehalfOf: concern.onBehalfOf ?? null,
      flagged: verdict === 'review',
    },
    route,
    ctx,
    concern.signForSelf === true,
  )
  const villages = await villagesFor(
    townId,
    batches.flatMap((b) => b.effects),
  )
  const entry = outboxEntry(townId, ticketId, ticket.version, batches, villages, now)
  const created = extra
    ? await inTransaction<boolean>(async (txn) => {
        if (!(await insertNew(txn, ticket, entry, version))) return false
        await extra(txn, ticket)
        return true
      })
    : await insertNew(db(), ticket, entry, version)
  if (created) return { ticket, created: true }
  const existing = await getTicket(townId, ticketId)
  if (existing === null) throw new AppError('CONFLICT', '提交未完成，请重试')
  return { ticket: existing, created: false }
}

/** Inserts a new ticket; false if it exists (a repeated request). */
async function insertNew(
  writer: Writer,
  ticket: Ticket,
  entry: OutboxEntry | null,
  townVersion: number,
): Promise<boolean> {
  try {
    await insertTicket(writer, ticket, entry, townVersion)
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}
