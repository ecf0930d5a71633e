/**
 * `stats.scorecards` (五员考核): for a month and a role, each person's measures — their tickets' rates
 * (one `$group` by assignee), patrols, 微服务, 屋场会 and campaigns (one `$group` by who logged them,
 * each) — scored by the town's rules and ranked. Five groups and the roster page(s), whatever the
 * number of tickets.
 */
import {
  EMPTY_RATE_COUNTS,
  addCalendarDays,
  periodBounds,
  rateGroupStage,
  ratesFrom,
  scoreCard,
  scorecardRulesOf,
  scopeConditions,
  type RateCounts,
  type ScoreInputs,
  type Staff,
  type StatsRequest,
} from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { db } from '../_lib/platform/cloud'
import { townConfigId } from '../_lib/store/config'
import { filterQuery } from '../_lib/stats/filterQuery'
import { resolveScope } from '../_lib/stats/scope'
import { readPages } from './readPages'

type ScorecardsRequest = Extract<StatsRequest, { action: 'scorecards' }>

const lastDay = (month: string): string =>
  addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)

async function countsBy(collection: string, where: object, field: string): Promise<Map<string, number>> {
  const { list } = await db()
    .collection(collection)
    .aggregate()
    .match(where)
    .group({ _id: `$${field}`, n: { $sum: 1 } })
    .end()
  return new Map(list.map((r) => [String(r._id), Number(r.n)]))
}

export async function scorecards(req: ScorecardsRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { townId } = requireStaff(caller)
  const { scope, dir } = await resolveScope(caller, townId, { villageId: req.villageId })
  const p = periodBounds({ from: `${req.month}-01`, to: lastDay(req.month) })
  const dated = [
    { field: 'date', op: 'gte', value: p.from },
    { field: 'date', op: 'lte', value: p.to },
  ] as const
  const created = [
    { field: 'createdAt', op: 'gte', value: p.fromInstant },
    { field: 'createdAt', op: 'lt', value: p.toInstantExclusive },
  ] as const
  const inScope = (collection: string, person: string) => scopeConditions(scope, collection, person)
  const _ = db().command
  const people = (
    await readPages<Staff>(
      'staff',
      {
        townId,
        roles: req.role,
        active: true,
        ...(scope.villageIds ? { 'scope.villageIds': _.in(scope.villageIds) } : {}),
        ...(scope.gridIds ? { 'scope.gridIds': _.in(scope.gridIds) } : {}),
      },
      'name',
      { name: true, scope: true },
    )
  ).filter((s) => scope.staffId === null || s._id === scope.staffId)

  const [config, rates, patrols, microServices, meetings, campaigns] = await Promise.all([
    db().collection<{ scorecardRules?: unknown }>('config').doc(townConfigId(townId)).get(),
    db()
      .collection('tickets')
      .aggregate()
      .match(
        filterQuery(
          townId,
          [
            { field: 'deadlines.dispatchedAt', op: 'gte', value: p.fromInstant },
            { field: 'deadlines.dispatchedAt', op: 'lt', value: p.toInstantExclusive },
          ],
          inScope('tickets', 'assigneeId'),
        ),
      )
      .group({ ...rateGroupStage(ctx.now.toISOString()), _id: '$assigneeId' })
      .end(),
    countsBy('patrols', filterQuery(townId, created, inScope('patrols', 'staffId')), 'staffId'),
    countsBy('microServices', filterQuery(townId, dated, inScope('microServices', 'createdBy')), 'createdBy'),
    countsBy('meetings', filterQuery(townId, dated, inScope('meetings', 'createdBy')), 'createdBy'),
    countsBy('campaigns', filterQuery(townId, dated, inScope('campaigns', 'createdBy')), 'createdBy'),
  ])
  const rules = scorecardRulesOf(config.data?.scorecardRules, req.role)
  const rateOf = new Map(
    rates.list.map((r) => [
      String(r._id),
      ratesFrom({ ...EMPTY_RATE_COUNTS, ...(r as unknown as RateCounts) }),
    ]),
  )
  const place = (s: Staff) =>
    s.scope.gridIds.length > 0
      ? s.scope.gridIds
          .map((g) => {
            const grid = dir.grids.get(g)
            return grid ? `${dir.villages.get(grid.villageId)?.name ?? ''}${grid.name}` : g
          })
          .join('、')
      : s.scope.villageIds.map((v) => dir.villages.get(v)?.name ?? v).join('、')
  const scored = people.map((s) => {
    const r = rateOf.get(s._id)
    const inputs: ScoreInputs = {
      signForOnTime: r?.signForOnTime ?? null,
      resolveOnTime: r?.resolveOnTime ?? null,
      satisfaction: r?.satisfaction ?? null,
      patrols: patrols.get(s._id) ?? 0,
      microServices: microServices.get(s._id) ?? 0,
      meetings: meetings.get(s._id) ?? 0,
      campaigns: campaigns.get(s._id) ?? 0,
    }
    const card = scoreCard(rules, inputs)
    return { staffId: s._id, name: s.name, place: place(s), total: card.total, items: card.items }
  })
  scored.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
  // Equal totals share a rank (1, 2, 2, 4).
  const rows = scored.map((row) => ({ rank: scored.findIndex((o) => o.total === row.total) + 1, ...row }))
  return { month: req.month, role: req.role, rules: [...rules], rows }
}
