import type { Filter } from './filter'
import type { PeriodBounds } from './period'

/**
 * The town's published figures, each with its one-line definition (shown beside the figure in the
 * app and in the docs) and, for those counted from documents, the filter that is the definition.
 * The order is the order the town writes them in.
 */
export const FIGURE_KEYS = [
  'patrolIssues',
  'disputesResolved',
  'requestsResolved',
  'microServices',
  'gridServices',
  'campaigns',
  'materials',
  'lectures',
  'partyClasses',
  'meetings',
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]

export interface FigureDefinition {
  key: FigureKey
  name: string
  unit: string
  definition: string
}

export const FIGURES: Record<FigureKey, FigureDefinition> = {
  patrolIssues: {
    key: 'patrolIssues',
    name: '摸排问题',
    unit: '个',
    definition: '期内网格员巡查、摸排时发现并登记成工单的问题（来源为“巡查”，不予受理的不计）',
  },
  disputesResolved: {
    key: 'disputesResolved',
    name: '化解矛盾纠纷',
    unit: '个',
    definition: '期内办结的“矛盾纠纷”类工单（办结时间在期内；被退回重办、尚未再次办结的不计）',
  },
  requestsResolved: {
    key: 'requestsResolved',
    name: '解决群众诉求',
    unit: '个',
    definition: '期内办结的群众、信息员代报和屋场会反映的工单（矛盾纠纷类另计，不在此数）',
  },
  microServices: {
    key: 'microServices',
    name: '微服务',
    unit: '件',
    definition: '期内登记的微服务（代办、帮办、跑腿等为群众办的小事）条数',
  },
  gridServices: {
    key: 'gridServices',
    name: '微网格服务',
    unit: '次',
    definition: '按镇里的口径，为微服务、解决群众诉求、化解矛盾纠纷、摸排问题四项之和',
  },
  campaigns: {
    key: 'campaigns',
    name: '宣传活动',
    unit: '次',
    definition: '期内登记的宣传活动次数，按主题分列（一次活动覆盖多个网格也只计一次）',
  },
  materials: {
    key: 'materials',
    name: '发放宣传资料',
    unit: '份',
    definition: '期内各次宣传活动登记的发放资料份数之和',
  },
  lectures: {
    key: 'lectures',
    name: '理论宣讲',
    unit: '场',
    definition: '期内登记的理论宣讲场次',
  },
  partyClasses: {
    key: 'partyClasses',
    name: '屋场党课',
    unit: '场',
    definition: '期内登记的屋场党课场次',
  },
  meetings: {
    key: 'meetings',
    name: '屋场会',
    unit: '场',
    definition: '期内登记的屋场会场次',
  },
}

/** Where a counted figure comes from: a collection, the filter, and the field that names "who" for a person's scope. */
export interface CountedFigure {
  collection: 'tickets' | 'microServices' | 'sessions' | 'meetings'
  filter: Filter
  personField: string
}

/** Resolved and not reopened since: the statuses a ticket keeps after 办结. */
export const RESOLVED_STATUSES = ['resolved', 'closed'] as const

/** Sources that count as the people's requests (a patrol's finding is counted as 摸排问题). */
export const REQUEST_SOURCES = ['resident', 'informant', 'meeting'] as const

const DISPUTE = 'dispute'

/**
 * The filters of the figures counted one document each (the others are sums or a campaign group).
 *
 * @example
 * countedFigures(periodBounds({ from: '2026-01-01', to: '2026-08-31' })).patrolIssues.filter
 * // [{ field: 'source', op: 'eq', value: 'patrol' }, { field: 'status', op: 'ne', value: 'rejected' }, …createdAt in the period]
 */
export const countedFigures = (
  p: PeriodBounds,
): Record<
  | 'patrolIssues'
  | 'disputesResolved'
  | 'requestsResolved'
  | 'microServices'
  | 'lectures'
  | 'partyClasses'
  | 'meetings',
  CountedFigure
> => {
  const created: Filter = [
    { field: 'createdAt', op: 'gte', value: p.fromInstant },
    { field: 'createdAt', op: 'lt', value: p.toInstantExclusive },
  ]
  const resolvedIn: Filter = [
    { field: 'status', op: 'in', value: RESOLVED_STATUSES },
    { field: 'resolution.at', op: 'gte', value: p.fromInstant },
    { field: 'resolution.at', op: 'lt', value: p.toInstantExclusive },
  ]
  const dated: Filter = [
    { field: 'date', op: 'gte', value: p.from },
    { field: 'date', op: 'lte', value: p.to },
  ]
  return {
    patrolIssues: {
      collection: 'tickets',
      filter: [
        { field: 'source', op: 'eq', value: 'patrol' },
        { field: 'status', op: 'ne', value: 'rejected' },
        ...created,
      ],
      personField: 'reporter.staffId',
    },
    disputesResolved: {
      collection: 'tickets',
      filter: [{ field: 'categoryCode', op: 'eq', value: DISPUTE }, ...resolvedIn],
      personField: 'assigneeId',
    },
    requestsResolved: {
      collection: 'tickets',
      filter: [
        { field: 'source', op: 'in', value: REQUEST_SOURCES },
        { field: 'categoryCode', op: 'ne', value: DISPUTE },
        ...resolvedIn,
      ],
      personField: 'assigneeId',
    },
    microServices: { collection: 'microServices', filter: dated, personField: 'createdBy' },
    lectures: {
      collection: 'sessions',
      filter: [{ field: 'kind', op: 'eq', value: 'lecture' }, ...dated],
      personField: 'createdBy',
    },
    partyClasses: {
      collection: 'sessions',
      filter: [{ field: 'kind', op: 'eq', value: 'partyClass' }, ...dated],
      personField: 'createdBy',
    },
    meetings: { collection: 'meetings', filter: dated, personField: 'createdBy' },
  }
}

/** Campaigns are grouped by theme: the period filter of the `campaigns` collection. */
export const campaignFilter = (p: PeriodBounds): Filter => [
  { field: 'date', op: 'gte', value: p.from },
  { field: 'date', op: 'lte', value: p.to },
]

/** The figures as the function answers them. */
export interface Figures {
  patrolIssues: number
  disputesResolved: number
  requestsResolved: number
  microServices: number
  gridServices: number
  materials: number
  lectures: number
  partyClasses: number
  meetings: number
  /** Campaigns per theme code: every theme of the town's list, zero when none was held. */
  campaigns: Record<string, number>
}

/**
 * 微网格服务 as the town counts it: 微服务 + 解决群众诉求 + 化解矛盾纠纷 + 摸排问题.
 *
 * @example
 * gridServicesOf({ microServices: 768, requestsResolved: 476, disputesResolved: 86, patrolIssues: 95 }) // 1425
 */
export const gridServicesOf = (
  f: Pick<Figures, 'microServices' | 'requestsResolved' | 'disputesResolved' | 'patrolIssues'>,
): number => f.microServices + f.requestsResolved + f.disputesResolved + f.patrolIssues
