import { outOfChina, wgs84ToGcj02 } from '@shared/geo/wgs84ToGcj02'

/** Expected GCJ-02 points from the published conversion (the values maps in China show). */
const CASES: [string, { latitude: number; longitude: number }, { latitude: number; longitude: number }][] = [
  ['长沙', { latitude: 28.2282, longitude: 112.9388 }, { latitude: 28.224692, longitude: 112.94425 }],
  [
    '北京天安门',
    { latitude: 39.908692, longitude: 116.397477 },
    { latitude: 39.910095, longitude: 116.403721 },
  ],
  ['湘潭', { latitude: 27.8274, longitude: 113.1331 }, { latitude: 27.82426, longitude: 113.13893 }],
]

describe('wgs84ToGcj02', () => {
  it.each(CASES)('shifts a GPS point in %s to the map coordinates used in China', (_place, gps, expected) => {
    const out = wgs84ToGcj02(gps)
    expect(out.latitude).toBeCloseTo(expected.latitude, 5)
    expect(out.longitude).toBeCloseTo(expected.longitude, 5)
  })

  it('returns a point outside China unchanged', () => {
    expect(wgs84ToGcj02({ latitude: 51.5007, longitude: -0.1246 })).toEqual({
      latitude: 51.5007,
      longitude: -0.1246,
    })
    expect(outOfChina({ latitude: 51.5007, longitude: -0.1246 })).toBe(true)
    expect(outOfChina({ latitude: 28.2282, longitude: 112.9388 })).toBe(false)
  })

  it('does not mutate its argument', () => {
    const gps = { latitude: 28.2282, longitude: 112.9388 }
    wgs84ToGcj02(gps)
    expect(gps).toEqual({ latitude: 28.2282, longitude: 112.9388 })
  })
})
