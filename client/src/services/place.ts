/**
 * Where a concern is. weapp: the resident picks the place on WeChat's map (`chooseLocation`, which
 * answers a name and an address) or sends their position (`getLocation`, GCJ-02); a worker taps
 * 导航 to open the place in WeChat's map (`openLocation`). h5: the browser's position is WGS-84
 * only (asking Taro's h5 getLocation for gcj02 fails), so it is converted; there is no map picker,
 * and the form falls back to typed words.
 */
import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '@shared/geo/wgs84ToGcj02'
import type { Location } from './api'

export type PlaceResult = { ok: true; location: Location } | { ok: false; cancelled: boolean }

/** weapp only: whether the map picker exists here. */
export const canPickOnMap = (): boolean => process.env.TARO_ENV === 'weapp'

/** The map picker (weapp): the place's coordinates, name and address. */
export async function pickOnMap(): Promise<PlaceResult> {
  if (process.env.TARO_ENV !== 'weapp') return { ok: false, cancelled: false }
  try {
    const p = await Taro.chooseLocation({})
    const location: Location = { latitude: p.latitude, longitude: p.longitude }
    if (p.name) location.name = p.name.slice(0, 50)
    if (p.address) location.address = p.address.slice(0, 100)
    return { ok: true, location }
  } catch (err) {
    return { ok: false, cancelled: /cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err)) }
  }
}

/** The phone's own position, in the coordinates Chinese maps use. */
export async function myPosition(): Promise<PlaceResult> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const at = await Taro.getLocation({ type: 'wgs84' })
      return { ok: true, location: wgs84ToGcj02({ latitude: at.latitude, longitude: at.longitude }) }
    }
    const at = await Taro.getLocation({ type: 'gcj02' })
    return { ok: true, location: { latitude: at.latitude, longitude: at.longitude } }
  } catch {
    return { ok: false, cancelled: false }
  }
}

/** weapp only: open the place in WeChat's map, from where the worker can navigate. */
export const canNavigate = (l: Location | null | undefined): boolean =>
  process.env.TARO_ENV === 'weapp' && typeof l?.latitude === 'number' && typeof l?.longitude === 'number'

export function navigateTo(l: Location): void {
  if (!canNavigate(l)) return
  Taro.openLocation({
    latitude: l.latitude as number,
    longitude: l.longitude as number,
    name: l.name ?? '上报位置',
    address: l.address ?? '',
    scale: 17,
  }).catch(() => undefined)
}
