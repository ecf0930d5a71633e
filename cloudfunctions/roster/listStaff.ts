/**
 * The town's roster for the grid office, paged by keyset on `name, _id` (index `townId, name, _id`),
 * with places named and the invite's state — its code is never shown again (a lost code is
 * replaced: `regenerateInvite`). Found by the start of a name, the start of a phone number, or a
 * village or grid as the town names it (`石桥村`, `石桥村一组`); filtered by role, bound, active.
 */
import { inviteState, type RosterRequest, type Staff, type StaffRow } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { pageWhere, toPage } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import { directory, gridNames, type Directory } from '../_lib/store/directory'
import { requireRosterAdmin } from './admin'

type Req = Extract<RosterRequest, { action: 'listStaff' }>

/** Every string starting with `prefix` sorts in [prefix, prefix + U+FFFF). */
const PAST_PREFIX = '\uffff'

/** The conditions a search and the filters make, beside `townId`. */
function conditions(req: Req, dir: Directory): object[] {
  const _ = db().command
  const out: object[] = []
  const prefix = (field: string, p: string) => [{ [field]: _.gte(p) }, { [field]: _.lt(p + PAST_PREFIX) }]
  if (req.namePrefix) out.push(...prefix('name', req.namePrefix))
  const q = req.query.replace(/\s+/g, '')
  if (q !== '') {
    const village = [...dir.villages.values()].find((v) => v.name === q)
    const grid = Object.entries(gridNames(dir)).find(([, name]) => name === q)
    if (/^\d+$/.test(q)) out.push(...prefix('phone', q))
    else if (village) out.push({ 'scope.villageIds': village._id })
    else if (grid) out.push({ 'scope.gridIds': grid[0] })
    else out.push(...prefix('name', q))
  }
  if (req.role !== undefined) out.push({ roles: req.role })
  if (req.bound !== undefined) out.push({ openid: req.bound ? _.neq(null) : null })
  if (req.active !== undefined) out.push({ active: req.active })
  return out
}

export async function listStaff(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const _ = db().command
  const dir = await directory(admin.townId)
  const extra = conditions(req, dir)
  const base = extra.length === 0 ? { townId: admin.townId } : _.and([{ townId: admin.townId }, ...extra])
  const [{ data }] = await Promise.all([
    db()
      .collection<Staff>(C.staff)
      .where(pageWhere(base, 'name', 'asc', req.cursor))
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc')
      .limit(req.pageSize + 1)
      .field({ name: true, phone: true, roles: true, scope: true, openid: true, invite: true, active: true })
      .get(),
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
