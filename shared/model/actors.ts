import type { Actor } from './roles'
import type { Resident, Staff } from './town'

/**
 * Actors from roster documents: what a function builds once it has looked up the caller's openid
 * (identity comes only from `getWXContext()`, never from the request).
 */

/** A staff member: their roles and scope from the roster. Inactive staff act as nobody in particular. */
export const staffActor = (staff: Staff, openid: string): Actor => ({
  kind: 'person',
  openid,
  staffId: staff._id,
  name: staff.name,
  roles: staff.active ? staff.roles : [],
  scope: staff.scope,
})

/** A resident: no staff id, and a scope that is just their town (their reports are theirs by openid). */
export const residentActor = (resident: Pick<Resident, 'townId' | 'openid'>): Actor => ({
  kind: 'person',
  openid: resident.openid,
  roles: ['resident'],
  scope: { townId: resident.townId, villageIds: [], gridIds: [] },
})
