/**
 * 合并网格 (`roster.mergeGrids`): grid A into grid B of the same village. A plan first (`dryRun`:
 * counts of what moves), then the merge: one transaction moves the people (A's ids in their scopes
 * become B's; B's lists take A's workers beside its own, never replacing anyone) and marks A merged
 * (`mergedInto`, kept for history and statistics, with the first answer stored), with the audit
 * entry; then each open ticket moves to B, those whose holder cannot keep them are handed over
 * along B's chain, and the residents' home grid follows. A retry finds A merged, finishes what is
 * left and answers the first result.
 */
import {
  mergedOwners,
  regridPlacements,
  type Grid,
  type GridMergeCounts,
  type RosterRequest,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { directory } from '../_lib/store/directory'
import { requireRosterAdmin } from './admin'
import { auditDoc, writeAudit } from './audit'
import {
  countIn,
  gridOfTown,
  handOver,
  handoversFor,
  moveTickets,
  openTicketsIn,
  placementsOf,
  staffIn,
  type PendingHandover,
} from './gridMoves'

type Req = Extract<RosterRequest, { action: 'mergeGrids' }>

/** What a merged grid remembers of its merge: the first answer, and the tickets to hand over. */
interface MergeRecord {
  counts: GridMergeCounts
  handovers: PendingHandover[]
}
type MergedGrid = Grid & { merge?: MergeRecord }

export async function mergeGrids(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const townId = admin.townId
  if (req.fromGridId === req.intoGridId) throw new AppError('INVALID_INPUT', '请选择另一个网格')
  const [from, into] = (await Promise.all([
    gridOfTown(townId, req.fromGridId),
    gridOfTown(townId, req.intoGridId),
  ])) as [MergedGrid, MergedGrid]
  if (from.villageId !== into.villageId) throw new AppError('INVALID_INPUT', '只能合并同一个村（社区）的网格')
  if (into.mergedInto) throw new AppError('INVALID_TRANSITION', `${into.name}已经并入其他网格`)
  if (from.mergedInto && from.mergedInto !== into._id)
    throw new AppError('INVALID_TRANSITION', `${from.name}已经并入其他网格`)
  const answer = (counts: GridMergeCounts, applied: boolean, handedOver: number) => ({
    fromGridId: from._id,
    intoGridId: into._id,
    fromName: from.name,
    intoName: into.name,
    applied,
    counts,
    handedOver,
  })

  if (from.mergedInto === into._id && from.merge) {
    if (!req.dryRun) await finish(townId, from, into, from.merge.handovers, ctx)
    return answer(from.merge.counts, true, from.merge.handovers.length)
  }

  const [people, open, allTickets, residents] = await Promise.all([
    staffIn(townId, from._id),
    openTicketsIn(townId, from._id),
    countIn(C.tickets, { townId, gridId: from._id }),
    countIn(C.residents, { townId, homeGridId: from._id }),
  ])
  const isWorker = (id: string) => id === from.workerId || (from.otherWorkerIds ?? []).includes(id)
  const counts: GridMergeCounts = {
    openTickets: open.length,
    closedTickets: allTickets - open.length,
    workers: people.filter((s) => s.roles.includes('gridWorker') && isWorker(s._id)).length,
    informants: people.filter((s) => s.roles.includes('informant') && from.informantIds.includes(s._id))
      .length,
    otherStaff: people.filter((s) => !isWorker(s._id) && !from.informantIds.includes(s._id)).length,
    residents,
  }
  const moved = regridPlacements(from, into, placementsOf(people))
  const handovers = await handoversFor(townId, open, into._id, moved.scopes)
  if (req.dryRun) return answer(counts, false, handovers.length)

  await inTransaction(async (txn) => {
    const { data: a } = await txn.collection<MergedGrid>(C.grids).doc(from._id).get()
    const { data: b } = await txn.collection<Grid>(C.grids).doc(into._id).get()
    if (!a || !b || a.mergedInto || b.mergedInto)
      throw new AppError('CONFLICT', '网格刚被修改过，请刷新后重试')
    const done = regridPlacements(a, b, placementsOf(people))
    const record: MergeRecord = { counts, handovers }
    await txn
      .collection(C.grids)
      .doc(a._id)
      .update({
        data: {
          workerId: null,
          otherWorkerIds: [],
          informantIds: [],
          categoryOwners: {},
          mergedInto: b._id,
          mergedAt: ctx.now.toISOString(),
          merge: record,
        },
      })
    await txn
      .collection(C.grids)
      .doc(b._id)
      .update({
        data: {
          workerId: done.into.workerId,
          otherWorkerIds: done.into.otherWorkerIds ?? [],
          informantIds: done.into.informantIds,
          categoryOwners: mergedOwners(a, b),
        },
      })
    for (const s of done.scopes)
      await txn
        .collection(C.staff)
        .doc(s._id)
        .update({ data: { 'scope.gridIds': s.gridIds } })
    const dir = await directory(townId)
    const village = dir.villages.get(a.villageId)?.name ?? ''
    await writeAudit(txn, [
      auditDoc(townId, admin, ctx.now, {
        action: 'mergeGrids',
        summary:
          `合并网格：${village}${a.name} 并入 ${village}${b.name}；` +
          `${counts.openTickets} 件未办结工单、${done.scopes.length} 位人员、${counts.residents} 位群众随之转入` +
          (handovers.length > 0 ? `，${handovers.length} 件任务移交` : ''),
        details: { fromGridId: a._id, intoGridId: b._id, counts, handovers: handovers.length },
      }),
    ])
  })
  await finish(townId, from, into, handovers, ctx)
  return answer(counts, true, handovers.length)
}

/** The moves after the structure: open tickets, handovers, residents (each repeatable). */
async function finish(
  townId: string,
  from: Grid,
  into: Grid,
  handovers: readonly PendingHandover[],
  ctx: ActionContext,
): Promise<void> {
  const open = await openTicketsIn(townId, from._id)
  await moveTickets(
    townId,
    open.map((t) => t._id),
    from._id,
    into,
  )
  const caller = await ctx.caller({ staff: true })
  await handOver(townId, caller.actor, handovers, `网格合并：${from.name}并入${into.name}`, ctx.now)
  await db()
    .collection(C.residents)
    .where({ townId, homeGridId: from._id })
    .update({
      data: { homeGridId: into._id, homeVillageId: into.villageId, updatedAt: ctx.now.toISOString() },
    })
}
