import { formatShanghaiDateTime, toEpochMs, type Instant } from '../calendar/shanghaiTime'
import { fitKeywordValue, keywordType } from './keywordRules'
import { DEFAULT_TEMPLATE_CONFIG, templatePage, type TemplateConfig } from './templateConfig'
import type { TemplateInputs, TemplateKey } from './templateInputs'

/** The body of `subscribeMessage.send`, less `touser` (which the function adds). */
export interface SubscribeMessage {
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}

/** What a message is about and when it is sent: the page it opens, the time an empty time shows. */
export interface MessageOccasion {
  /** The ticket the message opens (the template's `page`); null or absent: no page. */
  ticketId?: string | null
  /** The send time: what a `time`/`date` keyword shows when its value is no instant. */
  sentAt?: Instant
}

type Fields<K extends TemplateKey> = [keyof TemplateInputs[K] & string, { keyword: string; label: string }][]

const fieldsOf = <K extends TemplateKey>(config: TemplateConfig, key: K): Fields<K> =>
  Object.entries(config[key].fields) as Fields<K>

/**
 * Template data built to fit WeChat's keyword rules: too long is shortened with an ellipsis,
 * empty becomes a placeholder, instants are formatted in Shanghai time. It never fails at send
 * time for its content; a keyword name of unknown type in the config is a configuration bug and throws.
 *
 * @example
 * buildSubscribeMessage('ticketProgress', { ticketNumber: '20260901-0012', status: '已签收', progress: '网格员已签收', updatedAt: '2026-09-01T02:00:00.000Z' }, config, { ticketId: 't1' })
 * // { templateId: 'TPL_TICKET_PROGRESS', page: 'pages/ticket/index?id=t1', data: { character_string1: { value: '20260901-0012' }, phrase2: { value: '已签收' }, … } }
 */
export const buildSubscribeMessage = <K extends TemplateKey>(
  key: K,
  input: TemplateInputs[K],
  config: TemplateConfig = DEFAULT_TEMPLATE_CONFIG,
  occasion: MessageOccasion = {},
): SubscribeMessage => {
  const data: Record<string, { value: string }> = {}
  for (const [field, { keyword }] of fieldsOf(config, key)) {
    const type = keywordType(keyword)
    if (type === null) throw new Error(`template ${key}: keyword ${keyword} has no known type`)
    data[keyword] = { value: fitKeywordValue(type, String(input[field] ?? ''), occasion.sentAt) }
  }
  const message: SubscribeMessage = { templateId: config[key].templateId, data }
  const page = templatePage(config[key], occasion.ticketId ?? null)
  if (page !== undefined) message.page = page
  return message
}

const isInstant = (v: string) => /^\d{4}-\d{2}-\d{2}T/.test(v) && Number.isFinite(Date.parse(v))

/**
 * The same notification for the in-app message centre: every label with its full value (no
 * shortening: the centre has room), instants formatted for people.
 */
export const messageCentreEntry = <K extends TemplateKey>(
  key: K,
  input: TemplateInputs[K],
  config: TemplateConfig = DEFAULT_TEMPLATE_CONFIG,
): { title: string; lines: { label: string; value: string }[] } => ({
  title: config[key].title,
  lines: fieldsOf(config, key).map(([field, { label }]) => {
    const value = String(input[field] ?? '')
    return { label, value: isInstant(value) ? formatShanghaiDateTime(toEpochMs(value)) : value }
  }),
})
