/**
 * The town's figures and rates for a period and scope, counted by the database: one `count` per
 * counted figure, one `$group` for the campaigns (per theme, with materials) and one for the rates,
 * all in parallel — nine operations whatever the number of tickets, each on an indexed range
 * (docs/indexes.md).
 */
import {
  EMPTY_RATE_COUNTS,
  campaignFilter,
  countedFigures,
  dispatchedFilter,
  gridServicesOf,
  rateGroupStage,
  ratesFrom,
  scopeConditions,
  type Figures,
  type PeriodBounds,
  type RateCounts,
  type Rates,
  type StatsScope,
  type Theme,
} from '@shared/index'
import { db } from '../platform/cloud'
import { filterQuery } from './filterQuery'

export interface Counted {
  figures: Figures
  rates: Rates
}

export async function countFigures(
  townId: string,
  scope: StatsScope,
  bounds: PeriodBounds,
  themes: readonly Theme[],
  now: Date,
): Promise<Counted> {
  const counted = countedFigures(bounds)
  const keys = Object.keys(counted) as Array<keyof typeof counted>
  const countOne = async (key: keyof typeof counted): Promise<number> => {
    const f = counted[key]
    const where = filterQuery(townId, f.filter, scopeConditions(scope, f.collection, f.personField))
    return (await db().collection(f.collection).where(where).count()).total
  }
  const campaigns = db()
    .collection('campaigns')
    .aggregate()
    .match(filterQuery(townId, campaignFilter(bounds), scopeConditions(scope, 'campaigns', 'createdBy')))
    .group({ _id: '$theme', n: { $sum: 1 }, materials: { $sum: '$materials' } })
    .end()
  const rates = db()
    .collection('tickets')
    .aggregate()
    .match(filterQuery(townId, dispatchedFilter(bounds), scopeConditions(scope, 'tickets', 'assigneeId')))
    .group(rateGroupStage(now.toISOString()))
    .end()
  const [counts, campaignRows, rateRows] = await Promise.all([
    Promise.all(keys.map(countOne)),
    campaigns,
    rates,
  ])
  const c = Object.fromEntries(keys.map((k, i) => [k, counts[i]])) as Record<keyof typeof counted, number>
  const perTheme: Record<string, number> = Object.fromEntries(themes.map((t) => [t.code, 0]))
  let materials = 0
  for (const row of campaignRows.list) {
    perTheme[String(row._id)] = Number(row.n)
    materials += Number(row.materials ?? 0)
  }
  const rateCounts = (rateRows.list[0] as unknown as RateCounts | undefined) ?? EMPTY_RATE_COUNTS
  return {
    figures: {
      patrolIssues: c.patrolIssues,
      disputesResolved: c.disputesResolved,
      requestsResolved: c.requestsResolved,
      microServices: c.microServices,
      gridServices: gridServicesOf(c),
      materials,
      lectures: c.lectures,
      partyClasses: c.partyClasses,
      meetings: c.meetings,
      campaigns: perTheme,
    },
    rates: ratesFrom({ ...EMPTY_RATE_COUNTS, ...rateCounts }),
  }
}
