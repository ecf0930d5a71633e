/**
 * `stats.breakdown`: the four service figures per month or per village, for the charts. One
 * `$group` per figure (four operations), keyed by the Beijing month of the instant that makes the
 * figure (submitted for 摸排问题, resolved for the others, the record's date for 微服务) or by village.
 */
import {
  countedFigures,
  gridServicesOf,
  monthsOf,
  periodBounds,
  scopeConditions,
  type StatsRequest,
} from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { db } from '../_lib/platform/cloud'
import { filterQuery } from '../_lib/stats/filterQuery'
import { requestedPeriod, resolveScope } from '../_lib/stats/scope'

type BreakdownRequest = Extract<StatsRequest, { action: 'breakdown' }>

const SERVICE_FIGURES = ['patrolIssues', 'disputesResolved', 'requestsResolved', 'microServices'] as const
type ServiceFigure = (typeof SERVICE_FIGURES)[number]

const beijingMonth = (field: string) => ({
  $dateToString: { format: '%Y-%m', date: { $dateFromString: { dateString: field } }, timezone: '+08:00' },
})
const MONTH_KEY: Record<ServiceFigure, unknown> = {
  patrolIssues: beijingMonth('$createdAt'),
  disputesResolved: beijingMonth('$resolution.at'),
  requestsResolved: beijingMonth('$resolution.at'),
  microServices: { $substr: ['$date', 0, 7] },
}

export async function breakdown(req: BreakdownRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { townId } = requireStaff(caller)
  const { scope, dir } = await resolveScope(caller, townId, req)
  const period = requestedPeriod(req, ctx.now)
  const counted = countedFigures(periodBounds(period))
  const grouped = await Promise.all(
    SERVICE_FIGURES.map(async (key) => {
      const f = counted[key]
      const { list } = await db()
        .collection(f.collection)
        .aggregate()
        .match(filterQuery(townId, f.filter, scopeConditions(scope, f.collection, f.personField)))
        .group({ _id: req.by === 'month' ? MONTH_KEY[key] : '$villageId', n: { $sum: 1 } })
        .end()
      return new Map(list.map((r) => [String(r._id), Number(r.n)]))
    }),
  )
  const keys =
    req.by === 'month'
      ? monthsOf(period).map((m) => ({ key: m, name: `${Number(m.slice(5))}月` }))
      : [...dir.villages.values()]
          .filter((v) => scope.villageIds === null || scope.villageIds.includes(v._id))
          .filter(
            (v) => scope.gridIds === null || scope.gridIds.some((g) => dir.grids.get(g)?.villageId === v._id),
          )
          .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
          .map((v) => ({ key: v._id, name: v.name }))
  const rows = keys.map(({ key, name }) => {
    const [patrolIssues, disputesResolved, requestsResolved, microServices] = grouped.map(
      (m) => m.get(key) ?? 0,
    )
    const figures = { patrolIssues, disputesResolved, requestsResolved, microServices }
    return { key, name, ...figures, gridServices: gridServicesOf(figures) }
  })
  return { period, by: req.by, rows }
}
