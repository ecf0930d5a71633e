/**
 * The town's configuration as the grid office edits it (事项分类与时限, 督办设置, 消息模板, 节假日与调休):
 * read it whole, save one or more sections. A save replaces the sections it carries, in one
 * transaction with its audit entry, and drops this instance's cached configuration so the next call
 * here sees it (other warm instances within their cache's lifetime, store/config.ts). A change
 * applies to tickets submitted afterwards: an open ticket keeps the deadlines stored on it.
 */
import {
  describeDuration,
  missingCalendarYear,
  timeLimitFor,
  DEFAULT_CATEGORIES,
  TEMPLATE_KEYS,
  type CalendarOverride,
  type Category,
  type CategoryEdit,
  type RosterRequest,
  type TimeLimitRule,
  type TownConfigView,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import {
  forgetTownConfig,
  resolveTownConfig,
  townConfigId,
  type TownConfig,
  type TownConfigDocument,
} from '../_lib/store/config'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { requireRosterAdmin } from './admin'
import { auditDoc, writeAudit } from './audit'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>
type Section = 'categories' | 'ladder' | 'templateIds' | 'calendar'

const byDate = (a: CalendarOverride, b: CalendarOverride) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)

function viewOf(doc: TownConfigDocument | null, config: TownConfig, now: Date): TownConfigView {
  const overrides = [...(doc?.calendarOverrides ?? [])].sort(byDate)
  return {
    categories: [...config.categories]
      .sort((a, b) => a.order - b.order)
      .map((c) => {
        const limit = timeLimitFor(config.rules, c.code, c.defaultPriority)
        return {
          code: c.code,
          name: c.name,
          hint: c.hint,
          icon: c.icon ?? '',
          urgent: c.defaultPriority === 'urgent',
          active: c.active,
          signFor: limit.signFor,
          resolve: limit.resolve,
        }
      }),
    ladder: config.rules.ladder,
    templates: TEMPLATE_KEYS.map((key) => ({
      key,
      title: config.templates[key].title,
      templateId: config.templates[key].templateId,
    })),
    calendar: {
      shippedYears: [...config.calendar.coveredYears],
      overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, ...(o.note ? { note: o.note } : {}) })),
      missingYear: missingCalendarYear(now.toISOString(), config.calendar, overrides),
    },
  }
}

async function readDoc(townId: string): Promise<TownConfigDocument | null> {
  const { data } = await db().collection<TownConfigDocument>(C.config).doc(townConfigId(townId)).get()
  return data ?? null
}

export async function townConfig(_req: Req<'townConfig'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const doc = await readDoc(admin.townId)
  return viewOf(doc, resolveTownConfig(admin.townId, doc), ctx.now)
}

const limitText = (c: { signFor: CategoryEdit['signFor']; resolve: CategoryEdit['resolve'] }) =>
  `签收 ${describeDuration(c.signFor)}、办结 ${describeDuration(c.resolve)}`

/** What changed in the categories, in words: `安全隐患：签收 30分钟、办结 24小时 → 签收 20分钟、办结 24小时`. */
function categoriesSummary(before: TownConfigView['categories'], after: readonly CategoryEdit[]): string {
  const old = new Map(before.map((c) => [c.code, c]))
  const changes = after.flatMap((c) => {
    const o = old.get(c.code)
    if (!o) return [`新增 ${c.name}（${limitText(c)}）`]
    const parts: string[] = []
    if (o.name !== c.name) parts.push(`名称 ${o.name} → ${c.name}`)
    if (o.hint !== c.hint) parts.push('提示')
    if (o.icon !== (c.icon ?? '')) parts.push('图标')
    if (o.urgent !== c.urgent) parts.push(c.urgent ? '改为紧急' : '改为一般')
    if (o.active !== c.active) parts.push(c.active ? '启用' : '停用')
    if (limitText(o) !== limitText(c)) parts.push(`${limitText(o)} → ${limitText(c)}`)
    return parts.length > 0 ? [`${c.name}：${parts.join('，')}`] : []
  })
  const order = before.map((c) => c.code).join() !== after.map((c) => c.code).join() ? ['调整顺序'] : []
  return [...changes, ...order].join('；') || '无变化'
}

/**
 * Saves the sections the request carries. Categories cannot be removed (open and past tickets name
 * them): one no longer offered is kept with `active: false`. A category's time limit is one rule for
 * the category (any per-priority rule of it is replaced).
 */
