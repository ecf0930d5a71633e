/**
 * DEV ONLY (h5 build): the local cloud's clock, which tests move with `/__dev/clock`. Required only
 * under `process.env.TARO_ENV === 'h5'` (services/clock.ts), so the weapp build never carries it.
 */
export async function devNow(): Promise<number | null> {
  try {
    const res = await fetch('/__dev/clock')
    const body = (await res.json()) as { now?: string }
    const ms = body.now ? Date.parse(body.now) : NaN
    return Number.isFinite(ms) ? ms : null
  } catch {
    return null
  }
}
