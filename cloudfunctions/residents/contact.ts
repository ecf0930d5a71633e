/**
 * The resident's own name and phone: asked once on the report form, kept only when they agree
 * (`remember`), shown back to them to edit, and used by `tickets.submit` to reach them when a
 * report carries no contact of its own (see tickets/actions.ts `reporterContact`).
 */
import type { Resident, ResidentsRequest } from '@shared/index'
import { db, openapi } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { defaultTownId } from '../_lib/store/config'
import { findResident, residentId } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { checkText } from '../_lib/platform/contentSecurity'

type Req<A extends ResidentsRequest['action']> = Extract<ResidentsRequest, { action: A }>

const profileOf = (r: Resident | null) => ({
  homeGridId: r?.homeGridId ?? null,
  homeVillageId: r?.homeVillageId ?? null,
  name: r?.name ?? null,
  phone: r?.phone ?? null,
})

export async function profile(_req: Req<'profile'>, ctx: ActionContext) {
  return profileOf(await findResident(ctx.openid))
}

/**
 * The whole record is written (`set`), so forgetting removes the fields rather than blanking them.
 * A newcomer without a home grid yet gets a record in the environment's default town.
 */
export async function saveContact(req: Req<'saveContact'>, ctx: ActionContext) {
  if (req.remember) await checkText(ctx.openid, req.name)
  const existing = await findResident(ctx.openid)
  const townId = existing?.townId ?? (await defaultTownId())
  if (townId === null) throw new AppError('NOT_FOUND', '暂未开通')
  const now = ctx.now.toISOString()
  const {
    _id: _drop,
    name: _n,
    phone: _p,
    ...rest
  } = (existing ?? {}) as Partial<Resident> & {
    createdAt?: string
  }
  const record: Omit<Resident, '_id'> & { createdAt: string; updatedAt: string } = {
    ...rest,
    openid: ctx.openid,
    townId,
    homeGridId: existing?.homeGridId ?? null,
    homeVillageId: existing?.homeVillageId ?? null,
    createdAt: rest.createdAt ?? now,
    updatedAt: now,
    ...(req.remember && req.name !== undefined ? { name: req.name } : {}),
    ...(req.remember && req.phone !== undefined ? { phone: req.phone } : {}),
  }
  await db().collection(C.residents).doc(residentId(ctx.openid)).set({ data: record })
  return profileOf({ _id: residentId(ctx.openid), ...record })
}

/**
 * The number WeChat vouches for, from the phone-number button's one-time code (mini-programs that
 * qualify for it only). Not stored here: the resident sees it in the form and saves it with consent.
 */
export async function phoneFromWeChat(req: Req<'phoneFromWeChat'>, _ctx: ActionContext) {
  let phone: string | undefined
  try {
    const res = await openapi().phonenumber.getPhoneNumber({ code: req.code })
    phone = (res as { phoneInfo?: { purePhoneNumber?: string } }).phoneInfo?.purePhoneNumber
  } catch (err) {
    console.warn('[residents] getPhoneNumber failed:', (err as Error).message)
  }
  if (!phone) throw new AppError('INVALID_INPUT', '没能取得微信绑定的手机号，请直接填写')
  return { phone }
}
