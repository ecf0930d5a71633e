import type { Role, Scope } from './roles'

/** Every stored document belongs to one town (many towns share one cloud environment). */
export interface TownDocument {
  _id: string
  townId: string
}

/** 村/社区. The guides and supervisors on a village are the escalation ladder's recipients. */
export interface Village extends TownDocument {
  name: string
  /** 村级指导员: first escalation level, re-dispatch returned tasks. */
  villageGuideIds: string[]
  /** 镇级指导员 assigned to this village (联村): second level. */
  townGuideIds: string[]
  /** 镇级网格督导员 supervising this village: third level (挂牌督办). */
  supervisorIds: string[]
  order?: number
}

/** 组级网格. Owners per category let a town route, say, disputes to a mediator instead of the worker. */
export interface Grid extends TownDocument {
  villageId: string
  name: string
  /** The grid's 组级网格工作员; null while the post is vacant. */
  workerId: string | null
  /**
   * Further grid workers of the grid (a second worker, or the previous holder after an explicit
   * replacement, until the office hands their tasks over): the routing chain tries them after
   * `workerId`. Absent on grids that never had one.
   */
  otherWorkerIds?: string[]
  informantIds: string[]
  /** category code → staffId of a category-specific owner (first link of the routing chain). */
  categoryOwners: Record<string, string>
  order?: number
  /**
   * Set when the office merged this grid into another of its village (`roster.mergeGrids`): the
   * grid stays for history and statistics, but takes no residents, staff or new reports.
   */
  mergedInto?: string
  mergedAt?: string
}

/** Invite codes bind a WeChat identity (openid) to a roster entry created by the admin. */
export interface StaffInvite {
  code: string
  expiresAt: string
  usedAt: string | null
  /** The regeneration that issued this code (`roster.regenerateInvite` with a client request id). */
  requestKey?: string
}

/** What the grid office sees of an invite: still usable, past its date, or spent on a binding. */
export type InviteState = 'pending' | 'expired' | 'used'

/**
 * @example
 * inviteState({ code: 'K7P2M9QX', expiresAt: '2026-12-09T06:30:00.000Z', usedAt: null }, '2026-11-25T06:30:00.000Z') // 'pending'
 */
export const inviteState = (invite: StaffInvite, now: string): InviteState =>
  invite.usedAt !== null ? 'used' : invite.expiresAt < now ? 'expired' : 'pending'

export interface Staff extends TownDocument {
  name: string
  phone: string
  roles: Role[]
  scope: Scope
  openid: string | null
  invite: StaffInvite | null
  active: boolean
}

/** A resident is an openid with a home grid; name and phone are optional and masked when shown. */
export interface Resident extends TownDocument {
  openid: string
  homeGridId: string | null
  homeVillageId: string | null
  name?: string
  phone?: string
}
