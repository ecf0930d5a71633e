/**
 * "Now" for countdowns. weapp: the phone's clock. h5 (dev and tests): the local cloud's clock, which
 * tests move forward, asked once per load (dev/clock.ts).
 */
type DevClock = typeof import('../dev/clock')

// Required at module level under a constant condition, so webpack drops it from the weapp build
// (inside an async function Babel's regenerator would hide the branch from webpack).
const devClock: DevClock | null = process.env.TARO_ENV === 'h5' ? require('../dev/clock') : null

export async function serverNow(): Promise<number> {
  if (devClock) {
    const ms = await devClock.devNow()
    if (ms !== null) return ms
  }
  return Date.now()
}
