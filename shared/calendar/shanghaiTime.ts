/**
 * Instants and Shanghai calendar dates by plain arithmetic: Asia/Shanghai is UTC+8 all year
 * (no DST since 1991), so a fixed offset is exact and needs no time-zone database in the bundle.
 */

/** An instant as callers have it: a Date, an ISO 8601 string, or epoch milliseconds. */
export type Instant = Date | string | number

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS

/** Epoch milliseconds; throws on an unparsable string, since that is a bug, not user input. */
export const toEpochMs = (at: Instant): number => {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime()
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`)
  return ms
}

/** The stored form: UTC ISO 8601 with milliseconds, so stored instants sort as strings. */
export const toIso = (at: Instant): string => new Date(toEpochMs(at)).toISOString()

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Wall-clock fields in Shanghai: read the UTC fields of the instant shifted by +8 h. */
export const shanghaiParts = (at: Instant) => {
  const d = new Date(toEpochMs(at) + SHANGHAI_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    /** 0 = Sunday … 6 = Saturday */
    weekday: d.getUTCDay(),
  }
}

/** The Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export const shanghaiDate = (at: Instant): string => {
  const p = shanghaiParts(at)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The instant a Shanghai date begins (00:00 +08:00). */
export const shanghaiMidnight = (date: string): number => {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MS
}

/** The date `days` later (or earlier), by calendar arithmetic. */
export const addCalendarDays = (date: string, days: number): string =>
  shanghaiDate(shanghaiMidnight(date) + days * DAY_MS)

/** 0 = Sunday … 6 = Saturday, for a Shanghai date. */
export const weekdayOf = (date: string): number => shanghaiParts(shanghaiMidnight(date)).weekday

/** `2026年11月25日 14:30`: the form WeChat's `time` keyword and people both read. */
export const formatShanghaiDateTime = (at: Instant): string => {
  const p = shanghaiParts(at)
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** `2026年11月25日` */
export const formatShanghaiDate = (at: Instant): string => {
  const p = shanghaiParts(at)
  return `${p.year}年${p.month}月${p.day}日`
}

/** `20261125`: the date part of ticket numbers and the key of the per-day counter. */
export const compactShanghaiDate = (at: Instant): string => shanghaiDate(at).replace(/-/g, '')

/** `08:30` → 510 minutes after midnight. */
export const parseClock = (hhmm: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && Number(m[2]) !== 0)) {
    throw new RangeError(`not a clock time: ${hhmm}`)
  }
  return Number(m[1]) * 60 + Number(m[2])
}

/** `11月25日 14:30`: short enough for a 20-character `thing` keyword with words around it. */
export const formatShanghaiShort = (at: Instant): string => {
  const p = shanghaiParts(at)
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}