export async function saveTownConfig(req: Req<'saveTownConfig'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const townId = admin.townId
  const id = townConfigId(townId)
  const saved: Section[] = []
  const _ = db().command
  await inTransaction(async (txn) => {
    const { data: current } = await txn.collection<TownConfigDocument>(C.config).doc(id).get()
    if (!current) throw new AppError('CONFLICT', '本镇的配置还没有建立，请联系管理员')
    const resolved = resolveTownConfig(townId, current)
    const before = viewOf(current, resolved, ctx.now)
    const data: Record<string, unknown> = {}
    const summaries: string[] = []
    saved.length = 0
    let rules = resolved.rules

    if (req.categories) {
      const codes = new Set(req.categories.map((c) => c.code))
      const removed = (current.categories ?? DEFAULT_CATEGORIES).filter((c) => !codes.has(c.code))
      if (removed.length > 0)
        throw new AppError(
          'INVALID_INPUT',
          `分类不能删除，可以停用：${removed.map((c) => c.name).join('、')}`,
          [{ path: 'categories', message: '分类不能删除，可以停用' }],
        )
      const categories: Category[] = req.categories.map((c, i) => ({
        code: c.code,
        name: c.name,
        hint: c.hint,
        defaultPriority: c.urgent ? 'urgent' : 'normal',
        active: c.active,
        order: i + 1,
        ...(c.icon ? { icon: c.icon } : {}),
      }))
      const timeLimits: TimeLimitRule[] = [
        ...rules.timeLimits.filter((r) => !codes.has(r.categoryCode)),
        ...req.categories.map((c) => ({ categoryCode: c.code, signFor: c.signFor, resolve: c.resolve })),
      ]
      rules = { ...rules, timeLimits }
      data.categories = _.set(categories)
      summaries.push(`事项分类与时限：${categoriesSummary(before.categories, req.categories)}`)
      saved.push('categories')
    }
    if (req.ladder) {
      const o = rules.ladder
      rules = { ...rules, ladder: req.ladder }
      summaries.push(
        `督办设置：提前提醒比例 ${o.reminderFraction} → ${req.ladder.reminderFraction}，最多提前 ${o.reminderMaxLeadMinutes} → ${req.ladder.reminderMaxLeadMinutes} 分钟，超时后上报督导员 ${describeDuration(o.supervisorAfter)} → ${describeDuration(req.ladder.supervisorAfter)}`,
      )
      saved.push('ladder')
    }
    if (req.categories || req.ladder) data.rules = _.set(rules)
    if (req.templateIds) {
      const ids = req.templateIds
      const templates: Record<string, unknown> = Object.fromEntries(
        TEMPLATE_KEYS.map((k) => [k, { ...resolved.templates[k], templateId: ids[k] }]),
      )
      const changed = TEMPLATE_KEYS.filter((k) => resolved.templates[k].templateId !== ids[k])
      data.templates = _.set(templates)
      summaries.push(
        `消息模板：${changed.map((k) => `${resolved.templates[k].title} ${resolved.templates[k].templateId} → ${ids[k]}`).join('；') || '无变化'}`,
      )
      saved.push('templateIds')
    }
    if (req.calendar) {
      const { year, overrides } = req.calendar
      const kept = (current.calendarOverrides ?? []).filter((o) => !o.date.startsWith(`${year}-`))
      const next = [
        ...kept,
        ...overrides.map((o) => ({ date: o.date, kind: o.kind, ...(o.note ? { note: o.note } : {}) })),
      ].sort(byDate)
      data.calendarOverrides = _.set(next)
      const holidays = overrides.filter((o) => o.kind === 'holiday').length
      summaries.push(
        `节假日与调休：${year} 年 放假 ${holidays} 天，调休上班 ${overrides.length - holidays} 天`,
      )
      saved.push('calendar')
    }
    await txn.collection(C.config).doc(id).update({ data })
    await writeAudit(txn, [
      auditDoc(townId, admin, ctx.now, {
        action: 'saveTownConfig',
        summary: summaries.join('；'),
        details: { sections: [...saved] },
      }),
    ])
    return true
  })
  forgetTownConfig(townId)
  const fresh = await readDoc(townId)
  return { saved, config: viewOf(fresh, resolveTownConfig(townId, fresh), ctx.now) }
}
