/**
 * Who is calling: the openid from `getWXContext()` (never from the event), looked up in the roster
 * (`staff`) and in `residents`. The caller's town comes from those records, never from a request.
 */
import type { Actor, Resident, Role, Staff } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { AppError } from './envelope'

export interface Caller {
  openid: string
  staff: Staff | null
  resident: Resident | null
  /** The roster's town first (a staff member acts in their town), else the resident's home town. */
  townId: string | null
  actor: Actor
}

export interface CallerNeeds {
  staff?: boolean
  resident?: boolean
}

/** The active roster entry bound to this openid (one query on `staff.openid`). */
export async function findStaff(openid: string): Promise<Staff | null> {
  const { data } = await db().collection<Staff>(C.staff).where({ openid, active: true }).limit(1).get()
  return data[0] ?? null
}

/** A resident's document is keyed by openid: one person, one home grid. */
export async function findResident(openid: string): Promise<Resident | null> {
  const { data } = await db().collection<Resident>(C.residents).doc(residentId(openid)).get()
  return data ?? null
}

export const residentId = (openid: string): string => `r_${openid}`

export function callerFrom(openid: string, staff: Staff | null, resident: Resident | null): Caller {
  const townId = staff?.townId ?? resident?.townId ?? null
  const residentHere = resident !== null && resident.townId === townId
  const roles: Role[] = [...(staff?.roles ?? []), ...(residentHere ? (['resident'] as Role[]) : [])]
  const actor: Actor = {
    kind: 'person',
    openid,
    roles,
    scope: staff?.scope ?? { townId: townId ?? '', villageIds: [], gridIds: [] },
  }
  if (staff) {
    actor.staffId = staff._id
    actor.name = staff.name
  }
  return { openid, staff, resident, townId, actor }
}

/** Loads what the action needs (in parallel), so an action pays only for the lookups it uses. */
export async function loadCaller(
  openid: string,
  needs: CallerNeeds = { staff: true, resident: true },
): Promise<Caller> {
  const [staff, resident] = await Promise.all([
    needs.staff ? findStaff(openid) : Promise.resolve(null),
    needs.resident ? findResident(openid) : Promise.resolve(null),
  ])
  return callerFrom(openid, staff, resident)
}

/**
 * A caller who must be on the roster (with one of `roles`, when given). A known WeChat user who is
 * not is FORBIDDEN (UNAUTHENTICATED means no WeChat identity at all), told how to become staff.
 */
export function requireStaff(caller: Caller, ...roles: Role[]): Staff & { townId: string } {
  if (!caller.staff) throw new AppError('FORBIDDEN', '请先用邀请码绑定工作人员身份')
  if (roles.length > 0 && !caller.staff.roles.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN')
  return caller.staff
}

/** A caller who belongs to a town (as staff or as a resident with a home grid); FORBIDDEN until then. */
export function requireTown(caller: Caller): string {
  if (!caller.townId) throw new AppError('FORBIDDEN', '请先选择您所在的村组网格')
  return caller.townId
}
