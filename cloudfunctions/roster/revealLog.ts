/**
 * The office's 号码查看记录: every number a staff member asked for (`tasks.revealContact`), newest
 * first, keyset on `at, _id` (index `townId, at, _id`; with a person: `townId, staffId, at, _id`).
 */
import type { RosterRequest } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { pageWhere, toPage } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import type { RevealDoc } from '../tasks/revealContact'
import { requireRosterAdmin } from './admin'

type Req = Extract<RosterRequest, { action: 'revealLog' }>

export async function revealLog(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const base = { townId: admin.townId, ...(req.staffId ? { staffId: req.staffId } : {}) }
  const { data } = await db()
    .collection<RevealDoc>(C.reveals)
    .where(pageWhere(base, 'at', 'desc', req.cursor))
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(req.pageSize + 1)
    .get()
  const page = toPage(data, req.pageSize, (r) => r.at)
  return {
    items: page.rows.map((r) => ({
      _id: r._id,
      at: r.at,
      staffId: r.staffId,
      staffName: r.staffName,
      ticketId: r.ticketId,
      ticketNumber: r.ticketNumber ?? null,
      whose: r.whose,
    })),
    nextCursor: page.nextCursor,
  }
}
