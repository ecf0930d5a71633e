import * as z from 'zod'
import { PRIORITIES } from '../model/category'

/**
 * The town's editable configuration (collection `config`): time limits, ladder, calendar
 * overrides and working hours. The admin's edits are validated with these before they are saved,
 * so the pure functions can trust what they are given.
 */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm')

export const workingPeriodSchema = z
  .object({ start: clock, end: clock })
  .refine((p) => p.start < p.end, '结束时间应晚于开始时间')

export const workingHoursSchema = z
  .array(workingPeriodSchema)
  .min(1, '至少设置一个工作时段')
  .max(4, '最多 4 个工作时段')
  .refine(
    (ps) =>
      [...ps]
        .sort((a, b) => (a.start < b.start ? -1 : 1))
        .every((p, i, s) => i === 0 || s[i - 1].end <= p.start),
    '工作时段不能重叠',
  )

export const calendarOverrideSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday'], { error: '请选择放假或上班' }),
  note: z.string().trim().max(20, '备注不能超过 20 个字').optional(),
})

export const durationSchema = z.object({
  amount: z.number().positive('时限必须大于 0').max(1000, '时限过长'),
  unit: z.enum(['minutes', 'hours', 'days', 'workingHours', 'workingDays'], { error: '时限单位无效' }),
})

const timeLimit = z.object({ signFor: durationSchema, resolve: durationSchema })

export const townRulesSchema = z.object({
  timeLimits: z.array(
    timeLimit.extend({ categoryCode: z.string().min(1).max(32), priority: z.enum(PRIORITIES).optional() }),
  ),
  fallbackTimeLimits: z.object({ urgent: timeLimit, normal: timeLimit }),
  ladder: z.object({
    reminderFraction: z.number().min(0, '提醒比例无效').max(1, '提醒比例无效'),
    reminderMaxLeadMinutes: z
      .number()
      .min(0)
      .max(24 * 60),
    supervisorAfter: durationSchema,
  }),
  autoCloseAfter: durationSchema,
  reopenWindow: durationSchema,
  maxReopens: z.number().int().min(0).max(10),
})
