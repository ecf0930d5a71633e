/**
 * The grid office keeps the roster true: edit a person (name, phone, roles, places — a change of
 * places is a move), deactivate and reactivate them. Whoever leaves a place hands its open tasks
 * over on the same call (handover.ts): the person's entry and the structure change first, in one
 * transaction with the audit entry (so nothing new is routed to them), then each task moves. A
 * retry finds the entry changed already and moves only what is left.
 */
import { ROLE_NAMES, type Placement, type RosterRequest, type Role, type Staff } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { directory, gridNames } from '../_lib/store/directory'
import { requireRosterAdmin } from './admin'
import { auditDoc, writeAudit } from './audit'
import { carryOut, movingTasks, openTasksOf, planHandover, requireSuccessors } from './handover'
import { place, placementOf } from './placement'
import { handoverCandidates } from './candidates'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>

async function staffOfTown(townId: string, staffId: string): Promise<Staff> {
  const { data } = await db().collection<Staff>(C.staff).doc(staffId).get()
  if (!data || data.townId !== townId) throw new AppError('NOT_FOUND', '没有这位工作人员')
  return data
}

/** Another entry of the town with this phone (import matches people by phone, so it is unique). */
export async function requireFreePhone(townId: string, phone: string, self?: string): Promise<void> {
  const { data } = await db().collection<Staff>(C.staff).where({ townId, phone }).limit(2).get()
  const other = data.find((s) => s._id !== self)
  if (other)
    throw new AppError('CONFLICT', `手机号 ${phone} 已经是${other.name}的`, [
      { path: 'phone', message: `手机号已被${other.name}使用` },
    ])
}

const describeRoles = (roles: readonly Role[]) => roles.map((r) => ROLE_NAMES[r]).join('、')

/** Checks a placement's shape: grid roles need a grid, village guides a village. */
function requirePlaces(p: Placement): void {
  if (p.roles.some((r) => r === 'gridWorker' || r === 'informant') && p.gridIds.length === 0)
    throw new AppError('INVALID_INPUT', '网格工作员和信息员需要选择网格', [
      { path: 'gridIds', message: '请选择网格' },
    ])
  if (p.roles.includes('villageGuide') && p.villageIds.length === 0)
    throw new AppError('INVALID_INPUT', '村级指导员需要选择村', [{ path: 'villageIds', message: '请选择村' }])
}

/** The handover screen's plan: what moves if the person leaves (or moves to the given places). */
export async function handoverPlan(req: Req<'handoverPlan'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const staff = await staffOfTown(admin.townId, req.staffId)
  const changesPlaces = req.roles !== undefined || req.villageIds !== undefined || req.gridIds !== undefined
  const after: Placement | null = changesPlaces
    ? {
        ...placementOf(staff),
        roles: (req.roles ?? staff.roles) as Role[],
        villageIds: req.villageIds ?? staff.scope.villageIds,
        gridIds: req.gridIds ?? staff.scope.gridIds,
      }
    : null
  const tasks = await openTasksOf(admin.townId, staff._id)
  const moving = movingTasks(tasks, after, admin.townId)
  const [steps, dir] = await Promise.all([
    planHandover(admin.townId, staff._id, moving, null),
    directory(admin.townId),
  ])
  const names = gridNames(dir)
  const { candidates } = await handoverCandidates(admin.townId, staff._id, moving)
  return {
    staffId: staff._id,
    name: staff.name,
    openTasks: tasks.length,
    moving: steps.map(({ ticket, to }) => ({
      ticketId: ticket._id,
      number: ticket.number,
      gridName: names[ticket.gridId] ?? '',
      defaultSuccessor: to === null ? null : { _id: to._id, name: to.name },
    })),
    candidates,
  }
}

export async function deactivateStaff(req: Req<'deactivateStaff'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  if (req.staffId === admin._id) throw new AppError('INVALID_INPUT', '不能停用自己')
  const staff = await staffOfTown(admin.townId, req.staffId)
  const moving = movingTasks(await openTasksOf(admin.townId, staff._id), null, admin.townId)
  const steps = await planHandover(admin.townId, staff._id, moving, req.successorId)
  requireSuccessors(steps)
  if (staff.active)
    await inTransaction(async (txn) => {
      const current = (await txn.collection<Staff>(C.staff).doc(staff._id).get()).data
      if (!current?.active) return
      await txn
        .collection(C.staff)
        .doc(staff._id)
        .update({ data: { active: false, deactivatedAt: ctx.now.toISOString() } })
      await place(txn, admin.townId, placementOf(current), null)
      await writeAudit(txn, [
        auditDoc(admin.townId, admin, ctx.now, {
          action: 'deactivateStaff',
          staffId: staff._id,
          summary: `停用 ${staff.name}（${describeRoles(staff.roles)}）：${req.reason}；${moving.length} 件未办结任务移交`,
          details: { reason: req.reason, successorId: req.successorId ?? null, tasks: moving.length },
        }),
      ])
    })
  const caller = await ctx.caller({ staff: true })
  const moved = await carryOut(admin.townId, caller.actor, staff._id, steps, req.reason, ctx.now)
  return { staffId: staff._id, ...moved }
}

