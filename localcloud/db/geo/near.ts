/**
 * Proximity: `{ field: { $nearSphere | $near: { $geometry: Point, $maxDistance, $minDistance } } }`
 * (what `_.geoNear` sends; distances in metres) or the legacy `{ $nearSphere: [lng, lat],
 * $maxDistance }` (radians). Both are spherical, as with MongoDB's 2dsphere index.
 *
 * `extractNear` takes the one proximity clause out of a query (top level or inside a top-level
 * `$and`, as MongoDB requires); the caller filters and orders by `nearest`, nearest first.
 */
import { resolve } from 'mingo/util'
import { dbErrors } from '../errors'
import { isPlainObject, type Plain, type PlainObject } from '../ejson'
import { parseCenter, storedShapes } from './geojson'
import { distanceTo } from './predicates'
import { EARTH_RADIUS_M, type Vec } from './sphere'

export interface Near {
  field: string
  center: Vec
  /** A legacy pair: distances in radians; a GeoJSON point: in metres. */
  legacy: boolean
  /** Bounds in radians. */
  min: number
  max: number
}

export const NEAR_OPS = new Set(['$near', '$nearSphere'])
const DISTANCE_OPS = new Set(['$maxDistance', '$minDistance'])

/** Radians ↔ the unit of the query (metres for a GeoJSON point). */
export const toRadians = (near: Pick<Near, 'legacy'>, d: number): number =>
  near.legacy ? d : d / EARTH_RADIUS_M
export const fromRadians = (near: Pick<Near, 'legacy'>, r: number): number =>
  near.legacy ? r : r * EARTH_RADIUS_M

/** A distance bound: absent, or a non-negative number. */
export function bound(value: unknown, name: string, context: string): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || Number.isNaN(value))
    throw dbErrors.requestFailed(`${context}: ${name} must be a number, given ${JSON.stringify(value)}`)
  if (value < 0) throw dbErrors.requestFailed(`${context}: ${name} must be non-negative`)
  return value
}

/** Parses the operand of `$near` / `$nearSphere`, with the field's sibling distance operators. */
function parseNear(field: string, op: string, expr: PlainObject): Near {
  const context = `${op} on ${field}`
  const value = expr[op]
  let center: { center: Vec; legacy: boolean }
  let max: number | undefined
  let min: number | undefined
  if (isPlainObject(value) && '$geometry' in value) {
    for (const key of Object.keys(value)) {
      if (key !== '$geometry' && !DISTANCE_OPS.has(key))
        throw dbErrors.requestFailed(
          `${context}: geo near accepts just one argument when querying for a GeoJSON point. Extra field found: ${key}`,
        )
    }
    center = parseCenter(value.$geometry, context)
    if (center.legacy) throw dbErrors.requestFailed(`${context}: $geometry must be a GeoJSON Point`)
    max = bound(value.$maxDistance ?? expr.$maxDistance, '$maxDistance', context)
    min = bound(value.$minDistance ?? expr.$minDistance, '$minDistance', context)
  } else {
    center = parseCenter(value, context)
    max = bound(expr.$maxDistance, '$maxDistance', context)
    min = bound(expr.$minDistance, '$minDistance', context)
  }
  const spec = { field, ...center, min: 0, max: Infinity }
  if (min !== undefined) spec.min = toRadians(spec, min)
  if (max !== undefined) spec.max = toRadians(spec, max)
  return spec
}

/**
 * The query without its proximity clause, and that clause. A second clause, or one the caller
 * does not allow, is an error; clauses nested under `$or`, `$nor`, `$not` or `$elemMatch` are
 * left in place for the query operators to reject.
 */
export function extractNear(query: PlainObject): { query: PlainObject; near?: Near } {
  let near: Near | undefined
  const strip = (q: PlainObject): PlainObject => {
    const out: PlainObject = {}
    for (const [key, value] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(value)) {
        out.$and = value.map((sub) => (isPlainObject(sub) ? strip(sub) : sub))
        continue
      }
      if (key.startsWith('$') || !isPlainObject(value) || !Object.keys(value).some((k) => NEAR_OPS.has(k))) {
        out[key] = value
        continue
      }
      const ops = Object.keys(value).filter((k) => NEAR_OPS.has(k))
      if (near || ops.length > 1) throw dbErrors.requestFailed('Too many geoNear expressions')
      near = parseNear(key, ops[0], value)
      const rest: Record<string, Plain> = {}
      for (const [k, v] of Object.entries(value)) if (!NEAR_OPS.has(k) && !DISTANCE_OPS.has(k)) rest[k] = v
      if (Object.keys(rest).length > 0) out[key] = rest
    }
    return out
  }
  const stripped = strip(query)
  return near ? { query: stripped, near } : { query }
}

/** The distance (radians) from the centre to the nearest geometry at the field, and that value. */
export function nearest(doc: PlainObject, near: Near): { distance: number; loc: unknown } | undefined {
  let best: { distance: number; loc: unknown } | undefined
  for (const located of storedShapes(resolve(doc, near.field))) {
    const distance = distanceTo(near.center, located.shape)
    if (!best || distance < best.distance) best = { distance, loc: located.value }
  }
  if (!best || best.distance < near.min || best.distance > near.max) return undefined
  return best
}

/** The documents within the bounds, nearest first (ties keep their order). */
export function byDistance<T extends PlainObject>(
  docs: T[],
  near: Near,
): Array<{ doc: T; distance: number; loc: unknown }> {
  const out: Array<{ doc: T; distance: number; loc: unknown }> = []
  for (const doc of docs) {
    const hit = nearest(doc, near)
    if (hit) out.push({ doc, ...hit })
  }
  return out.sort((a, b) => a.distance - b.distance)
}
