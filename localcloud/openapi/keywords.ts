/**
 * WeChat's subscribe-message keyword rules (docs/architecture.md). A keyword's type is the prefix of
 * its name (`thing2` → thing). Returns null when the value fits, else the reason.
 */

const CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u
const len = (s: string) => [...s].length

function validTime(h: string, m: string, s?: string): boolean {
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59)
}

function validDate(y: string, mo: string, d: string): boolean {
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const DATE = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2}))$/
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/

function checkDate(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const month = m[2] ?? m[4] ?? m[6]
  const day = m[3] ?? m[5] ?? m[7]
  return validDate(m[1], month, day)
}

function checkClock(text: string): boolean {
  const m = CLOCK.exec(text)
  return !!m && validTime(m[1], m[2], m[3])
}

/** `2026年11月25日 14:30`, `2026-11-25 14:30(:00)`, `14:30`, or a range `… ~ …`. */
function checkTime(value: string): boolean {
  return value.split(/\s*~\s*/).every((part) => {
    const bits = part.trim().split(/\s+/)
    if (bits.length === 1) return checkClock(bits[0])
    return bits.length === 2 && checkDate(bits[0]) && checkClock(bits[1])
  })
}

/** `2026年11月25日`, `2026-11-25` (optionally with a time), or a range. */
function checkDateValue(value: string): boolean {
  return value.split(/\s*~\s*/).every((part) => {
    const bits = part.trim().split(/\s+/)
    if (bits.length === 1) return checkDate(bits[0])
    return bits.length === 2 && checkDate(bits[0]) && checkClock(bits[1])
  })
}

type Rule = (v: string) => boolean

const RULES: Record<string, Rule> = {
  thing: (v) => len(v) <= 20,
  phrase: (v) => len(v) <= 5 && CJK.test(v),
  name: (v) => (/^[A-Za-z ]+$/.test(v) ? len(v) <= 20 : len(v) <= 10),
  character_string: (v) => len(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  number: (v) => /^[+-]?\d+(\.\d+)?$/.test(v) && v.replace(/\D/g, '').length <= 32,
  letter: (v) => len(v) <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => len(v) <= 5,
  amount: (v) =>
    /^[¥￥$]?\d+(\.\d{1,2})?(元|美元)?$/.test(v) &&
    v.replace(/\D/g, '').length <= 12 &&
    v.split('.')[0].replace(/\D/g, '').length <= 10,
  phone_number: (v) => len(v) <= 17 && /^[\d+-]+$/.test(v),
  car_number: (v) => len(v) <= 8,
  time: checkTime,
  date: checkDateValue,
}

export function keywordType(key: string): string | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key)
  return m && RULES[m[1]] ? m[1] : null
}

/** null when `value` fits keyword `key`; otherwise why not. */
export function checkKeyword(key: string, value: unknown): string | null {
  const type = keywordType(key)
  if (!type) return 'unknown keyword type'
  if (typeof value !== 'string' || value.trim() === '') return 'empty'
  return RULES[type](value) ? null : 'invalid'
}
