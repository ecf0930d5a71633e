import { formatShanghaiDate, formatShanghaiDateTime, toEpochMs, type Instant } from '../calendar/shanghaiTime'

/**
 * WeChat subscribe-message keyword rules (docs/architecture.md, "Notifications"). A keyword's name
 * says its type (`thing2` is a `thing`). A value that breaks a rule makes the send fail with
 * 47003, so values are fitted before sending (`fitKeywordValue`) and any payload can be checked
 * (`validateTemplateData`) the way WeChat would.
 */
export const KEYWORD_TYPES = [
  'thing',
  'phrase',
  'name',
  'character_string',
  'number',
  'time',
  'date',
  'phone_number',
  'letter',
  'symbol',
  'amount',
] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

/** `character_string12` → `character_string`; null when the name has no known type. */
export const keywordType = (keyword: string): KeywordType | null => {
  const m = /^([a-z_]+?)(\d+)$/.exec(keyword)
  return m !== null && (KEYWORD_TYPES as readonly string[]).includes(m[1]) ? (m[1] as KeywordType) : null
}

const chars = (s: string): string[] => Array.from(s)
const CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/
const TIME_PATTERNS = [
  /^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}(:\d{2})?$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(:\d{2})?$/,
  /^\d{1,2}:\d{2}$/,
]
const DATE_PATTERNS = [/^\d{4}年\d{1,2}月\d{1,2}日$/, /^\d{4}-\d{1,2}-\d{1,2}$/]

/** Whether a (non-empty) value meets its type's rule. */
const RULES: Record<KeywordType, (v: string) => boolean> = {
  thing: (v) => chars(v).length <= 20,
  phrase: (v) => chars(v).length <= 5 && CJK.test(v),
  name: (v) => chars(v).length <= 10 || (chars(v).length <= 20 && /^[A-Za-z .·-]+$/.test(v)),
  character_string: (v) => v.length <= 32 && PRINTABLE_ASCII.test(v),
  number: (v) => /^[-+]?\d+(\.\d+)?$/.test(v) && v.replace(/\D/g, '').length <= 32,
  time: (v) => TIME_PATTERNS.some((p) => p.test(v)),
  date: (v) => DATE_PATTERNS.some((p) => p.test(v)),
  phone_number: (v) => v.length <= 17 && /^[\d+-]+$/.test(v),
  letter: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => chars(v).length <= 5 && !/[\dA-Za-z\s\u3400-\u9fff]/u.test(v),
  amount: (v) => /^[^\d\s]{0,3}\d{1,10}(\.\d{1,2})?[^\d\s]{0,3}$/.test(v),
}

/** Lengths whose breach WeChat reports as "exceeds limit" rather than "invalid". */
const LENGTH_LIMITS: Partial<Record<KeywordType, number>> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  phone_number: 17,
  letter: 32,
  symbol: 5,
}

export type KeywordCheck = { ok: true } | { ok: false; errcode: 47003; errmsg: string }

const invalid = (keyword: string, what: 'invalid' | 'exceeds limit' | 'is empty'): KeywordCheck => ({
  ok: false,
  errcode: 47003,
  errmsg: `argument invalid! data.${keyword}.value ${what}`,
})

/**
 * Check template data as WeChat does before sending: every keyword of a known type, no empty value,
 * every value within its type's rule; with `keywords`, every one of the template's keywords present.
 *
 * @example
 * validateTemplateData({ thing2: { value: '一二三四五六七八九十一二三四五六七八九十一' } })
 * // { ok: false, errcode: 47003, errmsg: 'argument invalid! data.thing2.value exceeds limit' }
 */
export const validateTemplateData = (
  data: Record<string, { value: string }>,
  keywords?: readonly string[],
): KeywordCheck => {
  for (const k of keywords ?? []) if (!(k in data)) return invalid(k, 'is empty')
  for (const [k, entry] of Object.entries(data)) {
    const type = keywordType(k)
    const value = entry?.value
    if (type === null) return invalid(k, 'invalid')
    if (typeof value !== 'string' || value.trim() === '') return invalid(k, 'is empty')
    if (!RULES[type](value)) {
      const limit = LENGTH_LIMITS[type]
      return invalid(k, limit !== undefined && chars(value).length > limit ? 'exceeds limit' : 'invalid')
    }
  }
  return { ok: true }
}

/** What an empty value becomes: WeChat refuses empty keywords. */
export const PLACEHOLDERS: Record<Exclude<KeywordType, 'time' | 'date'>, string> = {
  thing: '无',
  phrase: '无',
  name: '未填写',
  character_string: '-',
  number: '0',
  phone_number: '-',
  letter: 'NA',
  symbol: '-',
  amount: '0元',
}

const cut = (s: string, max: number, ellipsis: string): string =>
  chars(s).length <= max
    ? s
    : chars(s)
        .slice(0, max - chars(ellipsis).length)
        .join('') + ellipsis

/**
 * A value made to fit its keyword type: whitespace collapsed, too long shortened with an ellipsis,
 * characters the type forbids dropped, empty replaced by a placeholder. `time` and `date` take an
 * instant (ISO string) and format it in Shanghai time; a value that is no instant becomes
 * `fallbackAt` (the sender passes the send time), and without one it throws (a bug in the caller).
 *
 * @example
 * fitKeywordValue('thing', '村口的路灯已经坏了一个多月了晚上出行很不方便') // '村口的路灯已经坏了一个多月了晚上出行很…'
 */
export const fitKeywordValue = (type: KeywordType, raw: string, fallbackAt?: Instant): string => {
  const v = raw.replace(/\s+/g, ' ').trim()
  if (type === 'time' || type === 'date') {
    if (RULES[type](v)) return v
    const at = fallbackAt !== undefined && !Number.isFinite(Date.parse(v)) ? fallbackAt : v
    return type === 'time' ? formatShanghaiDateTime(toEpochMs(at)) : formatShanghaiDate(toEpochMs(at))
  }
  const fitted = FITTERS[type](v)
  return fitted === '' ? PLACEHOLDERS[type] : fitted
}

const FITTERS: Record<Exclude<KeywordType, 'time' | 'date'>, (v: string) => string> = {
  thing: (v) => cut(v, 20, '…'),
  // phrase is Chinese characters only: an ellipsis would break the rule, so it is simply cut.
  phrase: (v) =>
    chars(v.replace(/[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu, ''))
      .slice(0, 5)
      .join(''),
  name: (v) => cut(v, 10, '…'),
  character_string: (v) => cut(v.replace(/[^\x21-\x7e]/g, ''), 32, '...'),
  number: (v) => {
    const m = /([-+]?)(\d+)(\.\d+)?/.exec(v)
    if (m === null) return ''
    const whole = m[1] + m[2] + (m[3] ?? '')
    // Too many digits: keep the integer part's first 32 rather than break the number's form.
    return whole.replace(/\D/g, '').length <= 32 ? whole : m[1] + m[2].slice(0, 32)
  },
  phone_number: (v) => v.replace(/[^\d+-]/g, '').slice(0, 17),
  letter: (v) => v.replace(/[^A-Za-z]/g, '').slice(0, 32),
  symbol: (v) =>
    chars(v.replace(/[\dA-Za-z\s\u3400-\u9fff]/gu, ''))
      .slice(0, 5)
      .join(''),
  amount: (v) => {
    const m = /\d{1,10}(\.\d{1,2})?/.exec(v)
    return m === null ? '' : `${m[0]}元`
  },
}
