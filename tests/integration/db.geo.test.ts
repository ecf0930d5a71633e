/**
 * Geo queries through the real wx-server-sdk: `db.Geo.*` values, `_.geoNear` / `_.geoWithin` /
 * `_.geoIntersects` and the `$geoNear` aggregation stage, with MongoDB's 2dsphere semantics
 * (spherical, metres for GeoJSON, earth radius 6378100 m).
 */
import { initCloud, sdkDatabase, startTcbServer, type SdkDb, type TcbServer } from '../helpers/tcbServer'

interface GeoPoint {
  longitude: number
  latitude: number
}

interface GeoApi {
  Point(lng: number, lat: number): GeoPoint
  LineString(points: GeoPoint[]): unknown
  Polygon(lines: unknown[]): unknown
  MultiPolygon(polygons: unknown[]): unknown
}

interface GeoAggregate {
  geoNear(options: object): GeoAggregate
  match(q: object): GeoAggregate
  project(p: object): GeoAggregate
  limit(n: number): GeoAggregate
  end(): Promise<{ list: Array<Record<string, unknown>> }>
}

type Cmd = SdkDb['command'] & Record<'geoNear' | 'geoWithin' | 'geoIntersects', (o: object) => unknown>

const EARTH_RADIUS_M = 6378100
// 长沙 (五一广场); the other places lie due north, so their distance is Δlat in radians × R.
const LNG = 112.9768
const LAT = 28.1963
const north = (m: number): number => LAT + ((m / EARTH_RADIUS_M) * 180) / Math.PI

let server: TcbServer
let db: SdkDb
let Geo: GeoApi
let _: Cmd

const coll = () => db.collection('places')
const agg = () => coll().aggregate() as unknown as GeoAggregate
const ids = (list: Array<{ _id?: unknown }>) => list.map((d) => d._id)

beforeAll(async () => {
  server = await startTcbServer()
  db = sdkDatabase(initCloud(server.serviceUrl))
  Geo = (db as unknown as { Geo: GeoApi }).Geo
  _ = db.command as Cmd
  await db.createCollection('places')
  // Inserted out of distance order on purpose.
  const rows = [
    { _id: 'far', kind: 'shop', loc: Geo.Point(LNG, north(5000)) },
    { _id: 'mid', kind: 'shop', loc: Geo.Point(LNG, north(1200)) },
    { _id: 'center', kind: 'square', loc: Geo.Point(LNG, LAT) },
    { _id: 'near', kind: 'shop', loc: Geo.Point(LNG, north(600)) },
    { _id: 'nowhere', kind: 'shop' },
  ]
  for (const row of rows) await coll().add({ data: row })
})

afterAll(async () => {
  await server.close()
})

const square = (halfDeg: number, lng = LNG, lat = LAT) =>
  Geo.Polygon([
    Geo.LineString([
      Geo.Point(lng - halfDeg, lat - halfDeg),
      Geo.Point(lng + halfDeg, lat - halfDeg),
      Geo.Point(lng + halfDeg, lat + halfDeg),
      Geo.Point(lng - halfDeg, lat + halfDeg),
      Geo.Point(lng - halfDeg, lat - halfDeg),
    ]),
  ])

describe('geo values', () => {
  it('stores db.Geo.Point as GeoJSON and the SDK hands it back as a Point', async () => {
    const { data } = await coll().doc('near').get()
    const loc = (data as unknown as { loc: GeoPoint }).loc
    // wx-server-sdk's Geo.Point is a factory; the SDK decodes GeoJSON into @cloudbase/database's Point.
    expect(loc.constructor.name).toBe('Point')
    expect([loc.longitude, loc.latitude]).toEqual([LNG, north(600)])
    const [raw] = (await agg().match({ _id: 'near' }).end()).list
    expect(raw.loc).toEqual({ type: 'Point', coordinates: [LNG, north(600)] })
  })
})