export async function reactivateStaff(req: Req<'reactivateStaff'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const staff = await staffOfTown(admin.townId, req.staffId)
  if (!staff.active) {
    await requireFreePhone(admin.townId, staff.phone, staff._id)
    await inTransaction(async (txn) => {
      const current = (await txn.collection<Staff>(C.staff).doc(staff._id).get()).data
      if (!current || current.active) return
      await txn
        .collection(C.staff)
        .doc(staff._id)
        .update({ data: { active: true, deactivatedAt: null } })
      // Back beside whoever holds the post now: never a silent replacement.
      await place(txn, admin.townId, null, { ...placementOf(current), active: true }, 'second')
      await writeAudit(txn, [
        auditDoc(admin.townId, admin, ctx.now, {
          action: 'reactivateStaff',
          staffId: staff._id,
          summary: `重新启用 ${staff.name}（${describeRoles(staff.roles)}）`,
        }),
      ])
    })
  }
  return { staffId: staff._id, active: true as const }
}

export async function updateStaff(req: Req<'updateStaff'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const staff = await staffOfTown(admin.townId, req.staffId)
  if (!staff.active) throw new AppError('INVALID_TRANSITION', '已停用的人员请先重新启用再修改')
  if (req.phone !== undefined && req.phone !== staff.phone)
    await requireFreePhone(admin.townId, req.phone, staff._id)
  const roles = req.roles === undefined ? staff.roles : ([...new Set(req.roles)] as Role[])
  const isTown = roles.every((r) => r === 'admin')
  const after: Placement = {
    _id: staff._id,
    roles,
    villageIds: isTown ? [] : [...new Set(req.villageIds ?? staff.scope.villageIds)],
    gridIds: isTown ? [] : [...new Set(req.gridIds ?? staff.scope.gridIds)],
    active: true,
  }
  requirePlaces(after)
  if (roles.includes('admin') !== staff.roles.includes('admin') && staff._id === admin._id)
    throw new AppError('INVALID_INPUT', '不能取消自己的镇网格办角色')
  const moving = movingTasks(await openTasksOf(admin.townId, staff._id), after, admin.townId)
  const steps = await planHandover(admin.townId, staff._id, moving, req.successorId)
  requireSuccessors(steps)
  const reason = req.reason ?? '调整负责范围'
  const changed: string[] = []
  if (req.name !== undefined && req.name !== staff.name) changed.push(`姓名 ${staff.name}→${req.name}`)
  if (req.phone !== undefined && req.phone !== staff.phone) changed.push('手机号')
  const before = placementOf(staff)
  const moved =
    before.roles.join() !== after.roles.join() ||
    before.villageIds.join() !== after.villageIds.join() ||
    before.gridIds.join() !== after.gridIds.join()
  if (moved) changed.push(`角色/范围 → ${describeRoles(after.roles)}`)
  if (changed.length > 0)
    await inTransaction(async (txn) => {
      const current = (await txn.collection<Staff>(C.staff).doc(staff._id).get()).data
      if (!current?.active) throw new AppError('CONFLICT')
      const data: Record<string, unknown> = {}
      if (req.name !== undefined) data.name = req.name
      if (req.phone !== undefined) data.phone = req.phone
      if (moved) {
        data.roles = after.roles
        data.scope = { townId: admin.townId, villageIds: after.villageIds, gridIds: after.gridIds }
        await place(txn, admin.townId, placementOf(current), after, req.gridWorkerSlot)
      }
      await txn.collection(C.staff).doc(staff._id).update({ data })
      await writeAudit(txn, [
        auditDoc(admin.townId, admin, ctx.now, {
          action: 'updateStaff',
          staffId: staff._id,
          summary: `修改 ${req.name ?? staff.name}：${changed.join('，')}${moving.length > 0 ? `；${moving.length} 件任务移交` : ''}`,
          details: { reason, successorId: req.successorId ?? null, tasks: moving.length },
        }),
      ])
    })
  const caller = await ctx.caller({ staff: true })
  const result = await carryOut(admin.townId, caller.actor, staff._id, steps, reason, ctx.now)
  return { staffId: staff._id, ...result }
}
