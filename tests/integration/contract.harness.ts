/**
 * What the contract and fuzz tests hold every answer to (docs/api.md): an HTTP status below 500, the
 * envelope, an `ok` answer that parses with the action's response schema, a refusal whose code the
 * action declares (shared/schemas/actionErrors.ts), INVALID_INPUT with `details`, UNAUTHENTICATED
 * only without a WeChat identity, and no database write on a refusal.
 */
import { ANY_ACTION_ERRORS, DEFAULT_CATEGORIES, FUNCTION_SCHEMAS, type FunctionName } from '@shared/index'
import fc from 'fast-check'
import type { z } from 'zod'
import type { Reply } from '../helpers/localcloud'
import { requestJsonSchema, type Pools } from '../helpers/requestArbitraries'
import { checkAnswer, type Town } from './functions.fixture'

/** One of each kind of caller in the demo town, and a WeChat user nobody knows. */
export const CALLERS = [
  'demo-resident-1',
  'demo-informant-1',
  'demo-worker-1',
  'demo-village-guide-1',
  'demo-town-guide-1',
  'demo-supervisor-1',
  'demo-admin',
  'fuzz-stranger',
] as const

export interface ActionUnderTest {
  fn: FunctionName
  action: string
  /** The JSON schema of its request (for the arbitraries). */
  schema: ReturnType<typeof requestJsonSchema>
  declared: ReadonlySet<string>
}

/** Every action of every function in FUNCTION_SCHEMAS (the sweeper's timer event as `timer`). */
export function actionsUnderTest(): ActionUnderTest[] {
  return Object.entries(FUNCTION_SCHEMAS).flatMap(([fn, spec]) => {
    const request = spec.request as z.ZodType & { options?: z.ZodType[] }
    return (request.options ?? [request]).map((option) => {
      const schema = requestJsonSchema(option)
      const action: string = schema.properties?.action?.const ?? 'timer'
      const own = (spec.errors as Record<string, readonly string[]>)[action]
      if (!own) throw new Error(`${fn}.${action} declares no error codes (shared/schemas/actionErrors.ts)`)
      return { fn: fn as FunctionName, action, schema, declared: new Set([...ANY_ACTION_ERRORS, ...own]) }
    })
  })
}

const WRITES = ['insertDocument', 'modifyDocument', 'modifyAndReturnDoc', 'removeDocument', 'addCollection']

/** Real ids of the demo town, so generated requests reach permission and state checks. */
export async function poolsOf(town: Town): Promise<Pools> {
  const ids = async (collection: string, limit = 40) =>
    ((await town.db.collection(collection).limit(limit).get()).data as { _id: string }[]).map((d) => d._id)
  const [tickets, grids, villages, staff, notifications] = await Promise.all([
    ids('tickets', 60),
    ids('grids'),
    ids('villages'),
    ids('staff'),
    ids('notifications'),
  ])
  const from = (values: string[]) => fc.constantFrom(...values, 'nosuch-id')
  return {
    ticketId: from(tickets),
    duplicateOf: from(tickets),
    gridId: from(grids),
    toGridId: from(grids),
    villageId: from(villages),
    staffId: from(staff),
    assigneeId: from(staff),
    'messageIds[]': from(notifications),
    categoryCode: fc.constantFrom(...DEFAULT_CATEGORIES.map((c) => c.code), 'nosuch'),
    code: fc.constantFrom('DEMOBIND1', 'DEMOBIND2', 'D0000001', 'ZZZZZZZZ'),
    'results{}': fc.constantFrom('TPL_TICKET_ACCEPTED', 'TPL_TASK_NEW', 'TPL_NOSUCH'),
    expectedVersion: fc.integer({ min: 0, max: 6 }),
  }
}

/** The answer's code ('ok' for an ok answer), set by `violation` for callers that tally them. */
export let lastCode = ''

/**
 * Sends `body` (JSON text) to `fn` as `openid` and checks the answer against the contract; answers
 * a one-line description of what broke, or null.
 */
export async function violation(
  town: Town,
  target: ActionUnderTest,
  body: string,
  openid: string,
): Promise<string | null> {
  const r: Reply = await town.cloud.call(target.fn, body, openid)
  lastCode = r.body?.ok === true ? 'ok' : String(r.body?.error?.code ?? r.status)
  const where = `${target.fn}.${target.action} as ${openid} with ${body.slice(0, 200)}`
  if (r.status >= 500) return `${where}: HTTP ${r.status} ${JSON.stringify(r.body)}`
  if (![200, 400, 413].includes(r.status)) return `${where}: unexpected HTTP ${r.status}`
  const answer = r.body
  if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean')
    return `${where}: not an envelope: ${JSON.stringify(answer)}`
  if (answer.ok) {
    try {
      checkAnswer(target.fn, target.action, answer)
    } catch (err) {
      return `${where}: ${(err as Error).message}`
    }
    return null
  }
  const { code, message, details } = answer.error ?? {}
  if (!target.declared.has(code))
    return `${where}: answered ${code} (${message}), not declared (${[...target.declared].join(', ')})`
  if (typeof message !== 'string' || !/[\u4e00-\u9fff]/.test(message))
    return `${where}: ${code} without a Chinese message`
  if (code === 'UNAUTHENTICATED') return `${where}: UNAUTHENTICATED for a caller with a WeChat identity`
  if (code === 'INVALID_INPUT') {
    const ok =
      Array.isArray(details) &&
      details.length > 0 &&
      details.every((d) => typeof d?.path === 'string' && typeof d?.message === 'string')
    if (!ok) return `${where}: INVALID_INPUT without details: ${JSON.stringify(answer.error)}`
  }
  const id = r.headers.get('x-invocation-id')
  if (id === null) return null // refused by the HTTP layer: no function ran
  const record = (await town.cloud.dev.ops(id)).body as { dbActions: Record<string, number> }
  const count = (name: string) => record.dbActions[`database.${name}`] ?? 0
  const writes = WRITES.reduce((n, w) => n + count(w), 0)
  if (count('commitTransaction') > 0 || (writes > 0 && count('abortTransaction') === 0))
    return `${where}: refused with ${code} but wrote: ${JSON.stringify(record.dbActions)}`
  return null
}

/** fast-check's seed: fixed so CI is repeatable; FUZZ_SEED explores others. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261128)