describe('_.geoNear ($nearSphere)', () => {
  it('orders by distance and applies maxDistance / minDistance in metres', async () => {
    const all = await coll()
      .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT) }) })
      .get()
    expect(ids(all.data)).toEqual(['center', 'near', 'mid', 'far'])
    const within1km = await coll()
      .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT), maxDistance: 1000 }) })
      .get()
    expect(ids(within1km.data)).toEqual(['center', 'near'])
    const ring = await coll()
      .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT), minDistance: 599, maxDistance: 1201 }) })
      .get()
    expect(ids(ring.data)).toEqual(['near', 'mid'])
    const edge = await coll()
      .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT), minDistance: 601, maxDistance: 1199 }) })
      .get()
    expect(ids(edge.data)).toEqual([])
  })

  it('orders from the query point, combines with other conditions, pages, counts', async () => {
    const fromFar = await coll()
      .where({ kind: 'shop', loc: _.geoNear({ geometry: Geo.Point(LNG, north(5000)) }) })
      .skip(1)
      .limit(2)
      .get()
    expect(ids(fromFar.data)).toEqual(['mid', 'near'])
    const count = await coll()
      .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT), maxDistance: 1500 }) })
      .count()
    expect(count.total).toBe(3)
  })

  it('lets an explicit orderBy override the distance order', async () => {
    const res = await coll()
      .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT), maxDistance: 1500 }) })
      .orderBy('_id', 'desc')
      .get()
    expect(ids(res.data)).toEqual(['near', 'mid', 'center'])
  })

  it('updates by a geoNear condition', async () => {
    const res = await coll()
      .where({ kind: 'shop', loc: _.geoNear({ geometry: Geo.Point(LNG, LAT) }) })
      .update({ data: { seen: true } })
    expect(res.stats.updated).toBe(3)
    const seen = await coll().where({ seen: true }).count()
    expect(seen.total).toBe(3)
  })
})

describe('_.geoWithin and _.geoIntersects', () => {
  it('finds points inside a Polygon, outside its holes, and inside a MultiPolygon', async () => {
    const inSquare = await coll()
      .where({ loc: _.geoWithin({ geometry: square(0.02) }) })
      .get()
    expect(ids(inSquare.data).sort()).toEqual(['center', 'mid', 'near'])
    const outer = square(0.02)
    const withHole = Geo.Polygon([
      ...(outer as { lines: unknown[] }).lines,
      ...(square(0.001) as { lines: unknown[] }).lines,
    ])
    const holed = await coll()
      .where({ loc: _.geoWithin({ geometry: withHole }) })
      .get()
    expect(ids(holed.data).sort()).toEqual(['mid', 'near'])
    const multi = Geo.MultiPolygon([square(0.001), square(0.001, LNG, north(5000))])
    const both = await coll()
      .where({ loc: _.geoWithin({ geometry: multi }) })
      .get()
    expect(ids(both.data).sort()).toEqual(['center', 'far'])
  })

  it('uses great-circle edges: a point just north of a long east-west edge is inside', async () => {
    // The geodesic from (100, 30) to (120, 30) bulges north to about 30.4°.
    await coll().add({ data: { _id: 'bulge', kind: 'probe', loc: Geo.Point(110, 30.2) } })
    const poly = Geo.Polygon([
      Geo.LineString([
        Geo.Point(100, 20),
        Geo.Point(120, 20),
        Geo.Point(120, 30),
        Geo.Point(100, 30),
        Geo.Point(100, 20),
      ]),
    ])
    const res = await coll()
      .where({ kind: 'probe', loc: _.geoWithin({ geometry: poly }) })
      .get()
    expect(ids(res.data)).toEqual(['bulge'])
    await coll().doc('bulge').remove()
  })

  it('finds points within a centerSphere (radians), given as a Point or as [lng, lat]', async () => {
    const radius = 1000 / EARTH_RADIUS_M
    const a = await coll()
      .where({ loc: _.geoWithin({ centerSphere: [Geo.Point(LNG, LAT), radius] }) })
      .get()
    expect(ids(a.data).sort()).toEqual(['center', 'near'])
    const b = await coll()
      .where({ loc: _.geoWithin({ centerSphere: [[LNG, north(5000)], radius * 3] }) })
      .get()
    expect(ids(b.data)).toEqual(['far'])
  })

  it('intersects a Point field with a Polygon and with an equal Point', async () => {
    const poly = await coll()
      .where({ loc: _.geoIntersects({ geometry: square(0.007) }) })
      .get()
    expect(ids(poly.data).sort()).toEqual(['center', 'near'])
    const point = await coll()
      .where({ loc: _.geoIntersects({ geometry: Geo.Point(LNG, north(1200)) }) })
      .get()
    expect(ids(point.data)).toEqual(['mid'])
  })
})

