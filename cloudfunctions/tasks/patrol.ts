/**
 * 巡查/摸排: the grid worker logs a patrol; a problem it found enters the same loop as a resident's
 * report (source `patrol`), written in the same transaction as the log. Both are idempotent on the
 * client's request id: a retry answers the record the first call made, even when the retry's
 * content differs (an issue added or dropped) — the first write wins, as for a report.
 */
import { can, type Actor, type GeoPoint, type Grid, type TasksRequest } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { checkText } from '../_lib/platform/contentSecurity'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { requireOwnUploads } from '../_lib/platform/photos'
import { loadGrid } from '../_lib/flows/routing'
import { idFor, submitConcern } from '../_lib/flows/submission'
import { isDuplicateKey } from '../_lib/store/transactions'

type PatrolRequest = Extract<TasksRequest, { action: 'patrol' }>

export interface PatrolDocument {
  _id: string
  townId: string
  villageId: string
  gridId: string
  staffId: string
  kind: 'patrol' | 'survey'
  note: string
  photos: string[]
  location: GeoPoint | null
  ticketId: string | null
  ticketNumber: string | null
  createdAt: string
}

export async function patrol(req: PatrolRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  const grid = await loadGrid(staff.townId, req.gridId)
  if (
    !can(caller.actor, 'logPatrol', {
      kind: 'grid',
      townId: grid.townId,
      villageId: grid.villageId,
      gridId: grid._id,
    })
  ) {
    throw new AppError('FORBIDDEN', '只能登记本网格的巡查')
  }
  requireOwnUploads(req.photos, ctx.openid, ctx.env)
  const log = (ticketId: string | null, ticketNumber: string | null): PatrolDocument => ({
    _id: idFor('p', ctx.openid, req.clientRequestId),
    townId: grid.townId,
    villageId: grid.villageId,
    gridId: grid._id,
    staffId: staff._id,
    kind: req.kind,
    note: req.note,
    photos: req.photos,
    location: req.location ?? null,
    ticketId,
    ticketNumber,
    createdAt: ctx.now.toISOString(),
  })

  if (req.issue === undefined) {
    await checkText(ctx.openid, req.note)
    const doc = log(null, null)
    try {
      await db().collection(C.patrols).add({ data: doc })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      return answered(doc._id)
    }
    return { patrolId: doc._id, ticketId: null, ticketNumber: null }
  }

  await checkText(ctx.openid, req.note)
  try {
    return await patrolWithIssue(req, req.issue, ctx, caller.actor, grid, log)
  } catch (err) {
    // The log exists from an earlier try of this request without an issue: that one stands.
    if (!isDuplicateKey(err)) throw err
    return answered(log(null, null)._id)
  }
}

/** What the first call of a request id answered (its log is written, so it is read back). */
async function answered(patrolId: string) {
  const { data } = await db().collection<PatrolDocument>(C.patrols).doc(patrolId).get()
  if (!data) throw new AppError('CONFLICT', '巡查记录未完成，请重试')
  return { patrolId, ticketId: data.ticketId, ticketNumber: data.ticketNumber }
}

async function patrolWithIssue(
  req: PatrolRequest,
  issue: NonNullable<PatrolRequest['issue']>,
  ctx: ActionContext,
  actor: Actor,
  grid: Grid,
  log: (ticketId: string | null, ticketNumber: string | null) => PatrolDocument,
) {
  const { ticket } = await submitConcern(
    actor,
    ctx.openid,
    ctx.env,
    grid,
    {
      clientRequestId: req.clientRequestId,
      categoryCode: issue.categoryCode,
      description: issue.description,
      photos: req.photos,
      location: req.location,
      anonymous: false,
      source: 'patrol',
      signForSelf: true,
    },
    ctx.now,
    async (txn, t) => {
      await txn.collection(C.patrols).add({ data: log(t._id, t.number) })
    },
  )
  return {
    patrolId: idFor('p', ctx.openid, req.clientRequestId),
    ticketId: ticket._id,
    ticketNumber: ticket.number,
  }
}
