import type { Filter } from './filter'
import type { PeriodBounds } from './period'

/**
 * 三率 as 12345 platforms report them, plus the reopen rate and the average time to resolve, over
 * the tickets dispatched in the period. The database sums the counts in one `$group` (the stage
 * below is plain aggregation JSON); `ratesFrom` divides. A rate with nothing to count is null.
 */
export const RATE_KEYS = ['signForOnTime', 'resolveOnTime', 'satisfaction', 'reopen'] as const
export type RateKey = (typeof RATE_KEYS)[number]

export const RATES: Record<RateKey | 'avgResolveHours', { name: string; definition: string }> = {
  signForOnTime: {
    name: '按时签收率',
    definition: '期内派单的工单中，在签收时限内签收的比例（分母为已签收或已过签收时限的工单）',
  },
  resolveOnTime: {
    name: '按时办结率',
    definition: '期内派单的工单中，在办结时限内办结的比例（分母为已办结或已过办结时限的工单）',
  },
  satisfaction: {
    name: '满意率',
    definition: '期内派单并已评价的工单中，评价 4 星及以上的比例',
  },
  reopen: {
    name: '重办率',
    definition: '期内派单并已办结的工单中，被群众退回重办过的比例',
  },
  avgResolveHours: {
    name: '平均办结时长',
    definition: '期内派单并已办结的工单，从派单到办结的平均小时数',
  },
}

/** Tickets dispatched in the period (the rates' population). */
export const dispatchedFilter = (p: PeriodBounds): Filter => [
  { field: 'deadlines.dispatchedAt', op: 'gte', value: p.fromInstant },
  { field: 'deadlines.dispatchedAt', op: 'lt', value: p.toInstantExclusive },
]

export interface RateCounts {
  dispatched: number
  signForDue: number
  signedOnTime: number
  resolveDue: number
  resolvedOnTime: number
  resolved: number
  reopened: number
  resolveMs: number
  rated: number
  satisfied: number
}

// `$ifNull` first: a missing field and null then read the same in every engine (BSON order puts missing below null).
const isSet = (field: string) => ({ $ne: [{ $ifNull: [field, null] }, null] })
const count = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } })

/**
 * The `$group` stage of the rates (ISO instants compare as strings; `now` decides whether an
 * unsigned ticket is already late).
 */
export const rateGroupStage = (nowIso: string): Record<string, unknown> => ({
  _id: null,
  dispatched: { $sum: 1 },
  signForDue: count({ $or: [isSet('$signedForAt'), { $lte: ['$deadlines.signFor.dueAt', nowIso] }] }),
  signedOnTime: count({
    $and: [isSet('$signedForAt'), { $lte: ['$signedForAt', '$deadlines.signFor.dueAt'] }],
  }),
  resolveDue: count({ $or: [isSet('$resolution.at'), { $lte: ['$deadlines.resolve.dueAt', nowIso] }] }),
  resolvedOnTime: count({
    $and: [isSet('$resolution.at'), { $lte: ['$resolution.at', '$deadlines.resolve.dueAt'] }],
  }),
  resolved: count(isSet('$resolution.at')),
  reopened: count({ $and: [isSet('$resolution.at'), { $gt: ['$reopenCount', 0] }] }),
  resolveMs: {
    $sum: {
      $cond: [
        isSet('$resolution.at'),
        {
          $subtract: [
            { $dateFromString: { dateString: '$resolution.at' } },
            { $dateFromString: { dateString: '$deadlines.dispatchedAt' } },
          ],
        },
        0,
      ],
    },
  },
  rated: count(isSet('$rating.score')),
  satisfied: count({ $gte: ['$rating.score', 4] }),
})

export interface Rates {
  signForOnTime: number | null
  resolveOnTime: number | null
  satisfaction: number | null
  reopen: number | null
  avgResolveHours: number | null
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000)

/**
 * @example
 * ratesFrom({ dispatched: 10, signForDue: 10, signedOnTime: 9, resolveDue: 8, resolvedOnTime: 8,
 *   resolved: 8, reopened: 1, resolveMs: 8 * 3_600_000, rated: 4, satisfied: 3 })
 * // { signForOnTime: 0.9, resolveOnTime: 1, satisfaction: 0.75, reopen: 0.125, avgResolveHours: 1 }
 */
export const ratesFrom = (c: RateCounts): Rates => ({
  signForOnTime: ratio(c.signedOnTime, c.signForDue),
  resolveOnTime: ratio(c.resolvedOnTime, c.resolveDue),
  satisfaction: ratio(c.satisfied, c.rated),
  reopen: ratio(c.reopened, c.resolved),
  avgResolveHours: c.resolved === 0 ? null : Math.round((c.resolveMs / c.resolved / 3_600_000) * 10) / 10,
})

export const EMPTY_RATE_COUNTS: RateCounts = {
  dispatched: 0,
  signForDue: 0,
  signedOnTime: 0,
  resolveDue: 0,
  resolvedOnTime: 0,
  resolved: 0,
  reopened: 0,
  resolveMs: 0,
  rated: 0,
  satisfied: 0,
}
