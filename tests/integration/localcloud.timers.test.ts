/** Timer triggers run on the local cloud's virtual clock; functions see that clock. */
import { rmSync } from 'node:fs'
import { makeFunctionsDir, startLocalCloud, type LocalCloud } from '../helpers/localcloud'

const CONTEXT_FN = `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => ({ event, context: cloud.getWXContext(), now: new Date().toISOString(), nowMs: Date.now() })`

const FUNCTIONS = {
  // every day at 02:00 (UTC+8)
  nightly: {
    code: CONTEXT_FN,
    config: { triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }] },
  },
  // only in 2031: never due in these tests
  future: {
    code: CONTEXT_FN,
    config: { triggers: [{ name: 'in2031', type: 'timer', config: '0 0 3 1 1 * 2031' }] },
  },
  plain: { code: CONTEXT_FN },
}

let lc: LocalCloud
let fnDir: string

beforeAll(async () => {
  fnDir = makeFunctionsDir(FUNCTIONS)
  lc = await startLocalCloud({ env: { FUNCTIONS_DIR: fnDir, TIMER_TICK_MS: '0' } })
})

afterAll(async () => {
  await lc?.stop()
  rmSync(fnDir, { recursive: true, force: true })
})

const nightlyRuns = async () =>
  (await lc.dev.timers()).body.runs.filter((r: { functionName: string }) => r.functionName === 'nightly')

test('functions see the local cloud clock (Date.now and new Date)', async () => {
  const setAt = Date.now()
  const set = await lc.dev.clock({ now: '2030-03-01T10:00:00.000Z' })
  expect(set.status).toBe(200)
  const r = await lc.call('plain', {}, 'oAlice')
  // the virtual clock runs on from the instant set, as far as real time ran meanwhile (however slow)
  const elapsed = Date.now() - setAt
  expect(r.body.nowMs).toBeGreaterThanOrEqual(Date.parse('2030-03-01T10:00:00.000Z'))
  expect(r.body.nowMs).toBeLessThanOrEqual(Date.parse('2030-03-01T10:00:00.000Z') + elapsed)
  expect(r.body.now.slice(0, 13)).toBe('2030-03-01T10')
  expect((await lc.dev.clock()).body.now.slice(0, 13)).toBe('2030-03-01T10')
})

test('advancing past the trigger time fires it once, even across many missed runs', async () => {
  // 02:00 on 2030-03-02 in UTC+8 is 2030-03-01T18:00Z
  await lc.dev.clock({ now: '2030-03-01T17:59:00.000Z' })
  const before = (await nightlyRuns()).length
  const one = await lc.dev.clock({ advanceMs: 2 * 60_000 })
  expect(one.body.fired).toEqual([
    expect.objectContaining({
      functionName: 'nightly',
      triggerName: 'nightly',
      time: '2030-03-01T18:00:00Z',
      status: 'ok',
    }),
  ])
  expect((await nightlyRuns()).length).toBe(before + 1)

  // ten days at once: ten 02:00s passed, one coalesced run for the latest
  const ten = await lc.dev.clock({ advanceMs: 10 * 24 * 3600_000 })
  expect(ten.body.fired).toHaveLength(1)
  expect(ten.body.fired[0].time).toBe('2030-03-11T18:00:00Z')
  expect((await nightlyRuns()).length).toBe(before + 2)

  // a small step that passes no 02:00 fires nothing
  expect((await lc.dev.clock({ advanceMs: 60_000 })).body.fired).toEqual([])
})

test('a timer invocation has SOURCE wx_trigger, no OPENID and the Timer event', async () => {
  const runs = await nightlyRuns()
  const last = runs[0]
  expect(last.result.event).toEqual({
    Type: 'Timer',
    TriggerName: 'nightly',
    Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  })
  expect(last.result.context.SOURCE).toBe('wx_trigger')
  expect(last.result.context.OPENID).toBeUndefined()
  expect(last.result.context.ENV).toBe('local')
})

test('POST /__dev/timers/<name> runs the timer now and returns its result', async () => {
  const r = await lc.dev.runTimer('nightly')
  expect(r.status).toBe(200)
  expect(r.body.event).toMatchObject({ Type: 'Timer', TriggerName: 'nightly' })
  expect(r.body.context).toMatchObject({ SOURCE: 'wx_trigger', APPID: 'touristappid' })
  expect(r.body.context).not.toHaveProperty('OPENID')
  expect(r.headers.get('x-invocation-id')).toBeTruthy()
  expect((await lc.dev.runTimer('plain')).status).toBe(404)
  expect((await lc.dev.runTimer('missing')).status).toBe(404)
})

test('GET /__dev/timers lists triggers with their next run (year field honoured)', async () => {
  const { body } = await lc.dev.timers()
  const future = body.triggers.find((t: { functionName: string }) => t.functionName === 'future')
  expect(future.nextRun).toBe('2030-12-31T19:00:00.000Z')
  const nightly = body.triggers.find((t: { functionName: string }) => t.functionName === 'nightly')
  expect(nightly.error).toBeNull()
})

test('the real-time tick fires due triggers without any clock advance', async () => {
  const dir = makeFunctionsDir({
    everySecond: {
      code: CONTEXT_FN,
      config: { triggers: [{ name: 'tick', type: 'timer', config: '* * * * * * *' }] },
    },
  })
  const ticking = await startLocalCloud({ env: { FUNCTIONS_DIR: dir, TIMER_TICK_MS: '200' } })
  try {
    const deadline = Date.now() + 5000
    let runs: Array<{ reason: string; status: string }> = []
    while (Date.now() < deadline && runs.length < 2) {
      await new Promise((r) => setTimeout(r, 250))
      runs = (await ticking.dev.timers()).body.runs
    }
    expect(runs.length).toBeGreaterThanOrEqual(2)
    expect(runs[0]).toMatchObject({ reason: 'tick', status: 'ok' })
  } finally {
    await ticking.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})
