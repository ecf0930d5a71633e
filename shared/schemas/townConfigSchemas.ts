import * as z from 'zod'
import { TEMPLATE_KEYS, type TemplateKey } from '../notifications/templateInputs'
import { calendarOverrideSchema, durationSchema } from './configSchemas'

/**
 * Function `roster`, the town's configuration as the grid office edits it on its settings page:
 * categories with their time limits, the escalation ladder (督办), the subscribe-message template
 * ids, and the holidays and 调休 of a year. `townConfig` reads it, `saveTownConfig` replaces one or
 * more sections. A change applies to tickets submitted afterwards; an open ticket keeps the deadlines
 * it was given.
 */

/** A category as the office edits it: what reporters read, its mark, its time limits, urgent or not. */
export const categoryEdit = z.object({
  code: z
    .string({ error: '缺少分类代码' })
    .regex(/^[a-z][a-z0-9_]{0,31}$/, '分类代码只能用小写字母、数字和下划线（如 safety）'),
  name: z
    .string({ error: '请填写分类名称' })
    .trim()
    .min(1, '请填写分类名称')
    .max(8, '分类名称不能超过 8 个字'),
  hint: z.string({ error: '请填写提示' }).trim().min(1, '请填写提示').max(30, '提示不能超过 30 个字'),
  /** One character shown in the category's round badge (`危`); empty: the name's first character. */
  icon: z
    .string()
    .trim()
    .refine((s) => Array.from(s).length <= 1, '图标只能是一个字')
    .optional(),
  urgent: z.boolean({ error: '请选择是否紧急' }),
  active: z.boolean({ error: '请选择是否启用' }),
  signFor: durationSchema,
  resolve: durationSchema,
})
export type CategoryEdit = z.infer<typeof categoryEdit>

const categoriesEdit = z
  .array(categoryEdit)
  .min(1, '至少保留一个分类')
  .max(20, '分类不能超过 20 个')
  .refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, '分类代码重复')
  .refine((cs) => new Set(cs.map((c) => c.name)).size === cs.length, '分类名称重复')
  .refine((cs) => cs.some((c) => c.active), '至少启用一个分类')

/** 督办设置: the reminder before a deadline, and the delay before 挂牌督办 (the town supervisor). */
export const ladderEdit = z.object({
  reminderFraction: z.number({ error: '请填写提前提醒的比例' }).min(0, '提醒比例无效').max(1, '提醒比例无效'),
  reminderMaxLeadMinutes: z
    .number({ error: '请填写最多提前多少分钟' })
    .int('分钟数应为整数')
    .min(0, '分钟数不能小于 0')
    .max(24 * 60, '最多提前 1440 分钟（一天）'),
  supervisorAfter: durationSchema,
})

const templateId = z
  .string({ error: '请填写模板编号' })
  .trim()
  .min(1, '请填写模板编号')
  .max(128, '模板编号无效')
  .regex(/^[A-Za-z0-9_-]+$/, '模板编号只能含字母、数字、- 和 _')

/** Which WeChat template id carries each notification (the keyword mapping stays as it is). */
export const templateIdsEdit = z
  .object(
    Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, templateId])) as Record<TemplateKey, typeof templateId>,
  )
  .strict()

/** A year's holidays and 调休 workdays: replaces the town's overrides for that year. */
export const calendarYearEdit = z
  .object({
    year: z.number({ error: '请选择年份' }).int('年份无效').min(2020, '年份无效').max(2100, '年份无效'),
    overrides: z.array(calendarOverrideSchema).max(60, '一年最多 60 天特殊安排'),
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>()
    y.overrides.forEach((o, i) => {
      if (!o.date.startsWith(`${y.year}-`) || Number.isNaN(Date.parse(`${o.date}T00:00:00Z`)))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'date'],
          message: `${o.date} 不是 ${y.year} 年的日期`,
        })
      if (seen.has(o.date))
        ctx.addIssue({ code: 'custom', path: ['overrides', i, 'date'], message: `${o.date} 重复` })
      seen.add(o.date)
    })
  })

export const townConfigRequest = z.object({ action: z.literal('townConfig') })

export const saveTownConfigRequest = z
  .object({
    action: z.literal('saveTownConfig'),
    categories: categoriesEdit.optional(),
    ladder: ladderEdit.optional(),
    templateIds: templateIdsEdit.optional(),
    calendar: calendarYearEdit.optional(),
  })
  .refine((r) => r.categories ?? r.ladder ?? r.templateIds ?? r.calendar, '没有要保存的设置')

const duration = durationSchema
const override = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  note: z.string().optional(),
})

export const townConfigView = z.object({
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      hint: z.string(),
      icon: z.string(),
      urgent: z.boolean(),
      active: z.boolean(),
      signFor: duration,
      resolve: duration,
    }),
  ),
  ladder: ladderEdit,
  templates: z.array(
    z.object({
      key: z.enum(TEMPLATE_KEYS as [TemplateKey, ...TemplateKey[]]),
      title: z.string(),
      templateId: z.string(),
    }),
  ),
  calendar: z.object({
    /** Years whose national holidays ship with the app (the town adds the rest itself). */
    shippedYears: z.array(z.number().int()),
    /** The town's own overrides, by date. */
    overrides: z.array(override),
    /** A year the office should fill in now (from December: next year), or null. */
    missingYear: z.number().int().nullable(),
  }),
})
export type TownConfigView = z.infer<typeof townConfigView>

export const townConfigResponses = {
  townConfig: townConfigView,
  saveTownConfig: z.object({
    saved: z.array(z.enum(['categories', 'ladder', 'templateIds', 'calendar'])),
    config: townConfigView,
  }),
} as const
