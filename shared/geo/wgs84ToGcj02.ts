/**
 * GPS coordinates (WGS-84, what a browser's geolocation gives) to the coordinates Chinese maps use
 * (GCJ-02, what WeChat's `getLocation({ type: 'gcj02' })`, `chooseLocation` and `openLocation` use).
 * Outside mainland China the two are the same, so points there are returned unchanged.
 *
 * The published conversion (Krasovsky 1940 ellipsoid); accurate to well under a metre against
 * WeChat's own conversion, far below a phone's GPS error.
 *
 * @example
 * wgs84ToGcj02({ latitude: 28.2282, longitude: 112.9388 }) // ≈ { latitude: 28.22469, longitude: 112.94425 } (长沙)
 */
export interface LatLng {
  latitude: number
  longitude: number
}

const A = 6378245.0
const EE = 0.006693421622965943

/** A rough box around mainland China: the conversion only applies inside it. */
export const outOfChina = ({ latitude, longitude }: LatLng): boolean =>
  longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271

const shiftLat = (x: number, y: number): number => {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

const shiftLng = (x: number, y: number): number => {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

export const wgs84ToGcj02 = (point: LatLng): LatLng => {
  if (outOfChina(point)) return { latitude: point.latitude, longitude: point.longitude }
  const { latitude: lat, longitude: lng } = point
  let dLat = shiftLat(lng - 105.0, lat - 35.0)
  let dLng = shiftLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat)
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { latitude: lat + dLat, longitude: lng + dLng }
}
