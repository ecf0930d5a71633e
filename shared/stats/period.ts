import { addCalendarDays, shanghaiMidnight, toIso } from '../calendar/shanghaiTime'

/**
 * A statistics period: Beijing calendar days `from` … `to`, both included. Tickets store UTC
 * instants, records store their Beijing date; `periodBounds` gives both forms.
 */
export interface Period {
  from: string
  to: string
}

export interface PeriodBounds extends Period {
  /** The instant `from` begins (00:00 +08:00), inclusive. */
  fromInstant: string
  /** The instant after `to` ends (next day 00:00 +08:00), exclusive. */
  toInstantExclusive: string
}

/**
 * @example
 * periodBounds({ from: '2026-01-01', to: '2026-08-31' })
 * // { …, fromInstant: '2025-12-31T16:00:00.000Z', toInstantExclusive: '2026-08-31T16:00:00.000Z' }
 */
export const periodBounds = (p: Period): PeriodBounds => ({
  ...p,
  fromInstant: toIso(shanghaiMidnight(p.from)),
  toInstantExclusive: toIso(shanghaiMidnight(addCalendarDays(p.to, 1))),
})

export type PeriodPreset = 'month' | 'quarter' | 'year'

/**
 * The period a preset names on `today` (a Beijing date): this month, this quarter or this year,
 * each up to and including today.
 *
 * @example
 * presetPeriod('quarter', '2026-08-15') // { from: '2026-07-01', to: '2026-08-15' }
 */
export const presetPeriod = (preset: PeriodPreset, today: string): Period => {
  const [y, m] = today.split('-').map(Number)
  const startMonth = preset === 'year' ? 1 : preset === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m
  return { from: `${y}-${String(startMonth).padStart(2, '0')}-01`, to: today }
}

/** The Beijing months a period touches, `YYYY-MM`, in order (the trend chart's x axis). */
export const monthsOf = (p: Period): string[] => {
  const out: string[] = []
  let [y, m] = p.from.split('-').map(Number)
  const [ty, tm] = p.to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}
