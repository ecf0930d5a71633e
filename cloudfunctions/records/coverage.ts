/**
 * `records.patrolCoverage`: for a month, how many of the grids in the caller's scope were patrolled
 * at least once (one `$group` of the month's patrols by grid), per village and in all.
 */
import { addCalendarDays, periodBounds, scopeConditions, type RecordsRequest } from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { db } from '../_lib/platform/cloud'
import { filterQuery } from '../_lib/stats/filterQuery'
import { resolveScope } from '../_lib/stats/scope'

type CoverageRequest = Extract<RecordsRequest, { action: 'patrolCoverage' }>

const lastDay = (month: string): string =>
  addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)

export async function patrolCoverage(req: CoverageRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { townId } = requireStaff(caller)
  const { scope, dir } = await resolveScope(caller, townId, { villageId: req.villageId })
  const p = periodBounds({ from: `${req.month}-01`, to: lastDay(req.month) })
  const { list } = await db()
    .collection('patrols')
    .aggregate()
    .match(
      filterQuery(
        townId,
        [
          { field: 'createdAt', op: 'gte', value: p.fromInstant },
          { field: 'createdAt', op: 'lt', value: p.toInstantExclusive },
        ],
        scopeConditions(scope, 'patrols', 'staffId'),
      ),
    )
    .group({ _id: '$gridId', n: { $sum: 1 } })
    .end()
  const patrolledGrids = new Set(list.map((r) => String(r._id)))
  const grids = [...dir.grids.values()].filter(
    (g) =>
      (scope.villageIds === null || scope.villageIds.includes(g.villageId)) &&
      (scope.gridIds === null || scope.gridIds.includes(g._id)),
  )
  const villages = [...dir.villages.values()]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((v) => {
      const own = grids.filter((g) => g.villageId === v._id)
      return {
        villageId: v._id,
        name: v.name,
        grids: own.length,
        patrolled: own.filter((g) => patrolledGrids.has(g._id)).length,
      }
    })
    .filter((v) => v.grids > 0)
  const patrolled = villages.reduce((a, v) => a + v.patrolled, 0)
  return {
    month: req.month,
    grids: grids.length,
    patrolled,
    rate: grids.length === 0 ? null : Math.round((patrolled / grids.length) * 10000) / 10000,
    patrols: list.reduce((a, r) => a + Number(r.n), 0),
    villages,
  }
}
