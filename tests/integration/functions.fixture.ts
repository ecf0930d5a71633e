/**
 * The demo town on a real local cloud, for the functions' integration tests: the built bundles and
 * the local cloud's own seed (`system.init`, then the demo town, as `npm start` does). The sweeper's trigger is moved far
 * into the future in a copy of the build, so moving the clock never runs it behind a test's back:
 * tests run it with `town.sweep()`.
 *
 * Every `ok` answer a test receives through `call` or `sweep` is checked against the function's
 * response schema in shared/ (`FUNCTION_SCHEMAS[fn].responses[action]`): it must parse, and parsing
 * must drop nothing. The API reference is generated from those schemas, so it cannot lie about what
 * the functions answer.
 */
import { rmSync } from 'node:fs'
import { FUNCTION_SCHEMAS } from '@shared/index'
import * as z from 'zod'
import {
  functionsDirWithQuietSweeper,
  startLocalCloud,
  type LocalCloud,
  type Reply,
} from '../helpers/localcloud'
import { initCloud } from '../helpers/tcbServer'

export interface Town {
  cloud: LocalCloud
  /** The copy of the built functions this town runs (a test may change a config.json in it). */
  functionsDir: string
  /** Calls a function as `openid` and answers its envelope, with the invocation's database operations. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(name: string, data: unknown, openid: string): Promise<Envelope<T> & { ops: number }>
  /** Runs the sweeper's timer now (as the platform would) and answers its report. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sweep(): Promise<any>
  db: ReturnType<typeof sdkDb>
  count(collection: string, where?: object): Promise<number>
  /**
   * What the operator runs after editing a town's set-up in the console (`system.townChanged`): a
   * test that writes config, staff, grids or villages straight into the database calls it.
   */
  townChanged(townId?: string): Promise<void>
  now(): Promise<Date>
  stop(): Promise<void>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Envelope<T = any> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } }

/** Paths present in `given` but not in `parsed`: fields the schema does not declare (zod strips them). */
function undeclared(given: unknown, parsed: unknown, path = 'data'): string[] {
  if (Array.isArray(given) && Array.isArray(parsed))
    return given.flatMap((g, i) => undeclared(g, parsed[i], `${path}[${i}]`))
  if (typeof given !== 'object' || given === null || typeof parsed !== 'object' || parsed === null) return []
  return Object.entries(given).flatMap(([k, v]) =>
    v === undefined
      ? []
      : k in parsed
        ? undeclared(v, (parsed as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k}`],
  )
}

/**
 * Throws unless an `ok` answer's data parses with its response schema and declares every field it
 * carries. Functions outside FUNCTION_SCHEMAS (`system`, run by the seed) are not part of the API.
 */
export function checkAnswer(fn: string, action: string, answer: Envelope): void {
  if (!answer.ok || fn === 'system') return
  const spec = FUNCTION_SCHEMAS[fn as keyof typeof FUNCTION_SCHEMAS]
  const schema = (spec?.responses as Record<string, z.ZodType> | undefined)?.[action]
  if (schema === undefined)
    throw new Error(`${fn}.${action} answered ok, but FUNCTION_SCHEMAS has no response schema for it`)
  const parsed = schema.safeParse(answer.data)
  if (!parsed.success)
    throw new Error(
      `${fn}.${action}: answer does not match its response schema:\n${z.prettifyError(parsed.error)}`,
    )
  const extra = undeclared(answer.data, parsed.data)
  if (extra.length > 0)
    throw new Error(
      `${fn}.${action}: answer carries fields its response schema does not declare: ${extra.join(', ')}`,
    )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sdkDb = (url: string) => initCloud(`${url}/tcb`).database() as any

export async function startTown(): Promise<Town> {
  const functionsDir = functionsDirWithQuietSweeper()
  const cloud = await startLocalCloud({
    seed: true,
    env: { FUNCTIONS_DIR: functionsDir, TIMER_TICK_MS: '0', POOL_SIZE: '6' },
  })
  const db = sdkDb(cloud.url)
  const now = async () => new Date((await cloud.dev.clock()).body.now)
  return {
    cloud,
    functionsDir,
    db,
    now,
    async call(name, data, openid) {
      const res: Reply = await cloud.call(name, data, openid)
      if (res.status !== 200)
        throw new Error(`${name} answered HTTP ${res.status}: ${JSON.stringify(res.body)}`)
      checkAnswer(name, String((data as { action?: unknown })?.action ?? 'timer'), res.body)
      return { ...res.body, ops: Number(res.headers.get('x-db-ops') ?? -1) }
    },
    async sweep() {
      const res: Reply = await cloud.dev.runTimer('sweeper')
      if (res.status !== 200 || !res.body.ok)
        throw new Error(`sweeper answered HTTP ${res.status}: ${JSON.stringify(res.body)}`)
      checkAnswer('sweeper', 'timer', res.body)
      return res.body.data
    },
    async townChanged(townId = 'town-qingshan') {
      const res: Reply = await cloud.dev.console('system', { action: 'townChanged', townId })
      if (res.status !== 200 || !res.body.ok)
        throw new Error(`system.townChanged answered HTTP ${res.status}: ${JSON.stringify(res.body)}`)
    },
    async count(collection, where = {}) {
      return (await db.collection(collection).where(where).count()).total
    },
    async stop() {
      await cloud.stop()
      rmSync(functionsDir, { recursive: true, force: true })
    },
  }
}

let seq = 0
/** A fresh client request id (what the client makes once per tap). */
export const requestId = (): string => `req-${Date.now().toString(36)}-${(++seq).toString(36)}`

export const expectOk = <T>(r: Envelope<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.data
}
