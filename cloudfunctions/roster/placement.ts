/**
 * A person's place in the town's structure, read and written: the grids and villages a placement
 * names (shared's `placementChange` decides the new lists), written in the caller's transaction.
 */
import {
  placementChange,
  type Grid,
  type GridWorkerSlot,
  type Placement,
  type Staff,
  type StructureChange,
  type Village,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { AppError } from '../_lib/entry/envelope'
import type { Transaction } from '../_lib/platform/sdkTypes'
import { directory, gridNames } from '../_lib/store/directory'

export const placementOf = (s: Pick<Staff, '_id' | 'roles' | 'scope' | 'active'>): Placement => ({
  _id: s._id,
  roles: s.roles,
  villageIds: s.scope.villageIds,
  gridIds: s.scope.gridIds,
  active: s.active,
})

/** Documents of this town by id (pages of 100). */
export async function documentsOf<T extends { _id: string }>(
  collection: string,
  townId: string,
  ids: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(ids)]
  const out: T[] = []
  for (let i = 0; i < unique.length; i += 100) {
    const { data } = await db()
      .collection<T>(collection)
      .where({ townId, _id: db().command.in(unique.slice(i, i + 100)) })
      .limit(100)
      .get()
    out.push(...data)
  }
  return out
}

/** The grids and villages two placements name, read in the transaction (a concurrent change conflicts). */
export async function placesIn(
  txn: Transaction,
  townId: string,
  placements: readonly (Placement | null)[],
): Promise<{ grids: Grid[]; villages: Village[] }> {
  const gridIds = [...new Set(placements.flatMap((p) => p?.gridIds ?? []))]
  const villageIds = [...new Set(placements.flatMap((p) => p?.villageIds ?? []))]
  const read = async <T extends { townId: string }>(collection: string, id: string) =>
    (await txn.collection<T>(collection).doc(id).get()).data
  const [grids, villages] = await Promise.all([
    Promise.all(gridIds.map((id) => read<Grid>(C.grids, id))),
    Promise.all(villageIds.map((id) => read<Village>(C.villages, id))),
  ])
  const mine = <T extends { townId: string }>(d: T | null): d is T => d !== null && d.townId === townId
  if (grids.filter(mine).length !== gridIds.length)
    throw new AppError('INVALID_INPUT', '有的网格不存在', [{ path: 'gridIds', message: '有的网格不存在' }])
  if (villages.filter(mine).length !== villageIds.length)
    throw new AppError('INVALID_INPUT', '有的村不存在', [{ path: 'villageIds', message: '有的村不存在' }])
  return { grids: grids.filter(mine), villages: villages.filter(mine) }
}

/** Writes a structure change's grids and villages in the transaction. */
export async function writeStructure(txn: Transaction, change: StructureChange): Promise<void> {
  for (const g of change.grids) {
    const { _id, ...data } = g
    await txn.collection(C.grids).doc(_id).update({ data })
  }
  for (const v of change.villages) {
    const { _id, ...data } = v
    await txn.collection(C.villages).doc(_id).update({ data })
  }
}

/**
 * Moves a person from `before` to `after` in the structure, in `txn`. A grid whose post is held by
 * someone else, with no slot chosen, is CONFLICT naming the holder: replacing them is a choice.
 */
export async function place(
  txn: Transaction,
  townId: string,
  before: Placement | null,
  after: Placement | null,
  slot?: GridWorkerSlot,
): Promise<StructureChange> {
  const { grids, villages } = await placesIn(txn, townId, [before, after])
  const change = placementChange(grids, villages, before, after, slot)
  if (change.occupied.length > 0) {
    const [{ gridId, workerId }] = change.occupied
    const [names, holder] = await Promise.all([
      directory(townId).then(gridNames),
      txn.collection<Staff>(C.staff).doc(workerId).get(),
    ])
    const gridName = names[gridId] ?? '这个网格'
    const who = holder.data?.name ?? '其他人'
    throw new AppError(
      'CONFLICT',
      `${gridName}已有网格工作员${who}。请选择“增加为第二位工作员”，或“替换${who}”`,
      [
        {
          path: 'gridWorkerSlot',
          message: `${gridName}已有网格工作员${who}`,
          gridId,
          workerId,
          workerName: who,
        },
      ],
    )
  }
  await writeStructure(txn, change)
  return change
}
