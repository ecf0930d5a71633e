/**
 * The aggregation stage `$geoNear` (what `aggregate().geoNear({...})` sends; the SDK turns `near`
 * into a GeoJSON Point and `query` into a wire query). MongoDB's options: `near` (GeoJSON Point →
 * metres, legacy pair → radians), `distanceField` (required), `spherical` (always spherical here,
 * as with a 2dsphere index), `maxDistance`, `minDistance`, `query`, `distanceMultiplier`,
 * `includeLocs`, `key`. Output: the matching documents nearest first, each a copy with the
 * distance (× distanceMultiplier) at `distanceField` and the matched location at `includeLocs`.
 *
 * The local cloud has no indexes: without `key`, the stage uses the one field of the collection
 * that holds geometries, and fails like MongoDB when there are several ("more than one 2dsphere
 * index") — with none, the answer is empty (MongoDB would fail for want of an index).
 */
import { setValue } from 'mingo/util'
import { dbErrors } from '../errors'
import { clonePlain, isPlainObject, type PlainObject } from '../ejson'
import { parseCenter, storedShapes } from './geojson'
import { bound, byDistance, fromRadians, toRadians, type Near } from './near'
import { compileQuery } from '../mongo'

const OPTIONS = new Set([
  'near',
  'distanceField',
  'spherical',
  'maxDistance',
  'minDistance',
  'query',
  'distanceMultiplier',
  'includeLocs',
  'key',
  'uniqueDocs',
])

const CONTEXT = '$geoNear'

/** Runs the stage over a collection's documents (in natural order); answers fresh copies. */
export function geoNearStage(docs: Iterable<PlainObject>, spec: unknown, collection: string): PlainObject[] {
  if (!isPlainObject(spec)) throw dbErrors.requestFailed('$geoNear argument must be an object')
  for (const key of Object.keys(spec)) {
    if (!OPTIONS.has(key)) throw dbErrors.requestFailed(`Unknown argument to $geoNear: ${key}`)
  }
  if (spec.near === undefined) throw dbErrors.requestFailed("$geoNear requires a 'near' option as an Array")
  const { center, legacy } = parseCenter(spec.near, CONTEXT)
  const distanceField = spec.distanceField
  if (typeof distanceField !== 'string' || distanceField.length === 0 || distanceField.startsWith('$'))
    throw dbErrors.requestFailed("$geoNear requires a 'distanceField' option as a String")
  const includeLocs = optionalPath(spec.includeLocs, 'includeLocs')
  const multiplier = spec.distanceMultiplier ?? 1
  if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier < 0)
    throw dbErrors.requestFailed('distanceMultiplier must be a non-negative number')
  const min = bound(spec.minDistance, 'minDistance', CONTEXT)
  const max = bound(spec.maxDistance, 'maxDistance', CONTEXT)
  const unit = { legacy }
  let query: ReturnType<typeof compileQuery> | undefined
  if (spec.query !== undefined) {
    if (!isPlainObject(spec.query)) throw dbErrors.requestFailed('$geoNear query must be an object')
    query = compileQuery(spec.query)
  }
  const all = Array.from(docs)
  const field = optionalPath(spec.key, 'key') ?? geoField(all, collection)
  if (field === undefined) return []
  const near: Near = {
    field,
    center,
    legacy,
    min: min === undefined ? 0 : toRadians(unit, min),
    max: max === undefined ? Infinity : toRadians(unit, max),
  }
  const candidates = query ? all.filter((d) => query.test(d)) : all
  return byDistance(candidates, near).map(({ doc, distance, loc }) => {
    const out = clonePlain(doc)
    setValue(out, distanceField, fromRadians(unit, distance) * multiplier)
    if (includeLocs) setValue(out, includeLocs, clonePlain(loc as PlainObject))
    return out
  })
}

function optionalPath(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value.length === 0 || value.startsWith('$'))
    throw dbErrors.requestFailed(`$geoNear ${name} must be a field path string`)
  return value
}

const isGeoJSON = (v: unknown): boolean =>
  isPlainObject(v) && typeof v.type === 'string' && storedShapes(v).length > 0

/** The one (dotted) field path under which the documents keep GeoJSON geometries, if any. */
function geoField(docs: PlainObject[], collection: string): string | undefined {
  const fields = new Set<string>()
  const walk = (value: unknown, path: string): void => {
    if (!isPlainObject(value)) return
    for (const [key, v] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key
      if (isGeoJSON(v) || (Array.isArray(v) && v.length > 0 && v.every(isGeoJSON))) fields.add(p)
      else if (isPlainObject(v)) walk(v, p)
    }
  }
  for (const doc of docs) walk(doc, '')
  if (fields.size > 1)
    throw dbErrors.requestFailed(
      `There is more than one 2dsphere index on ${collection}; unsure which to use for $geoNear (fields ${[...fields].join(', ')}: pass key)`,
    )
  return fields.values().next().value
}
