/**
 * 五员考核: a monthly scorecard per person, from rules that are data (the town may replace them in
 * its configuration, `scorecardRules`). Each rule turns one measure into points: a rate earns its
 * share of the weight, a count earns it in proportion to the target (capped at the weight). The
 * rules travel with the score, so a person can see why.
 */
import type { Rates } from './rates'

export const SCORE_MEASURES = [
  'signForOnTime',
  'resolveOnTime',
  'satisfaction',
  'patrols',
  'microServices',
  'meetings',
  'campaigns',
] as const
export type ScoreMeasure = (typeof SCORE_MEASURES)[number]
export const SCORED_ROLES = ['gridWorker', 'villageGuide'] as const
export type ScoredRole = (typeof SCORED_ROLES)[number]

export interface ScoreRule {
  measure: ScoreMeasure
  name: string
  weight: number
  /** For counts: the number that earns the full weight. Rates need none. */
  target?: number
}

export const DEFAULT_SCORECARD_RULES: Record<ScoredRole, ScoreRule[]> = {
  gridWorker: [
    { measure: 'signForOnTime', name: '按时签收', weight: 25 },
    { measure: 'resolveOnTime', name: '按时办结', weight: 25 },
    { measure: 'satisfaction', name: '群众满意', weight: 20 },
    { measure: 'patrols', name: '巡查摸排', weight: 15, target: 4 },
    { measure: 'microServices', name: '微服务', weight: 15, target: 8 },
  ],
  villageGuide: [
    { measure: 'meetings', name: '屋场会', weight: 40, target: 1 },
    { measure: 'campaigns', name: '宣传活动', weight: 30, target: 1 },
    { measure: 'microServices', name: '微服务', weight: 30, target: 4 },
  ],
}

export type ScoreInputs = Partial<Pick<Rates, 'signForOnTime' | 'resolveOnTime' | 'satisfaction'>> &
  Partial<Record<'patrols' | 'microServices' | 'meetings' | 'campaigns', number>>

export interface ScoreItem extends ScoreRule {
  value: number | null
  points: number
  /** Why, in words: "按时签收率 90%，得 22.5 分（满分 25）". */
  why: string
}

const RATE_MEASURES: readonly ScoreMeasure[] = ['signForOnTime', 'resolveOnTime', 'satisfaction']
const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * A rate with nothing to count (no ticket that month) earns the full weight: nothing was late.
 *
 * @example
 * scoreCard([{ measure: 'patrols', name: '巡查摸排', weight: 15, target: 4 }], { patrols: 2 }).total // 7.5
 */
export function scoreCard(
  rules: readonly ScoreRule[],
  inputs: ScoreInputs,
): { total: number; items: ScoreItem[] } {
  const items = rules.map((rule): ScoreItem => {
    const value = inputs[rule.measure] ?? (RATE_MEASURES.includes(rule.measure) ? null : 0)
    if (RATE_MEASURES.includes(rule.measure)) {
      const points = round1(rule.weight * (value ?? 1))
      const shown = value === null ? '本月无工单' : `${round1(value * 100)}%`
      return { ...rule, value, points, why: `${rule.name}：${shown}，得 ${points} 分（满分 ${rule.weight}）` }
    }
    const target = rule.target && rule.target > 0 ? rule.target : 1
    const points = round1(rule.weight * Math.min(1, (value ?? 0) / target))
    return {
      ...rule,
      value,
      points,
      why: `${rule.name}：${value} 次（${target} 次满分），得 ${points} 分（满分 ${rule.weight}）`,
    }
  })
  return { total: round1(items.reduce((a, i) => a + i.points, 0)), items }
}

/** The town's rules for a role when well formed (weights and targets ≥ 0), else the defaults. */
export function scorecardRulesOf(configured: unknown, role: ScoredRole): readonly ScoreRule[] {
  const rules = (configured as Partial<Record<ScoredRole, unknown>> | undefined)?.[role]
  const ok =
    Array.isArray(rules) &&
    rules.length > 0 &&
    rules.every(
      (r) =>
        SCORE_MEASURES.includes(r?.measure) &&
        typeof r?.name === 'string' &&
        typeof r?.weight === 'number' &&
        r.weight >= 0 &&
        (r.target === undefined || (typeof r.target === 'number' && r.target >= 0)),
    )
  return ok ? (rules as ScoreRule[]) : DEFAULT_SCORECARD_RULES[role]
}
