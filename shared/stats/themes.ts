/**
 * The town's lists for field-work records. Codes are stable (statistics are keyed by them); names
 * are what people read. The town may replace the campaign themes in its configuration
 * (`campaignThemes` on its config document); the four below are the ones it publishes.
 */
export interface Theme {
  code: string
  name: string
}

export const DEFAULT_CAMPAIGN_THEMES: readonly Theme[] = [
  { code: 'drowning', name: '防溺水' },
  { code: 'garbage', name: '垃圾分类' },
  { code: 'safety', name: '安全生产检查/宣传' },
  { code: 'threeChiefs', name: '三长制' },
  { code: 'antiFraud', name: '反诈骗' },
  { code: 'fire', name: '森林防火' },
]

/** 微服务: a small service done for a resident. */
export const MICRO_SERVICE_KINDS = ['proxy', 'assist', 'errand', 'visit', 'other'] as const
export type MicroServiceKind = (typeof MICRO_SERVICE_KINDS)[number]
export const MICRO_SERVICE_NAMES: Record<MicroServiceKind, string> = {
  proxy: '代办',
  assist: '帮办',
  errand: '跑腿',
  visit: '走访慰问',
  other: '其他',
}

/** 理论宣讲 and 屋场党课 sessions share one record shape. */
export const SESSION_KINDS = ['lecture', 'partyClass'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]
export const SESSION_NAMES: Record<SessionKind, string> = { lecture: '理论宣讲', partyClass: '屋场党课' }

/** The town's campaign themes: its own list when it has a well-formed one, else the defaults. */
export const campaignThemesOf = (configured: unknown): readonly Theme[] =>
  Array.isArray(configured) &&
  configured.length > 0 &&
  configured.every(
    (t) =>
      typeof t?.code === 'string' && t.code.length > 0 && typeof t?.name === 'string' && t.name.length > 0,
  )
    ? (configured as Theme[])
    : DEFAULT_CAMPAIGN_THEMES