describe('stored lines and polygons', () => {
  it('intersects, contains and measures distance to non-point geometries', async () => {
    await db.createCollection('areas')
    const areas = db.collection('areas')
    await areas.add({ data: { _id: 'district', shape: square(0.01) } })
    const road = Geo.LineString([Geo.Point(LNG - 0.05, LAT + 0.03), Geo.Point(LNG + 0.05, LAT + 0.03)])
    await areas.add({ data: { _id: 'road', shape: road } })
    const hit = await areas.where({ shape: _.geoIntersects({ geometry: Geo.Point(LNG, LAT) }) }).get()
    expect(ids(hit.data)).toEqual(['district'])
    const crossing = Geo.LineString([Geo.Point(LNG, LAT), Geo.Point(LNG, LAT + 0.05)])
    const crossed = await areas.where({ shape: _.geoIntersects({ geometry: crossing }) }).get()
    expect(ids(crossed.data).sort()).toEqual(['district', 'road'])
    const inside = await areas.where({ shape: _.geoWithin({ geometry: square(0.02) }) }).get()
    expect(ids(inside.data)).toEqual(['district'])
    const { list } = await (areas.aggregate() as unknown as GeoAggregate)
      .geoNear({ near: Geo.Point(LNG, LAT), distanceField: 'd', spherical: true })
      .end()
    expect(ids(list)).toEqual(['district', 'road'])
    expect(list[0].d).toBe(0)
    // The road runs due east-west 0.03° north: about 3336 m.
    expect(list[1].d as number).toBeCloseTo((0.03 * Math.PI * EARTH_RADIUS_M) / 180, -1)
  })
})

describe('aggregate().geoNear()', () => {
  it('adds distanceField, applies query, bounds, distanceMultiplier and includeLocs, nearest first', async () => {
    const { list } = await agg()
      .geoNear({
        near: Geo.Point(LNG, LAT),
        distanceField: 'dist.km',
        spherical: true,
        query: { kind: 'shop' },
        maxDistance: 2000,
        distanceMultiplier: 0.001,
        includeLocs: 'where',
        key: 'loc',
      })
      .project({ _id: 1, dist: 1, where: 1 })
      .end()
    expect(ids(list)).toEqual(['near', 'mid'])
    expect((list[0].dist as { km: number }).km).toBeCloseTo(0.6, 6)
    expect((list[1].dist as { km: number }).km).toBeCloseTo(1.2, 6)
    expect(list[0].where).toEqual({ type: 'Point', coordinates: [LNG, north(600)] })
  })

  it('finds the geo field without key, in metres, with minDistance', async () => {
    const { list } = await agg()
      .geoNear({ near: Geo.Point(LNG, LAT), distanceField: 'd', spherical: true, minDistance: 1 })
      .end()
    expect(ids(list)).toEqual(['near', 'mid', 'far'])
    expect(list.map((d) => Math.round(d.d as number))).toEqual([600, 1200, 5000])
  })

  it('fails like MongoDB when the stage is not first or distanceField is missing', async () => {
    // aggregate() does not map codes to errCode: it stays -1, the code is on `code`.
    const failed = (text: string) => ({
      code: 'DATABASE_REQUEST_FAILED',
      errMsg: expect.stringContaining(text),
    })
    await expect(
      agg()
        .match({ kind: 'shop' })
        .geoNear({ near: Geo.Point(LNG, LAT), distanceField: 'd' })
        .end(),
    ).rejects.toMatchObject(failed('$geoNear is only valid as the first stage in a pipeline'))
    await expect(
      agg()
        .geoNear({ near: Geo.Point(LNG, LAT) })
        .end(),
    ).rejects.toMatchObject(failed("requires a 'distanceField'"))
    await expect(
      agg()
        .match({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT) }) })
        .end(),
    ).rejects.toMatchObject(failed('not allowed in this context'))
  })
})

describe('malformed geo queries', () => {
  it('answers a clear error, and the service keeps serving', async () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [113, 28],
          [114, 28],
          [113, 29],
          [112, 29],
        ],
      ],
    }
    await expect(
      coll()
        .where({ loc: { $geoWithin: { $geometry: open } } })
        .get(),
    ).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('Loop is not closed'),
    })
    await expect(
      coll()
        .where({ loc: { $geoWithin: { $geometry: { type: 'Point', coordinates: [113, 28] } } } })
        .get(),
    ).rejects.toMatchObject({
      errMsg: expect.stringContaining('$geoWithin not supported with provided geometry'),
    })
    await expect(
      coll()
        .where({ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT), maxDistance: -1 }) })
        .get(),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('must be non-negative') })
    await expect(
      coll()
        .where({ loc: { $nearSphere: { $geometry: { type: 'Point', coordinates: [200, 28] } } } })
        .get(),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('out of bounds') })
    await expect(
      coll()
        .where(_.or([{ loc: _.geoNear({ geometry: Geo.Point(LNG, LAT) }) }, { kind: 'square' }]))
        .get(),
    ).rejects.toMatchObject({ errMsg: expect.stringContaining('not allowed in this context') })
    const still = await coll().where({ kind: 'square' }).get()
    expect(ids(still.data)).toEqual(['center'])
  })
})
