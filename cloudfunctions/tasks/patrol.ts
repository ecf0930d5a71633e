/**
 * 巡查/摸排 (DESIGN.md §1): the grid worker logs a patrol; a problem it found enters the same loop
 * as a resident's report (source `patrol`), written in the same transaction as the log. Both are
 * idempotent on the client's request id.
 */
import { can, type GeoPoint, type TasksRequest } from '@shared/index'
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
    }
    return { patrolId: doc._id, ticketId: null, ticketNumber: null }
  }

  await checkText(ctx.openid, req.note)
  const { ticket } = await submitConcern(
    caller.actor,
    ctx.openid,
    ctx.env,
    grid,
    {
      clientRequestId: req.clientRequestId,
      categoryCode: req.issue.categoryCode,
      description: req.issue.description,
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
