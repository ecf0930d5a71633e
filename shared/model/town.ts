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
  informantIds: string[]
  /** category code → staffId of a category-specific owner (first link of the routing chain). */
  categoryOwners: Record<string, string>
  order?: number
}

/** Invite codes bind a WeChat identity (openid) to a roster entry created by the admin. */
export interface StaffInvite {
  code: string
  expiresAt: string
  usedAt: string | null
}

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
