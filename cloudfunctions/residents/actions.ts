import type { Grid, ResidentsRequest, Village } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { defaultTownId } from '../_lib/store/config'
import { residentId } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { isDuplicateKey } from '../_lib/store/transactions'

type Req<A extends ResidentsRequest['action']> = Extract<ResidentsRequest, { action: A }>

/**
 * The town whose villages a caller is shown: their own (roster or home), else the environment's
 * default town — a newcomer has no town yet, and a grid QR code names its grid directly.
 */
async function townOf(ctx: ActionContext): Promise<string> {
  const caller = await ctx.caller()
  const townId = caller.townId ?? (await defaultTownId())
  if (townId === null) throw new AppError('NOT_FOUND', '暂未开通')
  return townId
}

/**
 * A home grid, chosen from the lists or taken from a grid QR code. The grid names its town (the
 * request never does). An update when the resident exists, an insert the first time.
 */
export async function setHomeGrid(req: Req<'setHomeGrid'>, ctx: ActionContext) {
  const { data: chosen } = await db().collection<Grid>(C.grids).doc(req.gridId).get()
  if (!chosen) throw new AppError('NOT_FOUND', '没有找到这个网格')
  // a merged grid's code or stale list: the grid it was merged into
  const grid = chosen.mergedInto
    ? ((await db().collection<Grid>(C.grids).doc(chosen.mergedInto).get()).data ?? chosen)
    : chosen
  const home = {
    townId: grid.townId,
    homeGridId: grid._id,
    homeVillageId: grid.villageId,
    updatedAt: ctx.now.toISOString(),
  }
  const residents = db().collection(C.residents)
  const _id = residentId(ctx.openid)
  const res = await residents.doc(_id).update({ data: home })
  if (res.stats.updated === 0) {
    try {
      await residents.add({ data: { _id, openid: ctx.openid, ...home, createdAt: home.updatedAt } })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      await residents.doc(_id).update({ data: home })
    }
  }
  return { homeGridId: grid._id, homeVillageId: grid.villageId }
}

export async function villages(_req: Req<'villages'>, ctx: ActionContext) {
  const townId = await townOf(ctx)
  const { data } = await db()
    .collection<Village>(C.villages)
    .where({ townId })
    .orderBy('order', 'asc')
    .limit(100)
    .field({ name: true })
    .get()
  return { items: data.map((v) => ({ _id: v._id, name: v.name })) }
}

export async function grids(req: Req<'grids'>, ctx: ActionContext) {
  const townId = await townOf(ctx)
  const { data } = await db()
    .collection<Grid>(C.grids)
    .where({ townId, villageId: req.villageId })
    .orderBy('order', 'asc')
    .limit(100)
    .field({ name: true, villageId: true, mergedInto: true })
    .get()
  return {
    items: data
      .filter((g) => !g.mergedInto)
      .map((g) => ({ _id: g._id, name: g.name, villageId: g.villageId })),
  }
}
