/** Calls on the local cloud for the county benchmark: actions, the sweeper's timer, the clock. */
import type { LocalCloud } from '../../tests/helpers/localcloud'

export const MINUTE = 60_000

export async function call(cloud: LocalCloud, fn: string, data: Record<string, unknown>, openid: string) {
  const res = await cloud.call(fn, data, openid)
  return {
    ok: res.status === 200 && res.body?.ok === true,
    body: res.body,
    ops: Number(res.headers.get('x-db-ops')),
  }
}

export async function sweep(cloud: LocalCloud) {
  const started = Date.now()
  const res = await cloud.dev.runTimer('sweeper')
  if (res.status !== 200 || !res.body?.ok)
    throw new Error(`sweeper: ${res.status} ${JSON.stringify(res.body)}`)
  return { ops: Number(res.headers.get('x-db-ops')), ms: Date.now() - started, report: res.body.data }
}

export const clockNow = async (cloud: LocalCloud) => Date.parse((await cloud.dev.clock()).body.now)
/** To the next whole minute (+1 s), as the trigger `0 * * * * *` fires. */
export async function toNextMinute(cloud: LocalCloud) {
  const now = await clockNow(cloud)
  await cloud.dev.clock({ now: new Date(Math.floor(now / MINUTE) * MINUTE + MINUTE + 1000).toISOString() })
}

/** Idle sweeps at the minute after (not on) the abandoned-send check, the usual case. */
export async function idleSweepOps(cloud: LocalCloud): Promise<number> {
  for (let i = 0; i < 3; i++) await sweep(cloud)
  const now = await clockNow(cloud)
  const minute = Math.floor(now / MINUTE)
  if (minute % 10 === 0) await cloud.dev.clock({ advanceMs: MINUTE })
  return (await sweep(cloud)).ops
}
