/**
 * The town's structure, kept by the office: add or rename a village (村/社区) or a grid (组). Names
 * are unique within the town (villages) or the village (grids), as the import and the pickers find
 * places by name. A rename keeps the place's id, so its staff, residents and tickets stay with it.
 * Every change is audited. (Merging and splitting grids, which move tickets and staff, are not here.)
 */
import { randomInt } from 'node:crypto'
import type { Grid, RosterRequest, Village } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { requireRosterAdmin } from './admin'
import { auditDoc, writeAudit } from './audit'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>

const newId = (prefix: string, now: Date) =>
  `${prefix}_${now.getTime().toString(36)}${randomInt(36 ** 4).toString(36)}`

export async function saveVillage(req: Req<'saveVillage'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const villages = db().collection<Village>(C.villages)
  const { data: same } = await villages.where({ townId: admin.townId, name: req.name }).limit(2).get()
  if (same.some((v) => v._id !== req.villageId)) throw new AppError('CONFLICT', `已经有“${req.name}”了`)
  return inTransaction(async (txn) => {
    if (req.villageId) {
      const { data: v } = await txn.collection<Village>(C.villages).doc(req.villageId).get()
      if (!v || v.townId !== admin.townId) throw new AppError('NOT_FOUND', '没有找到这个村')
      await txn
        .collection(C.villages)
        .doc(v._id)
        .update({ data: { name: req.name } })
      await writeAudit(txn, [
        auditDoc(admin.townId, admin, ctx.now, {
          action: 'renameVillage',
          summary: `村改名：${v.name} → ${req.name}`,
        }),
      ])
      return { villageId: v._id, name: req.name, created: false }
    }
    const { total } = await villages.where({ townId: admin.townId }).count()
    const village: Village = {
      _id: newId('v', ctx.now),
      townId: admin.townId,
      name: req.name,
      villageGuideIds: [],
      townGuideIds: [],
      supervisorIds: [],
      order: total + 1,
    }
    await txn.collection(C.villages).add({ data: village })
    await writeAudit(txn, [
      auditDoc(admin.townId, admin, ctx.now, {
        action: 'createVillage',
        summary: `新增村（社区）：${req.name}`,
      }),
    ])
    return { villageId: village._id, name: req.name, created: true }
  })
}

export async function saveGrid(req: Req<'saveGrid'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const { data: village } = await db().collection<Village>(C.villages).doc(req.villageId).get()
  if (!village || village.townId !== admin.townId) throw new AppError('NOT_FOUND', '没有找到这个村')
  const grids = db().collection<Grid>(C.grids)
  const { data: same } = await grids
    .where({ townId: admin.townId, villageId: village._id, name: req.name })
    .limit(2)
    .get()
  if (same.some((g) => g._id !== req.gridId))
    throw new AppError('CONFLICT', `${village.name}已经有“${req.name}”了`)
  return inTransaction(async (txn) => {
    if (req.gridId) {
      const { data: g } = await txn.collection<Grid>(C.grids).doc(req.gridId).get()
      if (!g || g.townId !== admin.townId || g.villageId !== village._id)
        throw new AppError('NOT_FOUND', '没有找到这个网格')
      await txn
        .collection(C.grids)
        .doc(g._id)
        .update({ data: { name: req.name } })
      await writeAudit(txn, [
        auditDoc(admin.townId, admin, ctx.now, {
          action: 'renameGrid',
          summary: `网格改名：${village.name}${g.name} → ${village.name}${req.name}`,
        }),
      ])
      return { gridId: g._id, villageId: village._id, name: req.name, created: false }
    }
    const { total } = await grids.where({ townId: admin.townId, villageId: village._id }).count()
    const grid: Grid = {
      _id: newId('g', ctx.now),
      townId: admin.townId,
      villageId: village._id,
      name: req.name,
      workerId: null,
      otherWorkerIds: [],
      informantIds: [],
      categoryOwners: {},
      order: total + 1,
    }
    await txn.collection(C.grids).add({ data: grid })
    await writeAudit(txn, [
      auditDoc(admin.townId, admin, ctx.now, {
        action: 'createGrid',
        summary: `新增网格：${village.name}${req.name}`,
      }),
    ])
    return { gridId: grid._id, villageId: village._id, name: req.name, created: true }
  })
}
