/**
 * DEV ONLY (h5 build): which openid the browser pretends to be. Compiled out of the weapp build —
 * only ever required under `process.env.TARO_ENV === 'h5'`.
 *
 * Order: `?openid=` in the URL (search or hash query; also stored) → localStorage → the default resident.
 */

export const DEV_IDENTITY_MARKER = 'yiwang-dev-identity-switcher'
export const STORAGE_KEY = 'yiwang.dev.openid'
export const DEFAULT_OPENID = 'demo-resident-1'

export const PRESETS: ReadonlyArray<{ openid: string; label: string }> = [
  { openid: 'demo-resident-1', label: '群众' },
  { openid: 'demo-worker-1', label: '网格员' },
  { openid: 'demo-village-guide-1', label: '村级指导员' },
  { openid: 'demo-town-guide-1', label: '镇级指导员' },
  { openid: 'demo-supervisor-1', label: '督导员' },
  { openid: 'demo-admin', label: '网格办' },
]

function fromUrl(): string | null {
  if (typeof window === 'undefined') return null
  const { search, hash } = window.location
  const q = new URLSearchParams(search).get('openid')
  if (q) return q
  const i = hash.indexOf('?')
  return i >= 0 ? new URLSearchParams(hash.slice(i + 1)).get('openid') : null
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function getDevOpenid(): string {
  const q = fromUrl()?.trim()
  if (q) {
    try {
      window.localStorage.setItem(STORAGE_KEY, q)
    } catch {
      /* private mode: the URL still decides */
    }
    return q
  }
  return readStored()?.trim() || DEFAULT_OPENID
}

/** Store a new identity and reload the app without the `openid` query so the stored one wins. */
export function switchDevOpenid(openid: string): void {
  const id = openid.trim()
  if (!id) return
  try {
    window.localStorage.setItem(STORAGE_KEY, id)
  } catch {
    /* ignore */
  }
  const url = new URL(window.location.href)
  url.searchParams.delete('openid')
  const i = url.hash.indexOf('?')
  if (i >= 0) {
    const params = new URLSearchParams(url.hash.slice(i + 1))
    params.delete('openid')
    const rest = params.toString()
    url.hash = url.hash.slice(0, i) + (rest ? `?${rest}` : '')
  }
  if (url.search !== window.location.search) {
    window.location.replace(url.toString()) // a new query string: a full load
  } else {
    window.history.replaceState(null, '', url.toString())
    window.location.reload()
  }
}

export function presetLabel(openid: string): string {
  return PRESETS.find((p) => p.openid === openid)?.label ?? openid
}
