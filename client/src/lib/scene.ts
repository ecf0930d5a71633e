/**
 * A grid's 小程序码 opens the home page with the grid id as `scene` (WeChat passes it URL-encoded in
 * the page's options; the local stand-in puts it in the address). Pure: unit-tested under Node.
 *
 * @example
 * gridFromScene('g01') // 'g01'
 * gridFromScene('town-xiashi-g001') // 'town-xiashi-g001'
 */
export const gridFromScene = (scene: string | undefined): string | undefined => {
  if (!scene) return undefined
  let decoded = scene
  try {
    decoded = decodeURIComponent(scene)
  } catch {
    return undefined
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(decoded) ? decoded : undefined
}
