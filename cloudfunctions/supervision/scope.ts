import { TOWN_ROLES, hasRole, type Actor } from '@shared/index'
import { AppError } from '../_lib/entry/envelope'

/**
 * The villages a supervising caller may look at: all (null) for the town roles, their own for a
 * village guide; a requested village outside that is FORBIDDEN, and so is a caller who supervises
 * nothing.
 */
export function supervisedVillages(actor: Actor, requested?: string): string[] | null {
  if (hasRole(actor, ...TOWN_ROLES)) return requested === undefined ? null : [requested]
  if (!hasRole(actor, 'villageGuide') || actor.scope.villageIds.length === 0) throw new AppError('FORBIDDEN')
  if (requested === undefined) return actor.scope.villageIds
  if (!actor.scope.villageIds.includes(requested)) throw new AppError('FORBIDDEN', '只能查看您负责的村')
  return [requested]
}
