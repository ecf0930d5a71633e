/**
 * WeChat timer-trigger cron: 7 fields `sec min hour day month week year`, UTC+8, day and week OR'ed
 * when both are set, week 0 = Sunday. The first six go to croner (legacyMode gives the OR rule); the
 * year field is applied here.
 */
import { Cron } from 'croner'

const UTC8_MINUTES = 480
const MAX_YEAR = 2099

export class WeChatCron {
  private readonly cron: Cron
  private readonly years: ((year: number) => boolean) | null

  constructor(readonly expression: string) {
    const fields = expression.trim().split(/\s+/)
    if (fields.length !== 7 && fields.length !== 6) {
      throw new Error(`cron "${expression}": WeChat triggers need 7 fields (秒 分 时 日 月 星期 年)`)
    }
    this.cron = new Cron(fields.slice(0, 6).join(' '), {
      utcOffset: UTC8_MINUTES,
      legacyMode: true,
      paused: true,
    })
    this.years = fields.length === 7 && fields[6] !== '*' ? parseYears(fields[6]) : null
  }

  /** The first run strictly after `after`, or null if there is none. */
  next(after: Date): Date | null {
    let ref = after
    for (let guard = 0; guard < 200; guard++) {
      const run = this.cron.nextRun(ref)
      if (!run) return null
      const year = yearUtc8(run)
      if (!this.years || this.years(year)) return run
      const nextYear = this.nextAllowedYear(year + 1)
      if (nextYear === null) return null
      // one second before 00:00:00 on Jan 1 of that year, UTC+8
      ref = new Date(Date.UTC(nextYear, 0, 1, 0, 0, 0) - UTC8_MINUTES * 60_000 - 1000)
    }
    return null
  }

  /**
   * The latest run in (after, until], or null. Used to coalesce many missed runs into one; when
   * there are too many to walk, `until` itself (to the second) stands for the latest.
   */
  latestDue(after: Date, until: Date): Date | null {
    let run = this.next(after)
    if (!run || run > until) return null
    for (let i = 0; i < 5000; i++) {
      const following = this.next(run)
      if (!following || following > until) return run
      run = following
    }
    return new Date(Math.floor(until.getTime() / 1000) * 1000)
  }

  private nextAllowedYear(from: number): number | null {
    for (let y = from; y <= MAX_YEAR; y++) if (this.years!(y)) return y
    return null
  }
}

function yearUtc8(d: Date): number {
  return new Date(d.getTime() + UTC8_MINUTES * 60_000).getUTCFullYear()
}

/** `*`, `2027`, `2026-2028`, `2026/2`, `*\/2`, `2026-2030/2` and comma lists of those. */
export function parseYears(field: string): (year: number) => boolean {
  const parts = field.split(',').map((part) => {
    const m = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part)
    if (!m) throw new Error(`cron year field "${field}" is not valid`)
    const start = m[1] === '*' ? 1970 : Number(m[1])
    const end = m[2] ? Number(m[2]) : m[1] === '*' || m[3] ? MAX_YEAR : start
    const step = m[3] ? Number(m[3]) : 1
    if (start < 1970 || end > MAX_YEAR || end < start || step < 1)
      throw new Error(`cron year field "${field}" is out of range`)
    return (y: number) => y >= start && y <= end && (y - start) % step === 0
  })
  return (year) => parts.some((p) => p(year))
}
