/**
 * The town's roster for the grid office: by name (a prefix such as a surname narrows it), paged by
 * keyset on `name, _id` (index `townId, name, _id`), with places named and the invite's state — its
 * code is never shown again (a lost code is replaced: `regenerateInvite`).
 */
import { inviteState, type RosterRequest, type Staff, type StaffRow } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { pageWhere, toPage } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import { directory, gridNames } from '../_lib/store/directory'
import { requireRosterAdmin } from './actions'

type Req = Extract<RosterRequest, { action: 'listStaff' }>

/** Every string starting with `prefix` sorts in [prefix, prefix + U+FFFF). */
const PAST_PREFIX = '\uffff'

export async function listStaff(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const _ = db().command
  const base = req.namePrefix
    ? _.and([
        { townId: admin.townId, name: _.gte(req.namePrefix) },
        { name: _.lt(req.namePrefix + PAST_PREFIX) },
      ])
    : { townId: admin.townId }
  const [{ data }, dir] = await Promise.all([
    db()
      .collection<Staff>(C.staff)
      .where(pageWhere(base, 'name', 'asc', req.cursor))
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc')
      .limit(req.pageSize + 1)
      .field({ name: true, phone: true, roles: true, scope: true, openid: true, invite: true, active: true })
      .get(),
    directory(admin.townId),
  ])
  const page = toPage(data, req.pageSize, (s) => s.name)
  const grids = gridNames(dir)
  const now = ctx.now.toISOString()
  const items: StaffRow[] = page.rows.map((s) => ({
    _id: s._id,
    name: s.name,
    phone: s.phone,
    roles: s.roles,
    villages: s.scope.villageIds.map((id) => ({ _id: id, name: dir.villages.get(id)?.name ?? id })),
    grids: s.scope.gridIds.map((id) => ({ _id: id, name: grids[id] ?? id })),
    bound: s.openid !== null,
    active: s.active,
    invite: s.invite ? { state: inviteState(s.invite, now), expiresAt: s.invite.expiresAt } : null,
  }))
  return { items, nextCursor: page.nextCursor }
}
