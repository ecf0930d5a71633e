/**
 * The caller's statistics scope (shared's `statsScope`), after looking up what the rule needs:
 * the requested grid's village, or the requested person's places. Refusals are FORBIDDEN; an
 * unknown grid, village or person is NOT_FOUND.
 */
import {
  presetPeriod,
  shanghaiDate,
  statsScope,
  type Period,
  type PeriodPreset,
  type ScopeFacts,
  type ScopeRequest,
  type Staff,
  type StatsScope,
} from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { AppError } from '../entry/envelope'
import type { Caller } from '../entry/context'
import { directory, type Directory } from '../store/directory'

export interface ResolvedScope {
  scope: StatsScope
  /** 全镇, 石桥村, 石桥村一组, or the person's name. */
  name: string
  dir: Directory
}

export async function resolveScope(
  caller: Caller,
  townId: string,
  req: ScopeRequest,
): Promise<ResolvedScope> {
  const dir = await directory(townId)
  const facts: ScopeFacts = {}
  if (req.villageId !== undefined && !dir.villages.has(req.villageId))
    throw new AppError('NOT_FOUND', '没有这个村')
  if (req.gridId !== undefined) {
    const grid = dir.grids.get(req.gridId)
    if (!grid) throw new AppError('NOT_FOUND', '没有这个网格')
    facts.gridVillageId = grid.villageId
  }
  let personName = ''
  if (req.staffId !== undefined) {
    const { data } = await db().collection<Staff>(C.staff).doc(req.staffId).get()
    if (!data || data.townId !== townId) throw new AppError('NOT_FOUND', '没有这位工作人员')
    facts.person = { villageIds: data.scope.villageIds, gridIds: data.scope.gridIds }
    personName = data.name
  }
  const decision = statsScope(caller.actor, req, facts)
  if (!decision.ok) throw new AppError('FORBIDDEN', decision.message)
  const s = decision.scope
  const villageName = (id: string) => dir.villages.get(id)?.name ?? id
  const gridName = (id: string) => {
    const g = dir.grids.get(id)
    return g ? `${villageName(g.villageId)}${g.name}` : id
  }
  const name =
    s.level === 'town'
      ? '全镇'
      : s.level === 'person'
        ? personName
        : s.level === 'village'
          ? (s.villageIds ?? []).map(villageName).join('、')
          : (s.gridIds ?? []).map(gridName).join('、')
  return { scope: s, name, dir }
}

/** The period a request names: from/to, a preset ending today, or the year to date. */
export function requestedPeriod(
  req: { from?: string; to?: string; preset?: PeriodPreset },
  now: Date,
): Period {
  if (req.from !== undefined && req.to !== undefined) return { from: req.from, to: req.to }
  return presetPeriod(req.preset ?? 'year', shanghaiDate(now))
}
