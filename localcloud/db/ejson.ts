/**
 * Extended JSON as wx-server-sdk 4.0.2 speaks it.
 *
 * Requests: the SDK runs `EJSON.stringify(x, { relaxed: false })` (bson 4.7), so numbers arrive as
 * `{"$numberInt":"1"}` / `{"$numberDouble":"1.5"}` / `{"$numberLong":"…"}`, dates as
 * `{"$date":{"$numberLong":"ms"}}`, regexes as `{"$regularExpression":{pattern,options}}` and
 * `db.serverDate()` as `{"$tcb_server_date":{"offset":ms}}`.
 *
 * Responses: the SDK runs `EJSON.parse(item)` (relaxed) on every listed document, so plain JSON
 * numbers come back as numbers and `{"$date":{"$numberLong":"ms"}}` as a Date. The same encoding is
 * used for the journal on disk.
 */

export type Plain = null | boolean | number | string | Date | RegExp | Plain[] | { [key: string]: Plain }
export type PlainObject = { [key: string]: Plain }

/** Decodes a parsed EJSON value into plain JS values (numbers, Date, RegExp). */
export function decodeValue(value: unknown, now: () => Date): Plain {
  if (value === null || typeof value !== 'object') return value as Plain
  if (isDate(value)) return new Date(value.getTime())
  if (isRegExp(value)) return new RegExp(value.source, value.flags)
  if (Array.isArray(value)) return value.map((item) => decodeValue(item, now))
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const special = decodeWrapper(keys[0], obj[keys[0]], now)
    if (special !== NOT_SPECIAL) return special
  }
  const out: PlainObject = {}
  for (const key of keys) {
    const v = obj[key]
    if (v !== undefined) out[key] = decodeValue(v, now)
  }
  return out
}

const NOT_SPECIAL = Symbol('not special')

function decodeWrapper(key: string, inner: unknown, now: () => Date): Plain | typeof NOT_SPECIAL {
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return typeof inner === 'string' ? Number(inner) : NOT_SPECIAL
    case '$date':
      return decodeDate(inner)
    case '$regularExpression': {
      const re = inner as { pattern?: unknown; options?: unknown } | null
      if (!re || typeof re.pattern !== 'string') return NOT_SPECIAL
      // MongoDB's x (extended) flag has no JS equivalent; the others map one to one.
      const flags = String(re.options ?? '').replace(/[^imsu]/g, '')
      return new RegExp(re.pattern, flags)
    }
    case '$oid':
      return typeof inner === 'string' ? inner : NOT_SPECIAL
    case '$tcb_server_date': {
      const decoded = decodeValue(inner, now)
      const offset = isPlainObject(decoded) ? Number(decoded.offset ?? 0) || 0 : 0
      return new Date(now().getTime() + offset)
    }
    default:
      return NOT_SPECIAL
  }
}

function decodeDate(inner: unknown): Date | typeof NOT_SPECIAL {
  if (typeof inner === 'number') return new Date(inner)
  if (typeof inner === 'string') return new Date(inner)
  if (
    inner &&
    typeof inner === 'object' &&
    typeof (inner as { $numberLong?: unknown }).$numberLong === 'string'
  ) {
    return new Date(Number((inner as { $numberLong: string }).$numberLong))
  }
  return NOT_SPECIAL
}

/** Parses an EJSON string (or an already parsed value) into plain JS values. */
export function parseEJSON(text: unknown, now: () => Date): Plain {
  if (typeof text === 'string') return decodeValue(JSON.parse(text), now)
  return decodeValue(text, now)
}

/** Encodes a stored value as the EJSON string the SDK decodes with `EJSON.parse`. */
export function stringifyEJSON(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key]
    if (isDate(raw)) return { $date: { $numberLong: String(raw.getTime()) } }
    if (isRegExp(raw)) return { $regularExpression: { pattern: raw.source, options: raw.flags } }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $numberDouble: String(v) }
    return v
  })
}

// Tag checks instead of instanceof: values may come from another realm (a vm context, jest).
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

export function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]'
}

export function isPlainObject(value: unknown): value is PlainObject {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isDate(value) && !isRegExp(value)
  )
}

/** A deep copy of a stored value (Dates and RegExps included), made in this realm. */
export function clonePlain<T extends Plain>(value: T): T {
  return decodeValue(value, () => new Date(0)) as T
}
