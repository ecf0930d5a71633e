/**
 * `$jsonSchema` as MongoDB implements it (`_.jsonSchema(schema)` in the SDK): JSON Schema draft 4
 * less `$ref`, `$schema`, `default`, `definitions`, `format` and `id`, plus `bsonType`; the JSON
 * `type` "integer" is not supported (use `bsonType: 'int' | 'long'`). Every keyword constrains only
 * the values of the type it is about (`minimum` says nothing about a string, `required` nothing
 * about an array), as in JSON Schema. A schema MongoDB would refuse fails the request when the
 * query is compiled (DATABASE_REQUEST_FAILED), before any document is read.
 *
 * BSON types of stored values: the SDK sends a whole number in the int32 range as an int, a larger
 * one as a long and any other number as a double (bson's EJSON), so `int` / `long` / `double` are
 * told apart the same way here; `number` is any of them.
 */
import { dbErrors } from '../errors'
import { isDate, isPlainObject, isRegExp } from '../ejson'
import { isEqual as mongoEqual } from 'mingo/util'

export type Validate = (value: unknown) => boolean

const JSON_TYPES = new Set(['object', 'array', 'number', 'boolean', 'string', 'null'])
const BSON_TYPES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'dbPointer',
  'javascript',
  'symbol',
  'javascriptWithScope',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
])
const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id'])
const IGNORED = new Set(['title', 'description'])

const INT32_MIN = -2147483648
const INT32_MAX = 2147483647

function bsonTypeOf(v: unknown): string {
  if (v === null) return 'null'
  if (v === undefined) return 'undefined'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double'
    if (v >= INT32_MIN && v <= INT32_MAX) return 'int'
    return Number.isSafeInteger(v) ? 'long' : 'double'
  }
  if (isDate(v)) return 'date'
  if (isRegExp(v)) return 'regex'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

function jsonTypeOf(v: unknown): string {
  const t = bsonTypeOf(v)
  if (t === 'int' || t === 'long' || t === 'double') return 'number'
  if (t === 'bool') return 'boolean'
  return t
}

const fail = (message: string): never => {
  throw dbErrors.requestFailed(`$jsonSchema: ${message}`)
}

const typeNames = (keyword: string, value: unknown, known: Set<string>): Set<string> => {
  const names = Array.isArray(value) ? value : [value]
  if (names.length === 0) fail(`${keyword} must name at least one type`)
  for (const n of names) {
    if (keyword === 'type' && n === 'integer')
      fail("type 'integer' is not currently supported (use bsonType 'int' or 'long')")
    if (typeof n !== 'string' || !known.has(n)) fail(`unknown ${keyword} '${String(n)}'`)
  }
  return new Set(names as string[])
}

const nonNegativeInt = (keyword: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(`${keyword} must be a non-negative integer`)
  return value as number
}

