import type { Priority } from '../model/category'
import type { TimeBasis } from '../model/ticket'

/**
 * Time limits as data (docs/architecture.md, "Deadlines and escalation"). `minutes`/`hours`/`days` run on the wall clock, day and
 * night (an urgent safety hazard does not wait for Monday); `working*` units run in working time.
 */
export type DurationUnit = 'minutes' | 'hours' | 'days' | 'workingHours' | 'workingDays'
export interface Duration {
  amount: number
  unit: DurationUnit
}

export interface TimeLimit {
  signFor: Duration
  resolve: Duration
}

/** A rule for a category, optionally only for one priority (a category's urgent cases may be faster). */
export interface TimeLimitRule extends TimeLimit {
  categoryCode: string
  priority?: Priority
}

export interface LadderRules {
  /** The reminder fires this fraction of the window before the deadline … */
  reminderFraction: number
  /** … but never earlier than this many minutes (same basis as the window) before it. */
  reminderMaxLeadMinutes: number
  /** 挂牌督办: how long after the missed resolve deadline the town supervisor is alerted. */
  supervisorAfter: Duration
}

export interface TownRules {
  timeLimits: TimeLimitRule[]
  /** Limits for a category without a rule, per priority. */
  fallbackTimeLimits: Record<Priority, TimeLimit>
  ladder: LadderRules
  /** A resolved ticket nobody confirms closes by itself after this long. */
  autoCloseAfter: Duration
  /** The reporter may reopen (重办) a closed ticket within this long of its closing. */
  reopenWindow: Duration
  /** After this many reopens, the reporter's next complaint goes to supervision, not to the grid again. */
  maxReopens: number
}

const workingHours = (amount: number): Duration => ({ amount, unit: 'workingHours' })
const workingDays = (amount: number): Duration => ({ amount, unit: 'workingDays' })
const normal = (resolveDays: number): TimeLimit => ({
  signFor: workingHours(4),
  resolve: workingDays(resolveDays),
})

export const DEFAULT_RULES: TownRules = {
  timeLimits: [
    {
      categoryCode: 'safety',
      signFor: { amount: 30, unit: 'minutes' },
      resolve: { amount: 24, unit: 'hours' },
    },
    { categoryCode: 'dispute', ...normal(7) },
    { categoryCode: 'request', ...normal(3) },
    { categoryCode: 'environment', ...normal(3) },
    { categoryCode: 'other', ...normal(3) },
    { categoryCode: 'question', ...normal(1) },
    { categoryCode: 'opinion', ...normal(1) },
  ],
  fallbackTimeLimits: {
    urgent: { signFor: { amount: 30, unit: 'minutes' }, resolve: { amount: 24, unit: 'hours' } },
    normal: normal(3),
  },
  ladder: { reminderFraction: 0.25, reminderMaxLeadMinutes: 60, supervisorAfter: workingDays(1) },
  autoCloseAfter: { amount: 7, unit: 'days' },
  reopenWindow: { amount: 15, unit: 'days' },
  maxReopens: 2,
}

/** The limit for a category and priority: an exact rule, then the category's rule, then the fallback. */
export const timeLimitFor = (rules: TownRules, categoryCode: string, priority: Priority): TimeLimit =>
  rules.timeLimits.find((r) => r.categoryCode === categoryCode && r.priority === priority) ??
  rules.timeLimits.find((r) => r.categoryCode === categoryCode && r.priority === undefined) ??
  rules.fallbackTimeLimits[priority]

export const basisOf = (d: Duration): TimeBasis =>
  d.unit === 'workingHours' || d.unit === 'workingDays' ? 'working' : 'calendar'

const UNIT_MINUTES: Record<Exclude<DurationUnit, 'workingDays'>, number> = {
  minutes: 1,
  hours: 60,
  days: 24 * 60,
  workingHours: 60,
}

/** A duration in minutes of its own basis (a working day is the calendar's working minutes per day). */
export const durationMinutes = (d: Duration, minutesPerWorkingDay: number): number =>
  d.amount * (d.unit === 'workingDays' ? minutesPerWorkingDay : UNIT_MINUTES[d.unit])

const DURATION_TEXT: Record<DurationUnit, string> = {
  minutes: '分钟',
  hours: '小时',
  days: '天',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}

/** `30分钟`, `4个工作小时`, `7个工作日`: for settings pages and notifications. */
export const describeDuration = (d: Duration): string => `${d.amount}${DURATION_TEXT[d.unit]}`
