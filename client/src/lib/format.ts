/**
 * What people read: statuses, categories, levels, Shanghai times and deadline countdowns.
 * Pure (no Taro), so it is unit-tested under Node (tests/unit/client/format.test.ts).
 */
import { formatShanghaiShort, shanghaiParts, type Instant } from '@shared/calendar/shanghaiTime'
import { DEFAULT_CATEGORIES } from '@shared/model/category'
import { ROLE_NAMES, type Role } from '@shared/model/roles'
import { TICKET_STATUS_NAMES, type TicketStatus } from '@shared/model/ticket'
import { COMMAND_SPECS, type CommandType } from '@shared/tickets/commands'

export { formatShanghaiShort }

/** `待签收`, `办理中`, …; unknown statuses are shown as they are rather than hidden. */
export const statusName = (status: string): string => TICKET_STATUS_NAMES[status as TicketStatus] ?? status

/**
 * The category's Chinese name: the town's own (roster.me's categories), else the default
 * catalogue's (a category the town retired), else the code as it is.
 */
export const categoryName = (code: string, town: readonly { code: string; name: string }[] = []): string =>
  town.find((c) => c.code === code)?.name ?? DEFAULT_CATEGORIES.find((c) => c.code === code)?.name ?? code

export const roleName = (role: string): string => ROLE_NAMES[role as Role] ?? role

/** 0 none, 1 催办 (village guide), 2 督办 (town guide), 3 挂牌督办 (town supervisor). */
export const LEVEL_NAMES = ['未督办', '催办', '督办', '挂牌督办'] as const
export const levelName = (level: number): string => LEVEL_NAMES[level] ?? '督办'

/** What a timeline entry did, e.g. `签收`, `办结`, `催办`. */
export const commandName = (command: string): string =>
  COMMAND_SPECS[command as CommandType]?.label ?? command

/** `2026年11月27日 17:30` without the year when it is the current one: `11月27日 17:30`. */
export const formatTime = (at: Instant, now: Instant = Date.now()): string => {
  const sameYear = shanghaiParts(at).year === shanghaiParts(now).year
  const short = formatShanghaiShort(at)
  return sameYear ? short : `${shanghaiParts(at).year}年${short}`
}

/** `11月27日 17:30 前办结` — the promise shown to the reporter after submitting. */
export const resolveByText = (dueAt: Instant, now: Instant = Date.now()): string =>
  `${formatTime(dueAt, now)} 前办结`

/** `3小时20分`, `2天5小时`, `15分`: a duration in the largest two units that say it. */
export const durationText = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`
  return `${mins}分`
}

export interface CountdownInfo {
  /** `剩余 3小时20分` or `已超时 2小时`. */
  text: string
  overdue: boolean
}

/** The countdown to a deadline as text (the overdue mark is words, never colour alone). */
export const countdown = (dueAt: Instant, now: Instant): CountdownInfo => {
  const left = new Date(dueAt).getTime() - new Date(now).getTime()
  if (left >= 0) return { text: `剩余 ${durationText(left)}`, overdue: false }
  return { text: `已超时 ${durationText(-left)}`, overdue: true }
}

/** The deadline that matters now: sign-for while awaiting sign-for, else resolve. */
export const currentDeadline = (row: {
  status: string
  signForDueAt: string | null
  resolveDueAt: string | null
}): { kind: '签收' | '办结'; dueAt: string } | null => {
  if (row.status === 'pendingSignFor' && row.signForDueAt) return { kind: '签收', dueAt: row.signForDueAt }
  if (['pendingSignFor', 'inProgress', 'returned', 'submitted'].includes(row.status) && row.resolveDueAt)
    return { kind: '办结', dueAt: row.resolveDueAt }
  return null
}

export const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '很满意'] as const
