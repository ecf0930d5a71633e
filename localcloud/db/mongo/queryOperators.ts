/**
 * Query operators where mingo differs from MongoDB, wrapped or replaced:
 *
 * - `$elemMatch` with field conditions (`{ tags: { $elemMatch: { value: { $gt: 0 } } } }`):
 *   MongoDB tests only the array elements that are embedded documents; mingo also tests scalars
 *   (and nested arrays), and resolves a field of a scalar to the scalar itself, so `tags: [1, 2]`
 *   matched `value > 0` (likewise `$exists` and `$mod`). The conditions are narrowed to embedded
 *   documents before mingo's own `$elemMatch` runs. (MongoDB would also let a nested array match
 *   conditions on numeric field names such as `{ '0': 1 }`; that corner is not reproduced.) The operator-only form
 *   (`{ $elemMatch: { $gt: 0 } }`), which tests every element's value, is left as it is. `$all`
 *   with `$elemMatch` members gets the same narrowing.
 * - `$jsonSchema`: mingo needs a validator plugged in; MongoDB's dialect is in jsonSchema.ts.
 */
import { $all as mingoAll, $elemMatch as mingoElemMatch } from 'mingo/operators/query'
import { isPlainObject } from '../ejson'
import { compileJsonSchema } from './jsonSchema'

type Predicate = (obj: Record<string, unknown>) => boolean
type QueryOperator = (selector: string, value: unknown, options: never) => Predicate

const VALUE_FORM_EXCEPTIONS = new Set(['$and', '$or', '$nor'])

/** Whether `$elemMatch` conditions test the element itself (`{ $gt: 0 }`) rather than its fields. */
function isValueForm(criteria: Record<string, unknown>): boolean {
  const keys = Object.keys(criteria)
  return keys.length > 0 && keys.every((k) => k.startsWith('$') && !VALUE_FORM_EXCEPTIONS.has(k))
}

/** An element is an embedded document: not a scalar, an array, a date or a regex. */
const IS_DOCUMENT = { $expr: { $eq: [{ $type: '$$CURRENT' }, 'object'] } }

function documentsOnly(criteria: unknown): unknown {
  if (!isPlainObject(criteria) || Object.keys(criteria).length === 0 || isValueForm(criteria)) return criteria
  return { $and: [IS_DOCUMENT, criteria] }
}

const $elemMatch: QueryOperator = (selector, value, options) =>
  mingoElemMatch(selector, documentsOnly(value) as never, options)

const $all: QueryOperator = (selector, value, options) => {
  const members = Array.isArray(value)
    ? value.map((m) =>
        isPlainObject(m) && Object.keys(m).length === 1 && '$elemMatch' in m
          ? { $elemMatch: documentsOnly(m.$elemMatch) }
          : m,
      )
    : value
  return mingoAll(selector, members as never, options)
}

const $jsonSchema: QueryOperator = (_selector, value) => {
  const validate = compileJsonSchema(value)
  return (obj) => validate(obj)
}

export const queryFixes = { $elemMatch, $all, $jsonSchema }
