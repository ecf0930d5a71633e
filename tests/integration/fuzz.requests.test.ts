/**
 * Every action, driven by requests generated from its own zod schema — valid, near-valid (one thing
 * wrong) and hostile — as every kind of caller, on the built functions on a local cloud: no answer is
 * a 5xx, every answer keeps the contract (contract.harness.ts), and a refusal writes nothing.
 * About 330 requests in all; FUZZ_SEED=<n> explores other ones.
 */
import fc from 'fast-check'
import { hostileRequest, nearValidRequest, validRequest, type Pools } from '../helpers/requestArbitraries'
import { actionsUnderTest, CALLERS, FUZZ_SEED, poolsOf, violation } from './contract.harness'
import { startTown, type Town } from './functions.fixture'

jest.setTimeout(180_000)

let town: Town
let pools: Pools
beforeAll(async () => {
  town = await startTown()
  pools = await poolsOf(town)
})
afterAll(() => town?.stop())

const RUNS = { valid: 4, nearValid: 3, hostile: 2 }

describe.each(actionsUnderTest().map((t, i) => [`${t.fn}.${t.action}`, t, i] as const))(
  '%s',
  (_name, target, i) => {
    const run = async (kind: keyof typeof RUNS, requests: fc.Arbitrary<string>) => {
      await fc.assert(
        fc.asyncProperty(requests, fc.constantFrom(...CALLERS), async (body, openid) => {
          const broken = await violation(town, target, body, openid)
          if (broken) throw new Error(broken)
        }),
        { numRuns: RUNS[kind], seed: FUZZ_SEED + i, endOnFailure: true },
      )
    }

    it('keeps the contract for valid requests', () => run('valid', validRequest(target.schema, pools)))
    it('keeps the contract for near-valid requests', () =>
      run('nearValid', nearValidRequest(target.schema, pools)))
    it('keeps the contract for hostile requests', () => run('hostile', hostileRequest(target.action)))
  },
)

describe('hostile requests do not hurt anyone else', () => {
  it('eight 5,000-deep bodies at once leave roster.me answered, and every worker alive', async () => {
    const deep = `{"action":"me","x":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`
    const [answers, me] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => town.cloud.call('roster', deep, 'demo-resident-1'))),
      town.call('roster', { action: 'me' }, 'demo-worker-1'),
    ])
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(Array(8).fill([400, 'INVALID_INPUT']))
    expect(me.ok).toBe(true)
    expect(town.cloud.logs()).not.toMatch(/Maximum call stack|crashed|timed out/)
  })
})
