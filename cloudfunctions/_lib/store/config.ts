/**
 * The town's configuration (docs/architecture.md, "Data and many towns" `config`): categories, time-limit rules, calendar
 * overrides, subscribe-template settings and limits. Defaults come from shared/; a town's document
 * overrides them field by field. Cached per warm instance for a short time: every action needs it,
 * and it changes a few times a year.
 */
import {
  DEFAULT_CATEGORIES,
  DEFAULT_RULES,
  LIMITS,
  createWorkingCalendar,
  resolveTemplateConfig,
  resolveAlertChannels,
  type AlertChannels,
  type AlertChannelsInput,
  type CalendarOverride,
  type Category,
  type TemplateConfig,
  type TownRules,
  type WorkingCalendar,
} from '@shared/index'
import { db } from '../platform/cloud'
import { C } from './collections'
import { readAll } from './readAll'

export interface TownLimits {
  /** Reports one person may submit per (Shanghai) day, as resident or informant. */
  submissionsPerDay: number
}

export const DEFAULT_LIMITS: TownLimits = { submissionsPerDay: LIMITS.submissionsPerDay }

/** The stored document, `_id: town:<townId>`; every field but townId is optional. */
export interface TownConfigDocument {
  _id: string
  townId: string
  kind: 'town'
  name: string
  categories?: Category[]
  rules?: Partial<TownRules>
  calendarOverrides?: CalendarOverride[]
  /** Per template, checked on read (`resolveTemplateConfig`): a malformed one falls back to the default. */
  templates?: Partial<TemplateConfig>
  limits?: Partial<TownLimits>
  retention?: Partial<TownRetention>
  /** Channels beyond in-app and WeChat (企业微信 group robots); checked on read, malformed → none. */
  alerts?: AlertChannelsInput
}

/** How long contact details of a finished ticket are kept (then the sweeper masks them). */
export interface TownRetention {
  /** Months after a ticket is closed or rejected; 24 unless the town says otherwise. */
  contactMonths: number
}

export const DEFAULT_RETENTION: TownRetention = { contactMonths: 24 }

export interface TownConfig {
  townId: string
  name: string
  categories: readonly Category[]
  rules: TownRules
  calendar: WorkingCalendar
  templates: TemplateConfig
  limits: TownLimits
  retention: TownRetention
  alerts: AlertChannels
}

/** Environment-wide settings (`_id: environment`): which town a newcomer without a home sees. */
export interface EnvironmentDocument {
  _id: 'environment'
  townId: '*'
  defaultTownId: string
}

export const townConfigId = (townId: string): string => `town:${townId}`

const TTL_MS = 30_000
const cache = new Map<string, { at: number; value: TownConfig }>()

export const resolveTownConfig = (townId: string, doc: Partial<TownConfigDocument> | null): TownConfig => {
  const templates = resolveTemplateConfig(doc?.templates)
  if (templates.rejected.length > 0)
    console.warn(
      `[config] ${townId}: malformed templates fall back to defaults: ${templates.rejected.join(', ')}`,
    )
  const alerts = resolveAlertChannels(doc?.alerts)
  // The keys are secrets: say that the field is malformed, never what it holds.
  if (alerts.rejected) console.warn(`[config] ${townId}: malformed alerts, group robots are off`)
  return {
    townId,
    name: doc?.name ?? '',
    categories: doc?.categories ?? DEFAULT_CATEGORIES,
    rules: { ...DEFAULT_RULES, ...(doc?.rules ?? {}) },
    calendar: createWorkingCalendar({ overrides: doc?.calendarOverrides ?? [] }),
    templates: templates.config,
    limits: { ...DEFAULT_LIMITS, ...(doc?.limits ?? {}) },
    retention: { ...DEFAULT_RETENTION, ...(doc?.retention ?? {}) },
    alerts: alerts.channels,
  }
}

/** One read per town per warm instance and TTL. */
export async function townConfig(townId: string): Promise<TownConfig> {
  const hit = cache.get(townId)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value
  const { data } = await db().collection<TownConfigDocument>(C.config).doc(townConfigId(townId)).get()
  const value = resolveTownConfig(townId, data)
  cache.set(townId, { at: Date.now(), value })
  return value
}

/** Keeps a configuration this instance read another way (the town snapshot carries it). */
export const rememberTownConfig = (townId: string, value: TownConfig): void => {
  cache.set(townId, { at: Date.now(), value })
}

/**
 * Drops the cached configuration of a town after the office saved a change, so the next call on
 * this instance reads it afresh. Other warm instances keep their copy until it expires: up to
 * TTL_MS (30 s) for actions, SWEEP_TTL_MS (10 minutes) for the sweeper.
 */
export const forgetTownConfig = (townId: string): void => {
  cache.delete(townId)
}

/** Every town of the environment with its set-up version (the sweeper's nightly work): one query per 100 towns. */
export async function listTowns(): Promise<Array<{ townId: string; version: number }>> {
  const docs = await readAll<TownConfigDocument & { version?: number }>(
    C.config,
    { kind: 'town' },
    { townId: true, version: true },
    Infinity,
  )
  return docs.map((d) => ({ townId: d.townId, version: d.version ?? 0 }))
}

/** Every town of the environment (the sweeper's hourly retention rule): one query per 100 towns. */
export const listTownIds = async (): Promise<string[]> => (await listTowns()).map((t) => t.townId)

let environmentCache: { at: number; value: EnvironmentDocument | null } | null = null

/** The town a caller with neither roster entry nor home grid is shown (one town in the demo). */
export async function defaultTownId(): Promise<string | null> {
  if (!environmentCache || Date.now() - environmentCache.at >= TTL_MS) {
    const { data } = await db().collection<EnvironmentDocument>(C.config).doc('environment').get()
    environmentCache = { at: Date.now(), value: data }
  }
  return environmentCache.value?.defaultTownId ?? null
}

/**
 * The sweeper's runs are a minute apart, longer than an action's TTL: its cache of the towns it
 * serves is kept ten minutes (a rule or template change reaches the sweep within that time).
 */
const SWEEP_TTL_MS = 10 * 60_000

/**
 * The configuration of several towns (the sweeper's page of work): cached ones from the cache, the
 * rest in one query per 100 towns. A town without a document gets the defaults.
 */
export async function townConfigs(townIds: Iterable<string>): Promise<Map<string, TownConfig>> {
  const out = new Map<string, TownConfig>()
  const missing: string[] = []
  for (const townId of new Set(townIds)) {
    const hit = cache.get(townId)
    if (hit && Date.now() - hit.at < SWEEP_TTL_MS) out.set(townId, hit.value)
    else missing.push(townId)
  }
  for (let i = 0; i < missing.length; i += 100) {
    const ids = missing.slice(i, i + 100)
    const { data } = await db()
      .collection<TownConfigDocument>(C.config)
      .where({ _id: db().command.in(ids.map(townConfigId)) })
      .limit(100)
      .get()
    const docs = new Map(data.map((d) => [d.townId, d]))
    for (const townId of ids) {
      const value = resolveTownConfig(townId, docs.get(townId) ?? null)
      cache.set(townId, { at: Date.now(), value })
      out.set(townId, value)
    }
  }
  return out
}
