/**
 * Geometry on the unit sphere, as MongoDB's 2dsphere (S2) does it: positions are unit vectors,
 * edges are great-circle arcs (the shorter one), distances are central angles in radians.
 */

/** MongoDB's `kRadiusOfEarthInMeters` (6378.1 km): metres = radians × this, for GeoJSON queries. */
export const EARTH_RADIUS_M = 6378100

export type Vec = readonly [number, number, number]

/** Vertices closer than this (radians, ≈ 0.6 µm on the earth) are the same point. */
const EPS = 1e-13

const RAD = Math.PI / 180

export function toVec(lng: number, lat: number): Vec {
  const phi = lat * RAD
  const lambda = lng * RAD
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)]
}

const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]

const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]

const norm = (a: Vec): number => Math.sqrt(dot(a, a))

/** The central angle between two unit vectors, accurate for tiny and near-antipodal angles. */
export function angle(a: Vec, b: Vec): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b))
}

export const samePoint = (a: Vec, b: Vec): boolean => angle(a, b) <= EPS

/** The sign of the triple product (a × b) · c: which side of the great circle a→b c lies on. */
function sign(a: Vec, b: Vec, c: Vec): -1 | 0 | 1 {
  const n = cross(a, b)
  const len = norm(n)
  if (len === 0) return 0
  const d = dot(n, c) / len
  return d > EPS ? 1 : d < -EPS ? -1 : 0
}

/** Whether p lies on the arc a→b (end points included). */
export function onArc(p: Vec, a: Vec, b: Vec): boolean {
  if (samePoint(p, a) || samePoint(p, b)) return true
  if (sign(a, b, p) !== 0) return false
  const n = cross(a, b)
  return dot(cross(a, p), n) >= 0 && dot(cross(p, b), n) >= 0
}

/**
 * Whether the arcs a→b and c→d cross at a point interior to both (S2's CrossingSign); arcs
 * that only touch are found by `onArc` on the end points instead.
 */
export function arcsCross(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const acb = -sign(a, b, c)
  const bda = sign(a, b, d)
  if (acb === 0 || acb !== bda) return false
  const cbd = -sign(c, d, b)
  if (cbd !== acb) return false
  return sign(c, d, a) === acb
}

/** Arcs that cross or touch. */
export function arcsMeet(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  return arcsCross(a, b, c, d) || onArc(a, c, d) || onArc(b, c, d) || onArc(c, a, b) || onArc(d, a, b)
}

/** The distance (radians) from p to the nearest point of the arc a→b. */
export function distanceToArc(p: Vec, a: Vec, b: Vec): number {
  const n = cross(a, b)
  const len = norm(n)
  if (len > 0) {
    const u: Vec = [n[0] / len, n[1] / len, n[2] / len]
    const h = dot(p, u)
    const q: Vec = [p[0] - h * u[0], p[1] - h * u[1], p[2] - h * u[2]]
    if (norm(q) > 0 && dot(cross(a, q), u) >= 0 && dot(cross(q, b), u) >= 0) {
      return Math.asin(Math.min(1, Math.abs(h)))
    }
  }
  return Math.min(angle(p, a), angle(p, b))
}

export type Side = 'in' | 'on' | 'out'

/**
 * Where p lies with respect to a closed ring (last vertex = first): the winding of the ring's
 * arcs as seen from p, measured by azimuth in p's tangent plane. A ring winds once around the
 * smaller of the two regions it bounds, which is the polygon's interior in GeoJSON (MongoDB's
 * "polygons must fit in a hemisphere").
 */
export function ringSide(p: Vec, ring: readonly Vec[]): Side {
  for (let i = 0; i + 1 < ring.length; i++) if (onArc(p, ring[i], ring[i + 1])) return 'on'
  // Tangent basis at p: east, then north.
  let east = cross([0, 0, 1], p)
  if (norm(east) < 1e-12) east = [0, 1, 0]
  const el = norm(east)
  east = [east[0] / el, east[1] / el, east[2] / el]
  const north = cross(p, east)
  const azimuth = (v: Vec): number => Math.atan2(dot(v, east), dot(v, north))
  let total = 0
  let prev = azimuth(ring[0])
  for (let i = 1; i < ring.length; i++) {
    const next = azimuth(ring[i])
    let d = next - prev
    if (d > Math.PI) d -= 2 * Math.PI
    else if (d < -Math.PI) d += 2 * Math.PI
    total += d
    prev = next
  }
  return Math.abs(total) > Math.PI ? 'in' : 'out'
}

/** Where p lies with respect to a polygon (outer ring, then holes). */
export function polygonSide(p: Vec, rings: readonly (readonly Vec[])[]): Side {
  const outer = ringSide(p, rings[0])
  if (outer !== 'in') return outer
  for (let i = 1; i < rings.length; i++) {
    const hole = ringSide(p, rings[i])
    if (hole === 'in') return 'out'
    if (hole === 'on') return 'on'
  }
  return 'in'
}
