import { randomInt } from 'node:crypto'
import {
  DEFAULT_CATEGORIES,
  DEFAULT_TEMPLATE_CONFIG,
  activeCategories,
  can,
  subscribeTemplateIds,
  type Grid,
  type Role,
  type RosterRequest,
  type Staff,
  type Village,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { defaultTownId, townConfig } from '../_lib/store/config'
import { findStaff, requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { Abort, inTransaction, isDuplicateKey } from '../_lib/store/transactions'
import { idFor } from '../_lib/flows/submission'
import { structureUpdates } from './structure'

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

/** The caller, who must be the town's grid office (`manageRoster`). */
export async function requireRosterAdmin(ctx: ActionContext): Promise<Staff & { townId: string }> {
  const caller = await ctx.caller({ staff: true })
  const admin = requireStaff(caller)
  if (!can(caller.actor, 'manageRoster', { kind: 'town', townId: admin.townId }))
    throw new AppError('FORBIDDEN')
  return admin
}

async function existing<T extends { _id: string }>(
  collection: string,
  townId: string,
  ids: string[],
): Promise<T[]> {
  if (ids.length === 0) return []
  const { data } = await db()
    .collection<T>(collection)
    .where({ townId, _id: db().command.in(ids) })
    .limit(100)
    .get()
  return data
}

/**
 * A roster entry with roles and scope, and an invite code to bind a WeChat identity. The town's
 * structure follows in the same transaction: a grid worker becomes the grid's worker, guides and
 * supervisors join their villages' escalation lists, informants their grids.
 */
export async function createStaff(req: Req<'createStaff'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const roles = [...new Set(req.roles)] as Role[]
  const villageIds = [...new Set(req.villageIds)]
  const gridIds = [...new Set(req.gridIds)]
  const [villages, grids] = await Promise.all([
    existing<Village>(C.villages, admin.townId, villageIds),
    existing<Grid>(C.grids, admin.townId, gridIds),
  ])
  if (villages.length !== villageIds.length)
    throw new AppError('INVALID_INPUT', '有的村不存在', [{ path: 'villageIds', message: '有的村不存在' }])
  if (grids.length !== gridIds.length)
    throw new AppError('INVALID_INPUT', '有的网格不存在', [{ path: 'gridIds', message: '有的网格不存在' }])
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
    for (const u of structureUpdates(staff, grids))
      await txn.collection(u.collection).doc(u.id).update({ data: u.data })
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
 * working. Conditional on `openid: null`, so an entry bound meanwhile is never given a second code.
 */
export async function regenerateInvite(req: Req<'regenerateInvite'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const staffCol = db().collection<Staff>(C.staff)
  const { data } = await staffCol.where({ _id: req.staffId, townId: admin.townId }).limit(1).get()
  const entry = data[0]
  if (!entry) throw new AppError('NOT_FOUND', '没有这位工作人员')
  if (entry.openid !== null) throw new AppError('INVALID_TRANSITION', '已经绑定微信，不需要邀请码')
  const { code, expiresAt } = freshInvite(ctx.now)
  const res = await staffCol
    .where({ _id: entry._id, townId: admin.townId, openid: null })
    .update({ data: { invite: { code, expiresAt, usedAt: null } } })
  if (res.stats.updated !== 1) throw new AppError('CONFLICT', '已经绑定微信，不需要邀请码')
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
  if (entry.openid === ctx.openid) return { staffId: entry._id, roles: entry.roles }
  if (bound !== null) throw new AppError('CONFLICT', '这个微信已经绑定了其他工作人员身份')
  if (entry.invite.usedAt !== null || entry.openid !== null)
    throw new AppError('INVALID_TRANSITION', '邀请码已被使用')
  if (entry.invite.expiresAt < ctx.now.toISOString())
    throw new AppError('INVALID_TRANSITION', '邀请码已过期，请向镇网格办重新申请')
  const res = await staffCol
    .where({ _id: entry._id, openid: null, 'invite.usedAt': null })
    .update({ data: { openid: ctx.openid, 'invite.usedAt': ctx.now.toISOString() } })
  if (res.stats.updated !== 1) throw new AppError('CONFLICT', '邀请码已被使用')
  return { staffId: entry._id, roles: entry.roles }
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
