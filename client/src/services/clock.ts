/**
 * "Now" for countdowns. weapp: the phone's clock. h5 (dev and tests): the local cloud's clock, which
 * tests move forward, asked once per load (dev/clock.ts, compiled out of the weapp build).
 */
type DevClock = typeof import('../dev/clock')

export async function serverNow(): Promise<number> {
  if (process.env.TARO_ENV === 'h5') {
    const clock: DevClock = require('../dev/clock')
    const ms = await clock.devNow()
    if (ms !== null) return ms
  }
  return Date.now()
}
