/**
 * Names and phones of some staff, for screens that offer a call button to whoever supervises the
 * ticket (one query, at most 100 ids). A phone is shown (masked) only where
 * `can(…, 'viewAssigneeContact')`; the number itself only through `tasks.revealContact`.
 */
import type { Staff } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from './collections'

export type StaffContacts = Record<string, { name: string; phone: string | null }>

export async function staffContacts(townId: string, ids: Iterable<string>): Promise<StaffContacts> {
  const unique = [...new Set(ids)].filter((id) => id !== '')
  if (unique.length === 0) return {}
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, _id: db().command.in(unique.slice(0, 100)) })
    .field({ name: true, phone: true })
    .limit(100)
    .get()
  return Object.fromEntries(data.map((s) => [s._id, { name: s.name, phone: s.phone || null }]))
}
