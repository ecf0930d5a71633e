import * as z from 'zod'
import { SCORED_ROLES, SCORE_MEASURES } from '../stats/scorecard'
import { documentId } from './common'

/** Function `stats`: the town's figures, 三率 and the summary paragraph, for a period and a scope. */

export const dayString = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}格式应为 YYYY-MM-DD`)

/**
 * A period: `from` … `to` (Beijing days, both included), or a preset ending today (this month,
 * quarter or year); with neither, the year to date. At most three years.
 */
export const periodFields = {
  from: dayString('开始日期')
    .optional()
    .describe(
      'first Beijing day of the period, included; with `to`. Neither: `preset`, else the year to date',
    ),
  to: dayString('结束日期')
    .optional()
    .describe('last Beijing day, included; at most three years after `from`'),
  preset: z
    .enum(['month', 'quarter', 'year'], { error: '统计周期无效' })
    .optional()
    .describe('when no from/to: this month, quarter or year up to today'),
}

/** A scope inside the caller's own: a village, a grid or a person (staff id); none = the caller's widest. */
export const scopeFields = {
  villageId: documentId('村')
    .optional()
    .describe(
      "one village. Without villageId/gridId/staffId: the caller's widest scope — the town for the admin (and a town role linked to no village), their villages for guides and supervisors, their grids for grid workers and informants; outside it FORBIDDEN",
    ),
  gridId: documentId('网格').optional().describe("one grid, in the caller's villages or grids"),
  staffId: documentId('人员')
    .optional()
    .describe(
      "one person's work: tickets they handled (patrol findings they reported), records they logged; oneself, or someone in the caller's villages/grids",
    ),
}

const periodRule = (v: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if ((v.from === undefined) !== (v.to === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [v.from === undefined ? 'from' : 'to'],
      message: '请同时选择开始和结束日期',
    })
  else if (v.from !== undefined && v.to !== undefined) {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
    else if (Date.parse(v.to) - Date.parse(v.from) > 3 * 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: '统计周期最长三年' })
  }
}

export const summaryRequest = z
  .object({ action: z.literal('summary'), ...periodFields, ...scopeFields })
  .superRefine(periodRule)

/** Figures per month or per village (the charts). */
export const breakdownRequest = z
  .object({
    action: z.literal('breakdown'),
    by: z.enum(['month', 'village'], { error: '分组方式无效' }),
    ...periodFields,
    ...scopeFields,
  })
  .superRefine(periodRule)

/** An xlsx book written to cloud storage: 民情台账, the 屋场会 record book or the campaign log. */
const monthString = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')

export const exportRequest = z
  .object({
    action: z.literal('export'),
    kind: z.enum(['ledger', 'meetings', 'campaigns', 'scorecards'], { error: '导出类型无效' }),
    ...periodFields,
    ...scopeFields,
    month: monthString
      .optional()
      .describe('the 考核 sheet (`kind: scorecards`) only: its month, required there'),
    role: z
      .enum(SCORED_ROLES, { error: '考核对象无效' })
      .optional()
      .describe('the 考核 sheet only: whose scorecards, required there'),
  })
  .superRefine(periodRule)
  .superRefine((v, ctx) => {
    if (v.kind !== 'scorecards') return
    if (v.month === undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: '请选择月份' })
    if (v.role === undefined) ctx.addIssue({ code: 'custom', path: ['role'], message: '请选择考核对象' })
  })

/** 五员考核: a month's scorecards for one role, ranked, in the caller's villages (or one of them). */
export const scorecardsRequest = z.object({
  action: z.literal('scorecards'),
  month: monthString,
  role: z.enum(SCORED_ROLES, { error: '考核对象无效' }),
  villageId: documentId('村').optional(),
})

export const statsRequest = z.discriminatedUnion(
  'action',
  [summaryRequest, breakdownRequest, exportRequest, scorecardsRequest],
  {
    error: '不支持的操作',
  },
)
export type StatsRequest = z.infer<typeof statsRequest>
export type StatsRequestInput = z.input<typeof statsRequest>

const count = z.number().int().min(0)
const rate = z.number().min(0).max(1).nullable()

export const figuresSchema = z.object({
  patrolIssues: count,
  disputesResolved: count,
  requestsResolved: count,
  microServices: count,
  gridServices: count,
  materials: count,
  lectures: count,
  partyClasses: count,
  meetings: count,
  /** Campaigns per theme code; every theme of the town's list is present. */
  campaigns: z.record(z.string(), count),
})

export const ratesSchema = z.object({
  signForOnTime: rate,
  resolveOnTime: rate,
  satisfaction: rate,
  reopen: rate,
  /** Hours from dispatch to resolution, on average (one decimal). */
  avgResolveHours: z.number().min(0).nullable(),
})

export const statsScopeView = z.object({
  level: z.enum(['town', 'village', 'grid', 'person']),
  name: z.string(),
  villageIds: z.array(z.string()).nullable(),
  gridIds: z.array(z.string()).nullable(),
  staffId: z.string().nullable(),
})

const definition = z.object({ key: z.string(), name: z.string(), unit: z.string(), definition: z.string() })

export const summaryResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  scope: statsScopeView,
  figures: figuresSchema,
  rates: ratesSchema,
  /** The 今年以来 paragraph, ready to copy. */
  paragraph: z.string(),
  /** Each figure's and rate's one-line definition, in display order. */
  definitions: z.array(definition),
  themes: z.array(z.object({ code: z.string(), name: z.string() })),
})

export const breakdownRow = z.object({
  key: z.string(),
  name: z.string(),
  patrolIssues: count,
  disputesResolved: count,
  requestsResolved: count,
  microServices: count,
  gridServices: count,
})

export const breakdownResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  by: z.enum(['month', 'village']),
  rows: z.array(breakdownRow),
})

export const exportResponse = z.object({
  fileID: z.string(),
  /** A temporary download link (the client opens it with downloadFile + openDocument). */
  tempFileURL: z.string(),
  fileName: z.string(),
  rows: count,
})

const scoreRule = z.object({
  measure: z.enum(SCORE_MEASURES),
  name: z.string(),
  weight: z.number(),
  target: z.number().optional(),
})

export const scorecardsResponse = z.object({
  month: z.string(),
  role: z.enum(SCORED_ROLES),
  /** The rules the scores come from (the town's, or the defaults). */
  rules: z.array(scoreRule),
  rows: z.array(
    z.object({
      rank: z.number().int().min(1),
      staffId: z.string(),
      name: z.string(),
      place: z.string(),
      total: z.number(),
      items: z.array(scoreRule.extend({ value: z.number().nullable(), points: z.number(), why: z.string() })),
    }),
  ),
})

export const statsResponses = {
  summary: summaryResponse,
  breakdown: breakdownResponse,
  export: exportResponse,
  scorecards: scorecardsResponse,
} as const

export type SummaryResponse = z.output<typeof summaryResponse>
export type BreakdownResponse = z.output<typeof breakdownResponse>
export type ScorecardsResponse = z.output<typeof scorecardsResponse>
