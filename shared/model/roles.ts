/**
 * Roles of the "一格五员" staffing rule, plus the resident and the town's grid office (admin).
 * A person may hold several roles (a village guide is often also an informant).
 */
export const ROLES = [
  'resident',
  'informant',
  'gridWorker',
  'villageGuide',
  'townGuide',
  'townSupervisor',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

export const STAFF_ROLES = ROLES.filter((r) => r !== 'resident') as Exclude<Role, 'resident'>[]
export type StaffRole = Exclude<Role, 'resident'>

/** Roles whose scope is the whole town (docs/architecture.md, "Roles and scope"). */
export const TOWN_ROLES: readonly Role[] = ['townGuide', 'townSupervisor', 'admin']

export const ROLE_NAMES: Record<Role, string> = {
  resident: '群众',
  informant: '网格信息员',
  gridWorker: '网格工作员',
  villageGuide: '村级指导员',
  townGuide: '镇级指导员',
  townSupervisor: '镇级督导员',
  admin: '镇网格办',
}

/**
 * Where a person may act. The town comes from the roster, never from a request, so every
 * scope names its town; grid and village lists say where grid- and village-level roles act.
 */
export interface Scope {
  townId: string
  villageIds: string[]
  gridIds: string[]
}

/**
 * Whoever issues a command. Residents have an `openid` and no `staffId`; the timer acts as
 * `system` (it has neither). Roles and scope come from the roster, loaded by the function.
 */
export interface Actor {
  kind: 'person' | 'system'
  openid?: string
  staffId?: string
  name?: string
  roles: Role[]
  scope: Scope
}

export const hasRole = (actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean =>
  actor.roles.some((r) => roles.includes(r))

/** The timer's identity: acts town-wide, holds no role, can only issue the ladder's commands. */
export const systemActor = (townId: string): Actor => ({
  kind: 'system',
  roles: [],
  scope: { townId, villageIds: [], gridIds: [] },
})
