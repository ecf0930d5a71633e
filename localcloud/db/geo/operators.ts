/**
 * The geo query operators, part of the mingo context of every query and pipeline:
 *
 * - `$geoWithin: { $geometry: Polygon | MultiPolygon }` or `{ $centerSphere: [[lng, lat], radians] }`
 * - `$geoIntersects: { $geometry: <any GeoJSON> }`
 * - `$near` / `$nearSphere` (and their `$maxDistance` / `$minDistance`) wherever `extractNear` left
 *   them: under `$or` / `$nor` / `$not` / `$elemMatch`, in an aggregation `$match` or a `$geoNear`
 *   `query`: all rejected, as MongoDB does.
 *
 * Operands are parsed when the query is compiled, so a malformed one fails the request before any
 * document is read.
 */
import type { Context } from 'mingo/core'
import { resolve } from 'mingo/util'
import { dbErrors } from '../errors'
import { isPlainObject } from '../ejson'
import { parseCenter, parseGeometry, storedShapes, type Shape } from './geojson'
import { intersects, within, withinCap } from './predicates'
import type { Vec } from './sphere'

type QueryOps = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['query']>
type Predicate = (obj: Record<string, unknown>) => boolean
type Operator = (selector: string, value: unknown) => Predicate

const show = (v: unknown): string => JSON.stringify(v) ?? String(v)

function onlyKey(value: unknown, op: string, selector: string): [string, unknown] {
  if (!isPlainObject(value) || Object.keys(value).length !== 1)
    throw dbErrors.requestFailed(
      `${op} on ${selector}: expected exactly one geo specifier, given ${show(value)}`,
    )
  const key = Object.keys(value)[0]
  return [key, value[key]]
}

/** Tests every geometry stored at the field (a GeoJSON value, a legacy pair, or an array of them). */
function matchShapes(selector: string, test: (s: Shape) => boolean): Predicate {
  return (obj) => storedShapes(resolve(obj, selector)).some((l) => test(l.shape))
}

const $geoWithin: Operator = (selector, value) => {
  const context = `$geoWithin on ${selector}`
  const [key, operand] = onlyKey(value, '$geoWithin', selector)
  if (key === '$geometry') {
    const type = isPlainObject(operand) ? operand.type : undefined
    if (type !== 'Polygon' && type !== 'MultiPolygon')
      throw dbErrors.requestFailed(
        `${context}: $geoWithin not supported with provided geometry: ${show(operand)}`,
      )
    const region = parseGeometry(operand, context)
    return matchShapes(selector, (s) => within(s, region))
  }
  if (key === '$centerSphere') {
    const [center, radius] = centerSphere(operand, context)
    return matchShapes(selector, (s) => withinCap(s, center, radius))
  }
  if (key === '$box' || key === '$center' || key === '$polygon')
    throw dbErrors.requestFailed(`${context}: ${key} (planar, 2d) is not supported by the local cloud`)
  throw dbErrors.requestFailed(`${context}: unknown geo specifier: ${key}: ${show(operand)}`)
}

function centerSphere(operand: unknown, context: string): [Vec, number] {
  if (!Array.isArray(operand) || operand.length !== 2)
    throw dbErrors.requestFailed(
      `${context}: $centerSphere must be [[lng, lat], radians], given ${show(operand)}`,
    )
  const { center } = parseCenter(operand[0], context)
  const radius = operand[1]
  if (typeof radius !== 'number' || !Number.isFinite(radius) || radius < 0)
    throw dbErrors.requestFailed(`${context}: $centerSphere radius must be a non-negative number`)
  return [center, radius]
}

const $geoIntersects: Operator = (selector, value) => {
  const context = `$geoIntersects on ${selector}`
  const [key, operand] = onlyKey(value, '$geoIntersects', selector)
  if (key !== '$geometry') throw dbErrors.requestFailed(`${context}: unknown geo specifier: ${key}`)
  const shape = parseGeometry(operand, context)
  return matchShapes(selector, (s) => intersects(s, shape))
}

const notHere: Operator = () => {
  throw dbErrors.requestFailed(
    '$geoNear, $near, and $nearSphere are not allowed in this context (only as a top-level query condition of get / count / update / remove)',
  )
}

/** The operators above, part of the database's mingo context (mongo/index.ts). */
export const geoQueryOperators = {
  $geoWithin,
  $geoIntersects,
  $near: notHere,
  $nearSphere: notHere,
  $maxDistance: notHere,
  $minDistance: notHere,
} as unknown as QueryOps
