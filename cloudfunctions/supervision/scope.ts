import { VILLAGE_SCOPED_ROLES, hasRole, type Actor } from '@shared/index'
import { AppError } from '../_lib/entry/envelope'

/**
 * The villages a supervising caller may look at: all (null) for the town grid office (admin); the
 * villages of their scope for a village guide, a town guide (联村) or a town supervisor. A requested
 * village outside that is FORBIDDEN, and so is a caller who supervises nothing.
 */
export function supervisedVillages(actor: Actor, requested?: string): string[] | null {
  if (hasRole(actor, 'admin')) return requested === undefined ? null : [requested]
  if (!hasRole(actor, ...VILLAGE_SCOPED_ROLES) || actor.scope.villageIds.length === 0)
    throw new AppError('FORBIDDEN', '只有指导员、督导员和镇网格办可以查看督办和退单')
  if (requested === undefined) return actor.scope.villageIds
  if (!actor.scope.villageIds.includes(requested))
    throw new AppError('FORBIDDEN', '只能查看您负责的村（社区）的工单')
  return [requested]
}
