import type { Role } from '../model/roles'

/**
 * Where a person acts, in the town's words: `石桥村一组`, `枫林村、柳溪村`, or `全镇` (the grid
 * office, and a town role linked to no village).
 *
 * @example
 * placesText({ roles: ['gridWorker'], villageIds: ['v01'], gridIds: ['g01'] }, names) // '石桥村一组'
 */
export const placesText = (
  p: { roles: readonly Role[]; villageIds: readonly string[]; gridIds: readonly string[] },
  names: { villages: Record<string, string>; grids: Record<string, string> },
): string => {
  if (p.roles.includes('admin')) return '全镇'
  if (p.gridIds.length > 0) return p.gridIds.map((id) => names.grids[id] ?? id).join('、')
  if (p.villageIds.length > 0) return p.villageIds.map((id) => names.villages[id] ?? id).join('、')
  return '全镇'
}