const numberArg = (keyword: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${keyword} must be a number`)
  return value as number
}

const schemaArg = (keyword: string, value: unknown): Validate => {
  if (!isPlainObject(value)) fail(`${keyword} must be an object`)
  return compileSchema(value as Record<string, unknown>)
}

const schemaList = (keyword: string, value: unknown): Validate[] => {
  if (!Array.isArray(value) || value.length === 0) fail(`${keyword} must be a non-empty array of schemas`)
  return (value as unknown[]).map((s) => schemaArg(keyword, s))
}

const isObjectValue = (v: unknown): v is Record<string, unknown> => isPlainObject(v)
const codePoints = (s: string): number => Array.from(s).length

/** Compiles one (sub)schema into a predicate on a value. */
export function compileSchema(schema: Record<string, unknown>): Validate {
  const checks: Validate[] = []
  const keys = Object.keys(schema)
  for (const keyword of keys) {
    const arg = schema[keyword]
    if (UNSUPPORTED.has(keyword)) fail(`keyword '${keyword}' is not currently supported`)
    if (IGNORED.has(keyword)) continue
    switch (keyword) {
      case 'type': {
        const types = typeNames('type', arg, JSON_TYPES)
        checks.push((v) => types.has(jsonTypeOf(v)))
        break
      }
      case 'bsonType': {
        const types = typeNames('bsonType', arg, BSON_TYPES)
        checks.push((v) => {
          const t = bsonTypeOf(v)
          return types.has(t) || (types.has('number') && (t === 'int' || t === 'long' || t === 'double'))
        })
        break
      }
      case 'enum': {
        if (!Array.isArray(arg) || arg.length === 0) fail('enum must be a non-empty array')
        const values = arg as unknown[]
        checks.push((v) => values.some((e) => mongoEqual(v, e)))
        break
      }
      case 'minimum':
      case 'maximum': {
        const bound = numberArg(keyword, arg)
        const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true
        const ok =
          keyword === 'minimum'
            ? (n: number) => (exclusive ? n > bound : n >= bound)
            : (n: number) => (exclusive ? n < bound : n <= bound)
        checks.push((v) => typeof v !== 'number' || ok(v))
        break
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof arg !== 'boolean') fail(`${keyword} must be a boolean`)
        const base = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'
        if (!(base in schema)) fail(`${keyword} requires '${base}'`)
        break
      }
      case 'multipleOf': {
        const divisor = numberArg(keyword, arg)
        if (divisor <= 0) fail('multipleOf must be a positive number')
        checks.push((v) => typeof v !== 'number' || Number.isInteger(v / divisor))
        break
      }
      case 'minLength':
      case 'maxLength': {
        const n = nonNegativeInt(keyword, arg)
        const ok = keyword === 'minLength' ? (l: number) => l >= n : (l: number) => l <= n
        checks.push((v) => typeof v !== 'string' || ok(codePoints(v)))
        break
      }
      case 'pattern': {
        if (typeof arg !== 'string') fail('pattern must be a string')
        const re = new RegExp(arg as string, 'u')
        checks.push((v) => typeof v !== 'string' || re.test(v))
        break
      }
      case 'minItems':
      case 'maxItems': {
        const n = nonNegativeInt(keyword, arg)
        const ok = keyword === 'minItems' ? (l: number) => l >= n : (l: number) => l <= n
        checks.push((v) => !Array.isArray(v) || ok(v.length))
        break
      }
      case 'uniqueItems': {
        if (typeof arg !== 'boolean') fail('uniqueItems must be a boolean')
        if (arg)
          checks.push(
            (v) => !Array.isArray(v) || v.every((x, i) => v.findIndex((y) => mongoEqual(x, y)) === i),
          )
        break
      }
      case 'items': {
        if (Array.isArray(arg)) {
          const each = arg.map((s) => schemaArg('items', s))
          const extra = schema.additionalItems
          const rest: Validate | boolean =
            extra === undefined
              ? true
              : typeof extra === 'boolean'
                ? extra
                : schemaArg('additionalItems', extra)
          checks.push((v) => {
            if (!Array.isArray(v)) return true
            return v.every((x, i) =>
              i < each.length ? each[i](x) : typeof rest === 'boolean' ? rest : rest(x),
            )
          })
        } else {
          const item = schemaArg('items', arg)
          checks.push((v) => !Array.isArray(v) || v.every(item))
        }
        break
      }
      case 'additionalItems':
        if (typeof arg !== 'boolean' && !isPlainObject(arg))
          fail('additionalItems must be a boolean or an object')
        break
      case 'required': {
        if (!Array.isArray(arg) || arg.length === 0 || !arg.every((k) => typeof k === 'string'))
          fail('required must be a non-empty array of strings')
        const names = arg as string[]
        checks.push((v) => !isObjectValue(v) || names.every((k) => v[k] !== undefined))
        break
      }
      case 'minProperties':
      case 'maxProperties': {
        const n = nonNegativeInt(keyword, arg)
        const ok = keyword === 'minProperties' ? (l: number) => l >= n : (l: number) => l <= n
        checks.push((v) => !isObjectValue(v) || ok(Object.keys(v).length))
        break
      }
      case 'properties':
      case 'patternProperties':
        if (!isPlainObject(arg)) fail(`${keyword} must be an object`)
        break
      case 'additionalProperties':
        if (typeof arg !== 'boolean' && !isPlainObject(arg))
          fail('additionalProperties must be a boolean or an object')
        break
      case 'dependencies': {
        if (!isPlainObject(arg)) fail('dependencies must be an object')
        for (const [name, dep] of Object.entries(arg as Record<string, unknown>)) {
          if (Array.isArray(dep)) {
            if (!dep.every((k) => typeof k === 'string')) fail('dependencies arrays must hold strings')
            const needed = dep as string[]
            checks.push(
              (v) => !isObjectValue(v) || v[name] === undefined || needed.every((k) => v[k] !== undefined),
            )
          } else {
            const sub = schemaArg('dependencies', dep)
            checks.push((v) => !isObjectValue(v) || v[name] === undefined || sub(v))
          }
        }
        break
      }
      case 'allOf': {
        const subs = schemaList(keyword, arg)
        checks.push((v) => subs.every((s) => s(v)))
        break
      }
      case 'anyOf': {
        const subs = schemaList(keyword, arg)
        checks.push((v) => subs.some((s) => s(v)))
        break
      }
      case 'oneOf': {
        const subs = schemaList(keyword, arg)
        checks.push((v) => subs.filter((s) => s(v)).length === 1)
        break
      }
      case 'not': {
        const sub = schemaArg(keyword, arg)
        checks.push((v) => !sub(v))
        break
      }
      default:
        fail(`unknown keyword: ${keyword}`)
    }
  }
  const objectCheck = compileObjectKeywords(schema)
  if (objectCheck) checks.push(objectCheck)
  return (v) => checks.every((c) => c(v))
}

/** `properties`, `patternProperties` and `additionalProperties` together (they decide jointly). */
function compileObjectKeywords(schema: Record<string, unknown>): Validate | undefined {
  const { properties, patternProperties, additionalProperties } = schema
  if (properties === undefined && patternProperties === undefined && additionalProperties === undefined)
    return undefined
  const props = Object.entries((properties ?? {}) as Record<string, unknown>).map(
    ([k, s]) => [k, schemaArg(`properties.${k}`, s)] as const,
  )
  const patterns = Object.entries((patternProperties ?? {}) as Record<string, unknown>).map(
    ([p, s]) => [new RegExp(p, 'u'), schemaArg(`patternProperties.${p}`, s)] as const,
  )
  const named = new Set(props.map(([k]) => k))
  const extra: Validate | boolean =
    additionalProperties === undefined
      ? true
      : typeof additionalProperties === 'boolean'
        ? additionalProperties
        : schemaArg('additionalProperties', additionalProperties)
  return (v) => {
    if (!isObjectValue(v)) return true
    for (const [k, check] of props) if (v[k] !== undefined && !check(v[k])) return false
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) continue
      const matching = patterns.filter(([re]) => re.test(k))
      for (const [, check] of matching) if (!check(value)) return false
      if (named.has(k) || matching.length > 0) continue
      if (extra === false) return false
      if (typeof extra === 'function' && !extra(value)) return false
    }
    return true
  }
}

/** `$jsonSchema: schema` at the top of a query: a predicate on whole documents. */
export function compileJsonSchema(schema: unknown): Validate {
  if (!isPlainObject(schema)) fail('the schema must be an object')
  return compileSchema(schema as Record<string, unknown>)
}
