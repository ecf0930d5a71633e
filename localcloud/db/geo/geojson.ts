/**
 * GeoJSON as the SDK stores and queries it (`db.Geo.*` → `{ type, coordinates }`, longitude first),
 * parsed into a `Shape`: the isolated points, polylines and polygons (outer ring, then holes) of a
 * geometry as unit vectors, so every predicate works on the sphere.
 *
 * Query operands are parsed strictly (a malformed one fails the request with MongoDB's wording);
 * stored values leniently (a value that is not a geometry simply does not match, as without a
 * 2dsphere index). Legacy coordinate pairs `[lng, lat]` are read as points.
 */
import { dbErrors } from '../errors'
import { isPlainObject } from '../ejson'
import { toVec, type Vec } from './sphere'

export interface Shape {
  points: Vec[]
  /** Polylines (a LineString's vertices, in order). */
  lines: Vec[][]
  /** Polygons: rings of closed vertex lists (last = first), the first the outer ring. */
  polygons: Vec[][][]
}

/** The stored value, as the geometry parsed from it (for `includeLocs`). */
export interface Located {
  shape: Shape
  value: unknown
}

class GeoParseError extends Error {}

const fail = (message: string): never => {
  throw new GeoParseError(message)
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v)

function position(raw: unknown): Vec {
  if (!Array.isArray(raw) || raw.length < 2) fail(`Point must only contain numeric elements: ${show(raw)}`)
  const [lng, lat] = raw as unknown[]
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
    fail(`Point must only contain numeric elements: ${show(raw)}`)
  const x = lng as number
  const y = lat as number
  if (Math.abs(x) > 180 || Math.abs(y) > 90) fail(`longitude/latitude is out of bounds, lng: ${x} lat: ${y}`)
  return toVec(x, y)
}

function positions(raw: unknown, what: string, min: number): Vec[] {
  if (!Array.isArray(raw)) fail(`${what} coordinates must be an array`)
  const list = (raw as unknown[]).map(position)
  if (list.length < min) fail(`${what} must have at least ${min} vertices: ${show(raw)}`)
  return list
}

function ring(raw: unknown): Vec[] {
  const vs = positions(raw, 'Loop', 4)
  const first = (raw as number[][])[0]
  const last = (raw as number[][])[vs.length - 1]
  if (first[0] !== last[0] || first[1] !== last[1])
    fail(`Loop is not closed, first vertex does not equal last vertex: ${show(raw)}`)
  const distinct = new Set((raw as number[][]).map((p) => `${p[0]},${p[1]}`))
  if (distinct.size < 3) fail(`Loop must have at least 3 different vertices: ${show(raw)}`)
  return vs
}

function polygon(raw: unknown): Vec[][] {
  if (!Array.isArray(raw) || raw.length === 0) fail(`Polygon coordinates must be a non-empty array of rings`)
  return (raw as unknown[]).map(ring)
}

function listOf<T>(raw: unknown, what: string, item: (x: unknown) => T): T[] {
  if (!Array.isArray(raw) || raw.length === 0) fail(`${what} coordinates must be a non-empty array`)
  return (raw as unknown[]).map(item)
}

const empty = (): Shape => ({ points: [], lines: [], polygons: [] })

function parseObject(obj: Record<string, unknown>): Shape {
  const s = empty()
  const c = obj.coordinates
  switch (obj.type) {
    case 'Point':
      s.points.push(position(c))
      break
    case 'MultiPoint':
      s.points.push(...listOf(c, 'MultiPoint', position))
      break
    case 'LineString':
      s.lines.push(positions(c, 'LineString', 2))
      break
    case 'MultiLineString':
      s.lines.push(...listOf(c, 'MultiLineString', (l) => positions(l, 'LineString', 2)))
      break
    case 'Polygon':
      s.polygons.push(polygon(c))
      break
    case 'MultiPolygon':
      s.polygons.push(...listOf(c, 'MultiPolygon', polygon))
      break
    case 'GeometryCollection': {
      if (!Array.isArray(obj.geometries)) fail('GeometryCollection geometries must be an array')
      for (const g of obj.geometries as unknown[]) {
        if (!isPlainObject(g)) fail(`unknown GeoJSON type: ${show(g)}`)
        const part = parseObject(g as Record<string, unknown>)
        s.points.push(...part.points)
        s.lines.push(...part.lines)
        s.polygons.push(...part.polygons)
      }
      break
    }
    default:
      fail(`unknown GeoJSON type: ${show(obj)}`)
  }
  return s
}

/** A query operand: a GeoJSON geometry, or a request failure naming what is wrong with it. */
export function parseGeometry(raw: unknown, context: string): Shape {
  try {
    if (!isPlainObject(raw)) fail(`unknown GeoJSON type: ${show(raw)}`)
    return parseObject(raw as Record<string, unknown>)
  } catch (err) {
    if (err instanceof GeoParseError) throw dbErrors.requestFailed(`${context}: ${err.message}`)
    throw err
  }
}

/** A query operand that must be a GeoJSON Point or a legacy pair; `legacy` tells which it was. */
export function parseCenter(raw: unknown, context: string): { center: Vec; legacy: boolean } {
  try {
    if (isLegacyPair(raw)) return { center: position(raw), legacy: true }
    if (isPlainObject(raw) && raw.type === 'Point')
      return { center: position(raw.coordinates), legacy: false }
    return fail(`$near requires a point, given ${show(raw)}`)
  } catch (err) {
    if (err instanceof GeoParseError) throw dbErrors.requestFailed(`${context}: ${err.message}`)
    throw err
  }
}

export function isLegacyPair(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
}

/** A stored value as geometries: a GeoJSON object, a legacy pair, or an array of those. */
export function storedShapes(value: unknown, out: Located[] = []): Located[] {
  if (value === null || value === undefined || typeof value !== 'object') return out
  try {
    if (isLegacyPair(value)) {
      out.push({ shape: { ...empty(), points: [position(value)] }, value })
    } else if (Array.isArray(value)) {
      for (const item of value) storedShapes(item, out)
    } else if (isPlainObject(value) && typeof value.type === 'string') {
      out.push({ shape: parseObject(value as Record<string, unknown>), value })
    }
  } catch (err) {
    if (!(err instanceof GeoParseError)) throw err
  }
  return out
}

/** Every vertex of a shape (points, polyline vertices, ring vertices). */
export function vertices(s: Shape): Vec[] {
  const out = [...s.points]
  for (const l of s.lines) out.push(...l)
  for (const p of s.polygons) for (const r of p) out.push(...r)
  return out
}

/** Every edge of a shape as vertex pairs (polyline segments and ring edges). */
export function edges(s: Shape): Array<[Vec, Vec]> {
  const out: Array<[Vec, Vec]> = []
  const add = (l: Vec[]): void => {
    for (let i = 0; i + 1 < l.length; i++) out.push([l[i], l[i + 1]])
  }
  for (const l of s.lines) add(l)
  for (const p of s.polygons) for (const r of p) add(r)
  return out
}
