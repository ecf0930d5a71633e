/**
 * Aggregation expression operators where mingo differs from MongoDB:
 *
 * - `$week`: MongoDB counts weeks from Sunday: week 1 starts on the year's first Sunday and the
 *   days before it are week 0 (strftime's %U), so 2019-05-14 is week 19; mingo derives it from
 *   the ISO week and answers 20. `$dateToString`'s `%U` is the same number (and its `%%` a `%`).
 * - `$indexOfCP` (missing from mingo): the code-point index of the first occurrence of a
 *   substring within [start, end) of a string, -1 when absent; null for a null or missing string.
 * - `$substrBytes` and its deprecated alias `$substr`: a negative length means "to the end of the
 *   string", a negative start or one past the end gives "" (MongoDB converts both to unsigned);
 *   a range that cuts a UTF-8 character in two is an error; null / missing is "".
 *
 * Errors are MongoDB's messages; they fail the aggregation with DATABASE_REQUEST_FAILED.
 */
import { evalExpr } from 'mingo/core'
import { $dateToString as mingoDateToString, $dayOfWeek, $dayOfYear } from 'mingo/operators/expression'
import { dbErrors } from '../errors'
import { isDate, isPlainObject, isRegExp } from '../ejson'

type Options = Parameters<typeof evalExpr>[2]
type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown

const evaluate = (obj: unknown, expr: unknown, options: Options): unknown =>
  evalExpr(obj as never, expr as never, options)

const isNil = (v: unknown): v is null | undefined => v === null || v === undefined

function bsonTypeName(v: unknown): string {
  if (v === null) return 'null'
  if (v === undefined) return 'missing'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double'
  if (isDate(v)) return 'date'
  if (isRegExp(v)) return 'regex'
  return Array.isArray(v) ? 'array' : 'object'
}

const $week: ExpressionOperator = (obj, expr, options) => {
  const arg = evaluate(obj, expr, options)
  if (isNil(arg) || (isPlainObject(arg) && isNil(arg.date))) return null
  const dayOfYear = $dayOfYear(obj as never, expr as never, options) as number // 1…366
  const dayOfWeek = $dayOfWeek(obj as never, expr as never, options) as number // 1 = Sunday … 7
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7)
}

/** A stand-in for `%%` while mingo formats (mingo turns `%%` into nothing, MongoDB into `%`). */
const PERCENT = '\uE000'

/**
 * `$dateToString` with `%U` (week of the year, 00–53) computed as `$week` does, and `%%` as a
 * literal `%`; everything else is mingo's.
 */
const $dateToString: ExpressionOperator = (obj, expr, options) => {
  if (!isPlainObject(expr) || typeof expr.format !== 'string' || !/%[U%]/.test(expr.format))
    return mingoDateToString(obj as never, expr as never, options)
  const { date, timezone } = expr
  const week = $week(obj, timezone === undefined ? { date } : { date, timezone }, options)
  if (week === null) return mingoDateToString(obj as never, expr as never, options)
  const format = expr.format.replace(/%./g, (token) =>
    token === '%U' ? String(week).padStart(2, '0') : token === '%%' ? PERCENT : token,
  )
  const text = mingoDateToString(obj as never, { ...expr, format } as never, options)
  return typeof text === 'string' ? text.split(PERCENT).join('%') : text
}

function indexArg(value: unknown, what: 'starting' | 'ending'): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw dbErrors.requestFailed(
      `$indexOfCP requires an integral ${what} index, found a value of type: ${bsonTypeName(value)}, with value: ${JSON.stringify(value) ?? 'missing'}`,
    )
  if (value < 0)
    throw dbErrors.requestFailed(`$indexOfCP requires a nonnegative ${what} index, found: ${value}`)
  return value
}

const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4)
    throw dbErrors.requestFailed(
      `Expression $indexOfCP takes at least 2 arguments, and at most 4, but ${Array.isArray(expr) ? expr.length : 1} were passed in.`,
    )
  const [str, token, start, end] = evaluate(obj, expr, options) as unknown[]
  if (isNil(str)) return null
  if (typeof str !== 'string')
    throw dbErrors.requestFailed(
      `$indexOfCP requires a string as the first argument, found: ${bsonTypeName(str)}`,
    )
  if (typeof token !== 'string')
    throw dbErrors.requestFailed(
      `$indexOfCP requires a string as the second argument, found: ${bsonTypeName(token)}`,
    )
  const chars = Array.from(str)
  const from = expr.length > 2 ? indexArg(start, 'starting') : 0
  const to = Math.min(expr.length > 3 ? indexArg(end, 'ending') : chars.length, chars.length)
  if (from > chars.length || from > to) return -1
  const window = chars.slice(from, to).join('')
  const at = window.indexOf(token)
  return at < 0 ? -1 : from + Array.from(window.slice(0, at)).length
}

/** MongoDB's string coercion of `$substrBytes`' first argument. */
function coerceToString(op: string, v: unknown): string {
  if (isNil(v)) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (isDate(v)) return v.toISOString()
  throw dbErrors.requestFailed(`${op}: can't convert from BSON type ${bsonTypeName(v)} to String`)
}

const isContinuationByte = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80

function substrBytes(op: string): ExpressionOperator {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 3)
      throw dbErrors.requestFailed(
        `Expression ${op} takes exactly 3 arguments. ${Array.isArray(expr) ? expr.length : 1} were passed in.`,
      )
    const [s, lowerArg, lengthArg] = evaluate(obj, expr, options) as unknown[]
    const bytes = Buffer.from(coerceToString(op, s), 'utf8')
    if (typeof lowerArg !== 'number')
      throw dbErrors.requestFailed(
        `${op}:  starting index must be a numeric type (is BSON type ${bsonTypeName(lowerArg)})`,
      )
    if (typeof lengthArg !== 'number')
      throw dbErrors.requestFailed(
        `${op}:  length must be a numeric type (is BSON type ${bsonTypeName(lengthArg)})`,
      )
    const lower = Math.trunc(lowerArg)
    const length = Math.trunc(lengthArg)
    // Negative values become huge unsigned ones in MongoDB: start past the end, or "the rest".
    if (lower < 0 || lower >= bytes.length) return ''
    const end = length < 0 ? bytes.length : Math.min(bytes.length, lower + length)
    if (isContinuationByte(bytes[lower]))
      throw dbErrors.requestFailed(`${op}:  Invalid range, starting index is a UTF-8 continuation byte.`)
    if (end < bytes.length && isContinuationByte(bytes[end]))
      throw dbErrors.requestFailed(
        `${op}:  Invalid range, ending index is in the middle of a UTF-8 character.`,
      )
    return bytes.subarray(lower, end).toString('utf8')
  }
}

export const expressionFixes = {
  $week,
  $dateToString,
  $indexOfCP,
  $substrBytes: substrBytes('$substrBytes'),
  $substr: substrBytes('$substrBytes'), // an alias in MongoDB, errors included
}
