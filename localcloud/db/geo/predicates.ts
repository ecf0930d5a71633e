/**
 * The geo predicates of MongoDB's 2dsphere on parsed shapes: distance from a point (for
 * `$nearSphere` / `$geoNear`), intersection (`$geoIntersects`) and containment (`$geoWithin`
 * with a Polygon / MultiPolygon or a `$centerSphere` cap). Boundaries count as inside.
 */
import { edges, vertices, type Shape } from './geojson'
import { angle, arcsCross, arcsMeet, distanceToArc, onArc, polygonSide, samePoint, type Vec } from './sphere'

/** Where p lies with respect to the union of a shape's polygons. */
function sideOfPolygons(p: Vec, s: Shape): 'in' | 'on' | 'out' {
  let side: 'in' | 'on' | 'out' = 'out'
  for (const poly of s.polygons) {
    const here = polygonSide(p, poly)
    if (here === 'in') return 'in'
    if (here === 'on') side = 'on'
  }
  return side
}

/** The distance (radians) from p to the nearest point of a shape: 0 inside one of its polygons. */
export function distanceTo(p: Vec, s: Shape): number {
  if (s.polygons.length > 0 && sideOfPolygons(p, s) !== 'out') return 0
  let best = Infinity
  for (const q of s.points) best = Math.min(best, angle(p, q))
  for (const [a, b] of edges(s)) best = Math.min(best, distanceToArc(p, a, b))
  return best
}

/** Whether the point v touches shape s: equals one of its points, lies on an edge or in a polygon. */
function touches(v: Vec, s: Shape): boolean {
  if (s.points.some((q) => samePoint(v, q))) return true
  if (edges(s).some(([a, b]) => onArc(v, a, b))) return true
  return s.polygons.length > 0 && sideOfPolygons(v, s) !== 'out'
}

/** `$geoIntersects`: the two shapes share at least one point. */
export function intersects(a: Shape, b: Shape): boolean {
  if (vertices(a).some((v) => touches(v, b))) return true
  if (vertices(b).some((v) => touches(v, a))) return true
  const eb = edges(b)
  return edges(a).some(([p, q]) => eb.some(([r, s]) => arcsMeet(p, q, r, s)))
}

/**
 * `$geoWithin` a Polygon / MultiPolygon: every vertex of `s` is inside (or on) the region, no edge
 * of `s` crosses the region's boundary, and no hole of the region lies inside a polygon of `s`.
 */
export function within(s: Shape, region: Shape): boolean {
  if (!vertices(s).every((v) => sideOfPolygons(v, region) !== 'out')) return false
  const boundary = edges(region)
  if (edges(s).some(([p, q]) => boundary.some(([r, t]) => arcsCross(p, q, r, t)))) return false
  if (s.polygons.length === 0) return true
  for (const poly of region.polygons) {
    for (const hole of poly.slice(1)) {
      if (hole.some((v) => s.polygons.some((own) => polygonSide(v, own) === 'in'))) return false
    }
  }
  return true
}

/** `$geoWithin: { $centerSphere: [[lng, lat], radians] }`: every vertex within the spherical cap. */
export function withinCap(s: Shape, center: Vec, radius: number): boolean {
  const vs = vertices(s)
  return vs.length > 0 && vs.every((v) => angle(v, center) <= radius + 1e-12)
}
