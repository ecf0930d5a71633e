import { TOWN_ROLES, hasRole, type Actor } from '../model/roles'
import type { Condition, Filter } from './filter'

/**
 * Whose figures: the town, some villages, some grids, or one person. The admin sees any scope in
 * the town; guides and supervisors their own villages (a town role linked to no village sees the
 * town); grid workers and informants their own grids; anyone their own work as a person.
 */
export interface StatsScope {
  level: 'town' | 'village' | 'grid' | 'person'
  villageIds: string[] | null
  gridIds: string[] | null
  staffId: string | null
}

export interface ScopeRequest {
  villageId?: string
  gridId?: string
  staffId?: string
}

/** What the function looked up about the requested grid or person (their places). */
export interface ScopeFacts {
  /** The requested grid's village. */
  gridVillageId?: string
  /** The requested person's villages and grids, from the roster. */
  person?: { villageIds: string[]; gridIds: string[] }
}

export type ScopeDecision = { ok: true; scope: StatsScope } | { ok: false; message: string }

const deny = (message: string): ScopeDecision => ({ ok: false, message })

/**
 * @example
 * statsScope(villageGuideOfV01, {}, {}) // { ok: true, scope: { level: 'village', villageIds: ['v01'], … } }
 * statsScope(villageGuideOfV01, { villageId: 'v02' }, {}) // { ok: false, message: '只能查看您负责的村' }
 */
export function statsScope(actor: Actor, req: ScopeRequest, facts: ScopeFacts): ScopeDecision {
  const own = actor.scope
  const admin = hasRole(actor, 'admin')
  const villageRole = hasRole(actor, 'villageGuide', ...TOWN_ROLES)
  const townWide = admin || (hasRole(actor, ...TOWN_ROLES) && own.villageIds.length === 0)
  const gridRole = hasRole(actor, 'gridWorker', 'informant')
  const seesVillage = (v: string) => townWide || (villageRole && own.villageIds.includes(v))
  const seesGrid = (g: string, v: string | undefined) =>
    (v !== undefined && seesVillage(v)) || (gridRole && own.gridIds.includes(g))

  if (req.staffId !== undefined) {
    const self = req.staffId === actor.staffId
    const p = facts.person
    const supervised =
      p !== undefined &&
      (townWide || p.villageIds.some((v) => seesVillage(v)) || p.gridIds.some((g) => seesGrid(g, undefined)))
    if (!self && !supervised) return deny('只能查看您负责范围内人员的数据')
    return { ok: true, scope: { level: 'person', villageIds: null, gridIds: null, staffId: req.staffId } }
  }
  if (req.gridId !== undefined) {
    if (!seesGrid(req.gridId, facts.gridVillageId)) return deny('只能查看您负责的网格')
    return { ok: true, scope: { level: 'grid', villageIds: null, gridIds: [req.gridId], staffId: null } }
  }
  if (req.villageId !== undefined) {
    if (!seesVillage(req.villageId)) return deny('只能查看您负责的村')
    return {
      ok: true,
      scope: { level: 'village', villageIds: [req.villageId], gridIds: null, staffId: null },
    }
  }
  if (townWide) return { ok: true, scope: { level: 'town', villageIds: null, gridIds: null, staffId: null } }
  if (villageRole && own.villageIds.length > 0)
    return { ok: true, scope: { level: 'village', villageIds: own.villageIds, gridIds: null, staffId: null } }
  if (gridRole && own.gridIds.length > 0)
    return { ok: true, scope: { level: 'grid', villageIds: null, gridIds: own.gridIds, staffId: null } }
  return deny('您没有可查看的统计范围')
}

/**
 * The scope as conditions on a collection: campaigns list their villages and grids, everything
 * else has one village and grid; a person is named by the figure's own field (who reported a
 * patrol, who handled a ticket, who logged a record).
 */
export function scopeConditions(scope: StatsScope, collection: string, personField: string): Filter {
  const plural = collection === 'campaigns'
  const out: Condition[] = []
  if (scope.villageIds)
    out.push({ field: plural ? 'villageIds' : 'villageId', op: 'in', value: scope.villageIds })
  if (scope.gridIds) out.push({ field: plural ? 'gridIds' : 'gridId', op: 'in', value: scope.gridIds })
  if (scope.staffId) out.push({ field: personField, op: 'eq', value: scope.staffId })
  return out
}
