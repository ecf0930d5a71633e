/**
 * The demo town on a real local cloud, for the functions' integration tests: the built bundles and
 * the local cloud's own seed (`system.init`, then the demo town, as `npm start` does). The sweeper's trigger is moved far
 * into the future in a copy of the build, so moving the clock never runs it behind a test's back:
 * tests run it with `dev.runTimer('sweeper')`.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUILT_FUNCTIONS, ensureBuilt, startLocalCloud, type LocalCloud, type Reply } from '../helpers/localcloud'
import { initCloud } from '../helpers/tcbServer'

export interface Town {
  cloud: LocalCloud
  /** Calls a function as `openid` and answers its envelope, with the invocation's database operations. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(name: string, data: unknown, openid: string): Promise<Envelope<T> & { ops: number }>
  db: ReturnType<typeof sdkDb>
  count(collection: string, where?: object): Promise<number>
  now(): Promise<Date>
  stop(): Promise<void>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Envelope<T = any> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } }

function quietFunctionsDir(): string {
  ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-fns-'))
  for (const name of readdirSync(BUILT_FUNCTIONS)) cpSync(join(BUILT_FUNCTIONS, name), join(dir, name), { recursive: true })
  const configPath = join(dir, 'sweeper', 'config.json')
  const config = JSON.parse(readFileSync(configPath, 'utf8'))
  config.triggers = [{ name: 'everyMinute', type: 'timer', config: '0 0 0 1 1 * 2099' }]
  writeFileSync(configPath, JSON.stringify(config))
  return dir
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sdkDb = (url: string) => initCloud(`${url}/tcb`).database() as any

export async function startTown(): Promise<Town> {
  const functionsDir = quietFunctionsDir()
  const cloud = await startLocalCloud({ seed: true, env: { FUNCTIONS_DIR: functionsDir, TIMER_TICK_MS: '0', POOL_SIZE: '6' } })
  const db = sdkDb(cloud.url)
  const now = async () => new Date((await cloud.dev.clock()).body.now)
  return {
    cloud,
    db,
    now,
    async call(name, data, openid) {
      const res: Reply = await cloud.call(name, data, openid)
      if (res.status !== 200) throw new Error(`${name} answered HTTP ${res.status}: ${JSON.stringify(res.body)}`)
      return { ...res.body, ops: Number(res.headers.get('x-db-ops') ?? -1) }
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
