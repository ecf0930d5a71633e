/**
 * `stats.summary`: the town's figures and 三率 for a period and scope, each with its definition, and
 * the 今年以来 paragraph written from them.
 */
import {
  FIGURES,
  FIGURE_KEYS,
  RATES,
  RATE_KEYS,
  periodBounds,
  writeParagraph,
  type StatsRequest,
} from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { countFigures } from '../_lib/stats/figures'
import { requestedPeriod, resolveScope } from '../_lib/stats/scope'
import { campaignThemes } from '../_lib/stats/themes'

type SummaryRequest = Extract<StatsRequest, { action: 'summary' }>

const DEFINITIONS = [
  ...FIGURE_KEYS.map((k) => ({ ...FIGURES[k] })),
  ...RATE_KEYS.map((k) => ({ key: k, unit: '%', ...RATES[k] })),
  { key: 'avgResolveHours', unit: '小时', ...RATES.avgResolveHours },
]

export async function summary(req: SummaryRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { townId } = requireStaff(caller)
  const [resolved, themes] = await Promise.all([resolveScope(caller, townId, req), campaignThemes(townId)])
  const period = requestedPeriod(req, ctx.now)
  const { figures, rates } = await countFigures(townId, resolved.scope, periodBounds(period), themes, ctx.now)
  return {
    period,
    scope: { ...resolved.scope, name: resolved.name },
    figures,
    rates,
    paragraph: writeParagraph({ period, scopeName: resolved.name, figures, themes }),
    definitions: DEFINITIONS,
    themes: themes.map((t) => ({ code: t.code, name: t.name })),
  }
}
