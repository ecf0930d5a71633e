/**
 * What every field-work write shares: the caller must be staff whose scope covers each place, the
 * free text passes content security, and the record's `_id` comes from the caller and the client's
 * request id, so a retried tap finds the first record (`created: false`) instead of adding one.
 */
import { covers, type Actor } from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { idFor } from '../_lib/flows/submission'
import { db } from '../_lib/platform/cloud'
import { checkText } from '../_lib/platform/contentSecurity'
import { directory } from '../_lib/store/directory'
import { isDuplicateKey } from '../_lib/store/transactions'

export interface Writer {
  actor: Actor
  staffId: string
  townId: string
  /** The places named, checked: each grid's village. */
  villageOf(gridId: string): string
}

/** The staff caller, and the grids (and villages) they name, each known and in their scope. */
export async function writer(
  ctx: ActionContext,
  places: { gridIds?: string[]; villageIds?: string[] },
): Promise<Writer> {
  const caller = await ctx.caller({ staff: true })
  const staff = requireStaff(caller)
  const dir = await directory(staff.townId)
  const villageOf = (gridId: string): string => {
    const g = dir.grids.get(gridId)
    if (!g) throw new AppError('NOT_FOUND', '没有这个网格')
    return g.villageId
  }
  for (const gridId of places.gridIds ?? []) {
    const place = { villageId: villageOf(gridId), gridId }
    if (!covers(caller.actor, place)) throw new AppError('FORBIDDEN', '只能登记您负责的网格的记录')
  }
  for (const villageId of places.villageIds ?? []) {
    if (!dir.villages.has(villageId)) throw new AppError('NOT_FOUND', '没有这个村')
    const townWide = covers(caller.actor, {})
    if (!townWide && !caller.actor.scope.villageIds.includes(villageId))
      throw new AppError('FORBIDDEN', '只能登记您负责的村的记录')
  }
  return { actor: caller.actor, staffId: staff._id, townId: staff.townId, villageOf }
}

/** Adds the record once; a retry with the same request id answers the first one. */
export async function addOnce(
  ctx: ActionContext,
  collection: string,
  prefix: string,
  clientRequestId: string,
  texts: Array<string | undefined>,
  record: (id: string) => Record<string, unknown>,
): Promise<{ recordId: string; created: boolean }> {
  const _id = idFor(prefix, ctx.openid, clientRequestId)
  const { data } = await db().collection(collection).doc(_id).get()
  if (data) return { recordId: _id, created: false }
  await checkText(ctx.openid, ...texts)
  try {
    await db()
      .collection(collection)
      .add({ data: { _id, ...record(_id), createdAt: ctx.now.toISOString() } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return { recordId: _id, created: false }
  }
  return { recordId: _id, created: true }
}
