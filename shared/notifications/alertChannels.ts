import * as z from 'zod'
import { parseClock, shanghaiDate, shanghaiParts, type Instant } from '../calendar/shanghaiTime'
import type { WorkingCalendar } from '../calendar/workingCalendar'

/**
 * The channels that reach staff outside the app, chosen per town (collection `config`, field
 * `alerts`). In-app is always there; WeChat subscribe messages are configured per template
 * (`templates.<key>.longTerm`); 企业微信 group robots are configured here: a webhook key for the
 * town grid office's group and one per village group. Without this field a town behaves as before:
 * no robot posts at all.
 *
 * Which group hears what: a village's group gets every overdue alert (催办, 督办, 挂牌督办) and
 * every manual 催办 of its tickets, and its daily digest; the town office's group gets 督办 and
 * 挂牌督办 of every village, the 催办 of villages that have no group of their own, and a daily digest
 * of the whole town. A webhook key is a secret: it is read only by the functions that post.
 */

/** A 企业微信 robot's key: the `key=` of its webhook address (a UUID in practice). */
export const webhookKey = z
  .string({ error: '机器人 Webhook key 无效' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, '机器人 Webhook key 无效（填写 Webhook 地址中 key= 后面的部分）')

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm')

export const alertChannelsSchema = z.object({
  robots: z
    .object({
      /** The town grid office's group. */
      town: webhookKey.optional(),
      /** village id → its group's robot key. */
      villages: z.record(z.string().min(1).max(64), webhookKey).optional(),
    })
    .optional(),
  /** When the daily digest is posted on working days (Shanghai time). */
  digestAt: clock.optional(),
})
export type AlertChannelsInput = z.input<typeof alertChannelsSchema>

export interface AlertChannels {
  robots: { town: string | null; villages: Record<string, string> }
  digestAt: string
}

export const DEFAULT_ALERT_CHANNELS: AlertChannels = {
  robots: { town: null, villages: {} },
  digestAt: '08:30',
}

/** The town's channels; a malformed field falls back to no robots (and is reported), never a crash. */
export const resolveAlertChannels = (stored: unknown): { channels: AlertChannels; rejected: boolean } => {
  if (stored === undefined || stored === null) return { channels: DEFAULT_ALERT_CHANNELS, rejected: false }
  const parsed = alertChannelsSchema.safeParse(stored)
  if (!parsed.success) return { channels: DEFAULT_ALERT_CHANNELS, rejected: true }
  return {
    channels: {
      robots: { town: parsed.data.robots?.town ?? null, villages: parsed.data.robots?.villages ?? {} },
      digestAt: parsed.data.digestAt ?? DEFAULT_ALERT_CHANNELS.digestAt,
    },
    rejected: false,
  }
}

export const hasRobots = (c: AlertChannels): boolean =>
  c.robots.town !== null || Object.keys(c.robots.villages).length > 0

/** A group a robot posts to: the town office's (`town`) or a village's (its id). */
export type RobotTarget = 'town' | string

export const robotKeyOf = (c: AlertChannels, target: RobotTarget): string | null =>
  target === 'town' ? c.robots.town : (c.robots.villages[target] ?? null)

/** Levels at which the town office's group hears of every village (督办 and 挂牌督办). */
const TOWN_OFFICE_LEVELS = new Set(['督办', '挂牌督办'])

/**
 * The groups an alert of `level` about a ticket of `villageId` goes to (see the file's comment).
 *
 * @example
 * robotTargetsFor(channels, 'v01', '催办') // ['v01'] when 石桥村 has a group, else ['town'] if the office has one
 */
export const robotTargetsFor = (c: AlertChannels, villageId: string, level: string): RobotTarget[] => {
  const village = c.robots.villages[villageId] !== undefined
  const out: RobotTarget[] = village ? [villageId] : []
  if (c.robots.town !== null && (TOWN_OFFICE_LEVELS.has(level) || !village)) out.push('town')
  return out
}

/**
 * The Shanghai date whose digest is due at `now`: a working day, within the hour after `digestAt`
 * (a sweep runs every minute; the hour leaves room for a late one), else null.
 *
 * @example
 * digestDueOn(channels, calendar, '2026-11-30T00:31:00Z') // '2026-11-30' (Monday 08:31 in Shanghai)
 * digestDueOn(channels, calendar, '2026-11-29T00:31:00Z') // null (Sunday)
 */
export const digestDueOn = (
  c: AlertChannels,
  calendar: Pick<WorkingCalendar, 'isWorkingDay'>,
  now: Instant,
): string | null => {
  const p = shanghaiParts(now)
  const minute = p.hour * 60 + p.minute
  const at = parseClock(c.digestAt)
  if (minute < at || minute >= at + 60) return null
  const date = shanghaiDate(now)
  return calendar.isWorkingDay(date) ? date : null
}
