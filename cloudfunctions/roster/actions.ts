import { randomInt } from 'node:crypto'
import {
  DEFAULT_CATEGORIES,
  DEFAULT_TEMPLATE_CONFIG,
  activeCategories,
  subscribeTemplateIds,
  ROLE_NAMES,
  placesText,
  type Role,
  type RosterRequest,
  type Staff,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { defaultTownId, townConfig } from '../_lib/store/config'
import { findStaff } from '../_lib/entry/context'
import { requireRosterAdmin } from './admin'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { Abort, inTransaction, isDuplicateKey } from '../_lib/store/transactions'
import { idFor } from '../_lib/flows/submission'
import { requestKeyOf } from '../_lib/entry/requestKey'
import { directory, gridNames } from '../_lib/store/directory'
import { auditDoc, writeAudit } from './audit'
import { requireFreePhone } from './lifecycle'
import { place, placementOf } from './placement'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>

/** No 0/O, 1/I/L: codes are read out over the phone and typed by elderly hands. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const INVITE_DAYS = 14

export const inviteCode = (): string =>
  Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')

const freshInvite = (now: Date) => ({
  code: inviteCode(),
  expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
})

/**
 * A roster entry with roles and scope, and an invite code to bind a WeChat identity. The town's
 * structure follows in the same transaction (placement.ts): a grid worker takes a vacant post, or
 * — when the post is held — is added beside the holder or replaces them as the request chose
 * (`gridWorkerSlot`; without a choice: CONFLICT naming the holder). The change is audited.
 */
export async function createStaff(req: Req<'createStaff'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const roles = [...new Set(req.roles)] as Role[]
  const townOnly = roles.every((r) => r === 'admin')
  const villageIds = townOnly ? [] : [...new Set(req.villageIds)]
  const gridIds = townOnly ? [] : [...new Set(req.gridIds)]
  const needGrid = roles.some((r) => r === 'gridWorker' || r === 'informant')
  if (needGrid && gridIds.length === 0)
    throw new AppError('INVALID_INPUT', '网格工作员和信息员需要选择网格', [
      { path: 'gridIds', message: '请选择网格' },
    ])
  if (roles.includes('villageGuide') && villageIds.length === 0) {
    throw new AppError('INVALID_INPUT', '村级指导员需要选择村', [{ path: 'villageIds', message: '请选择村' }])
  }
  // Town guides and supervisors act in the villages they are linked to, not town-wide.
  if (roles.some((r) => r === 'townGuide' || r === 'townSupervisor') && villageIds.length === 0) {
    throw new AppError('INVALID_INPUT', '镇级指导员和督导员需要选择负责的村', [
      { path: 'villageIds', message: '请选择负责的村' },
    ])
  }

  const { code, expiresAt } = freshInvite(ctx.now)
  const staffId = req.clientRequestId
    ? idFor('st', ctx.openid, req.clientRequestId)
    : `st_${ctx.now.getTime().toString(36)}${randomInt(36 ** 6).toString(36)}`
  // a retry of the same request id finds its own first entry holding the phone: that is not a clash
  await requireFreePhone(admin.townId, req.phone, staffId)
  const staff: Staff = {
    _id: staffId,
    townId: admin.townId,
    name: req.name,
    phone: req.phone,
    roles,
    scope: { townId: admin.townId, villageIds, gridIds },
    openid: null,
    invite: { code, expiresAt, usedAt: null },
    active: true,
  }
  const created = await inTransaction(async (txn) => {
    try {
      await txn.collection(C.staff).add({ data: { ...staff, createdAt: ctx.now.toISOString() } })
    } catch (err) {
      // a retry of the same request id: the first call's entry stands, whatever this one says
      if (isDuplicateKey(err)) return new Abort(false)
      throw err
    }
    const change = await place(txn, admin.townId, null, placementOf(staff), req.gridWorkerSlot)
    const replaced =
      change.replaced.length > 0
        ? `，替换原网格工作员（${change.replaced.map((r) => r.previousWorkerId).join('、')}）`
        : ''
    await writeAudit(txn, [
      auditDoc(admin.townId, admin, ctx.now, {
        action: 'createStaff',
        staffId,
        summary: `新增 ${req.name}（${roles.map((r) => ROLE_NAMES[r]).join('、')}）${replaced}`,
        details: { slot: req.gridWorkerSlot ?? null, replaced: change.replaced },
      }),
    ])
    return true
  })
  if (!created) return firstAnswer(admin.townId, staffId)
  return { staffId, inviteCode: code, inviteExpiresAt: expiresAt }
}

/** What the first createStaff of a request id answered: its entry and the invite it still holds. */
async function firstAnswer(townId: string, staffId: string) {
  const { data } = await db().collection<Staff>(C.staff).where({ _id: staffId, townId }).limit(1).get()
  const entry = data[0]
  if (!entry?.invite) throw new AppError('CONFLICT', '添加未完成，请重试')
  return { staffId, inviteCode: entry.invite.code, inviteExpiresAt: entry.invite.expiresAt }
}

/**
 * A new invite for a roster entry of the caller's town nobody has bound yet; the old code stops
 * working. Conditional on `openid: null` and on the code read, so an entry bound meanwhile is never
 * given a second code, and of two calls racing only one issues. With a client request id, the code
 * carries the request's key and a retry answers it instead of issuing another.
 */
export async function regenerateInvite(req: Req<'regenerateInvite'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const key = requestKeyOf('ri', ctx.openid, req)
  const staffCol = db().collection<Staff>(C.staff)
  const read = async () =>
    (await staffCol.where({ _id: req.staffId, townId: admin.townId }).limit(1).get()).data[0]
  const issued = (e: Staff | undefined) =>
    key !== undefined && e?.openid === null && e.invite?.requestKey === key
      ? { staffId: e._id, inviteCode: e.invite.code, inviteExpiresAt: e.invite.expiresAt }
      : null
  const entry = await read()
  if (!entry) throw new AppError('NOT_FOUND', '没有这位工作人员')
  const retried = issued(entry)
  if (retried) return retried
  if (entry.openid !== null) throw new AppError('INVALID_TRANSITION', '已经绑定微信，不需要邀请码')
  const { code, expiresAt } = freshInvite(ctx.now)
  const res = await staffCol
    .where({
      _id: entry._id,
      townId: admin.townId,
      openid: null,
      ...(entry.invite ? { 'invite.code': entry.invite.code } : {}),
    })
    .update({ data: { invite: { code, expiresAt, usedAt: null, ...(key ? { requestKey: key } : {}) } } })
  if (res.stats.updated !== 1) {
    // bound meanwhile, or another call issued first (perhaps this request's own first try)
    const now = await read()
    const raced = issued(now)
    if (raced) return raced
    throw new AppError(
      'CONFLICT',
      now?.openid ? '已经绑定微信，不需要邀请码' : '邀请码刚刚有变化，请刷新后再试',
    )
  }
  await db()
    .collection(C.audit)
    .add({
      data: auditDoc(admin.townId, admin, ctx.now, {
        action: 'regenerateInvite',
        staffId: entry._id,
        summary: `给 ${entry.name} 重新生成邀请码（旧码作废）`,
      }),
    })
  return { staffId: entry._id, inviteCode: code, inviteExpiresAt: expiresAt }
}

/**
 * Binds the caller's openid to the roster entry holding the code. The one lookup not filtered by
 * town: the code is how a person learns which town they work for. A conditional update makes two
 * people racing for one code end with one binding.
 */
export async function bindInvite(req: Req<'bindInvite'>, ctx: ActionContext) {
  const staffCol = db().collection<Staff>(C.staff)
  const [{ data }, bound] = await Promise.all([
    staffCol.where({ 'invite.code': req.code }).limit(1).get(),
    findStaff(ctx.openid),
  ])
  const entry = data[0]
  if (!entry || !entry.invite) throw new AppError('NOT_FOUND', '邀请码无效，请向镇网格办核对')
  if (!entry.active) throw new AppError('INVALID_TRANSITION', '这个身份已停用，请向镇网格办核对')
  if (entry.openid === ctx.openid) return boundAs(entry)
  if (bound !== null) throw new AppError('CONFLICT', '这个微信已经绑定了其他工作人员身份')
  if (entry.invite.usedAt !== null || entry.openid !== null)
    throw new AppError('INVALID_TRANSITION', '邀请码已被使用')
  if (entry.invite.expiresAt < ctx.now.toISOString())
    throw new AppError('INVALID_TRANSITION', '邀请码已过期，请向镇网格办重新申请')
  const res = await staffCol
    .where({ _id: entry._id, openid: null, 'invite.usedAt': null })
    .update({ data: { openid: ctx.openid, 'invite.usedAt': ctx.now.toISOString() } })
  if (res.stats.updated !== 1) throw new AppError('CONFLICT', '邀请码已被使用')
  return boundAs(entry)
}

/** What the bind page shows: who the code made the caller, and where they act. */
async function boundAs(entry: Staff) {
  const dir = await directory(entry.townId)
  const names = {
    grids: gridNames(dir),
    villages: Object.fromEntries([...dir.villages.values()].map((v) => [v._id, v.name])),
  }
  return {
    staffId: entry._id,
    roles: entry.roles,
    name: entry.name,
    places: placesText(
      { roles: entry.roles, villageIds: entry.scope.villageIds, gridIds: entry.scope.gridIds },
      names,
    ),
  }
}

/**
 * Who the caller is, and what the client needs of their town to show the report form: its
 * categories and the subscribe-template ids to ask for (a newcomer sees the default town's; with
 * no town at all, shared's defaults). The town's config is cached per warm instance.
 */
export async function me(_req: Req<'me'>, ctx: ActionContext) {
  const caller = await ctx.caller()
  const townId = caller.townId ?? (await defaultTownId())
  const config = townId === null ? null : await townConfig(townId)
  return {
    openid: ctx.openid,
    townId: caller.townId,
    roles: caller.actor.roles,
    staff: caller.staff
      ? {
          _id: caller.staff._id,
          name: caller.staff.name,
          roles: caller.staff.roles,
          scope: caller.staff.scope,
        }
      : null,
    resident: caller.resident
      ? { homeGridId: caller.resident.homeGridId, homeVillageId: caller.resident.homeVillageId }
      : null,
    categories: activeCategories(config?.categories ?? DEFAULT_CATEGORIES),
    subscribeTemplates: subscribeTemplateIds(config?.templates ?? DEFAULT_TEMPLATE_CONFIG),
  }
}

export { requireRosterAdmin }
