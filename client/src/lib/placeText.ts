/**
 * A place in words, for a card or a form: `石桥村村委会（青山镇石桥村一组）`, the typed words alone,
 * or the coordinates when that is all there is. Pure (no Taro): unit-tested under Node.
 */
export interface PlaceLike {
  latitude?: number
  longitude?: number
  name?: string
  address?: string
}

export function placeText(l: PlaceLike | null | undefined): string {
  if (!l) return ''
  const name = l.name?.trim() ?? ''
  const address = l.address?.trim() ?? ''
  if (name && address && name !== address) return `${name}（${address}）`
  if (name || address) return name || address
  if (typeof l.latitude === 'number' && typeof l.longitude === 'number')
    return `已定位（北纬${l.latitude.toFixed(4)}°，东经${l.longitude.toFixed(4)}°）`
  return ''
}
