/**
 * The audit log of the grid office's changes (roster, structure, town set-up): one document per
 * change, in the same transaction as the change, readable by the office (`roster.auditLog`, newest
 * first, keyset on `at, _id`; index `townId, at, _id`). Ticket corrections (transfer, handover, …)
 * land in the same collection from their transitions.
 */
import { randomInt } from 'node:crypto'
import type { RosterRequest, Staff } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { pageWhere, toPage } from '../_lib/store/cursor'
import type { ActionContext } from '../_lib/entry/defineActions'
import type { Transaction } from '../_lib/platform/sdkTypes'
import { staffNames } from '../_lib/store/directory'
import { requireRosterAdmin } from './admin'

export interface RosterAudit {
  action: string
  /** What changed, in words the office reads (`停用 王建国；3 件任务移交`). */
  summary: string
  staffId?: string
  details?: Record<string, unknown>
}

export interface AuditDoc extends RosterAudit {
  _id: string
  townId: string
  at: string
  actor: { staffId?: string; name?: string; roles: string[] }
  ticketId?: string
}

export const auditDoc = (
  townId: string,
  actor: Pick<Staff, '_id' | 'name' | 'roles'> | null,
  now: Date,
  entry: RosterAudit,
): AuditDoc => ({
  _id: `a_${now.getTime().toString(36)}${randomInt(36 ** 6)
    .toString(36)
    .padStart(6, '0')}`,
  townId,
  at: now.toISOString(),
  actor: actor ? { staffId: actor._id, name: actor.name, roles: [...actor.roles] } : { roles: [] },
  ...entry,
})

export async function writeAudit(txn: Transaction, docs: AuditDoc[]): Promise<void> {
  if (docs.length > 0) await txn.collection(C.audit).add({ data: docs })
}

const TICKET_ACTIONS: Record<string, string> = {
  handover: '移交工单',
  transfer: '转办',
  redispatch: '重新派单',
  returnTicket: '退单',
  reject: '不予受理',
  markDuplicate: '标记重复件',
}

type Req = Extract<RosterRequest, { action: 'auditLog' }>

export async function auditLog(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const { data } = await db()
    .collection<AuditDoc>(C.audit)
    .where(pageWhere({ townId: admin.townId }, 'at', 'desc', req.cursor))
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(req.pageSize + 1)
    .get()
  const page = toPage(data, req.pageSize, (a) => a.at)
  const unnamed = page.rows.filter((a) => a.actor.name === undefined && a.actor.staffId !== undefined)
  const names = await staffNames(
    admin.townId,
    unnamed.map((a) => a.actor.staffId as string),
  )
  const items = page.rows.map((a) => ({
    _id: a._id,
    at: a.at,
    action: a.action,
    actorName: a.actor.name ?? names[a.actor.staffId ?? ''] ?? '系统',
    summary: a.summary ?? `${TICKET_ACTIONS[a.action] ?? a.action}`,
    ...(a.ticketId ? { ticketId: a.ticketId } : {}),
    ...(a.staffId ? { staffId: a.staffId } : {}),
  }))
  return { items, nextCursor: page.nextCursor }
}
