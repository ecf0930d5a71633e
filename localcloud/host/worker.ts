/**
 * A function worker: one child process, one invocation at a time. It loads the real wx-server-sdk
 * once, points it at the local cloud (TCB_CONTEXT_CNFG, set by the parent per worker), replaces
 * `cloud.openapi`, shifts `Date` to the local cloud's clock, and runs built bundles unmodified.
 */
import { statSync } from 'node:fs'
import { createOpenApi } from '../openapi/client'
import { installDateShift, setClockOffset } from './dateShift'
import type { FromWorker, InvokeMessage, ToWorker } from './protocol'
import { installOpenApi, installResolver } from './sdkPatch'

const baseUrl = required('LOCALCLOUD_URL')
const workerId = required('LOCALCLOUD_WORKER_ID')
const sdkPath = required('LOCALCLOUD_SDK_PATH')
const functionsDir = required('LOCALCLOUD_FUNCTIONS_DIR')

function required(name: string): string {
  const v = process.env[name]
  if (!v) throw new Error(`worker: missing ${name}`)
  return v
}

function send(message: FromWorker): void {
  process.send?.(message)
}

let currentFunction = ''
installResolver(sdkPath, functionsDir)
installDateShift()
const sdk = require(sdkPath) as Record<string, unknown>
installOpenApi(
  sdk,
  createOpenApi({
    async call(api, body) {
      const res = await fetch(`${baseUrl}/__openapi/${encodeURIComponent(api)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-localcloud-worker': workerId },
        body: JSON.stringify({ ...body, functionName: currentFunction }),
      })
      return (await res.json()) as Record<string, unknown>
    },
  }),
)

type Main = (event: unknown, context: unknown) => unknown
const bundles = new Map<string, { mtimeMs: number; main: Main }>()

/** Loads a bundle once per worker (again only if the file changed on disk). */
function load(path: string): { main: Main; loadMs: number } {
  const mtimeMs = statSync(path).mtimeMs
  const hit = bundles.get(path)
  if (hit && hit.mtimeMs === mtimeMs) return { main: hit.main, loadMs: 0 }
  const started = Date.now()
  delete require.cache[require.resolve(path)]
  const mod = require(path) as { main?: Main; default?: { main?: Main } }
  const main = mod.main ?? mod.default?.main
  if (typeof main !== 'function') throw new Error(`${path} does not export main`)
  bundles.set(path, { mtimeMs, main })
  return { main, loadMs: Date.now() - started }
}

let invocationEnvKeys: string[] = []

function applyEnv(env: Record<string, string>): void {
  for (const key of invocationEnvKeys) delete process.env[key]
  invocationEnvKeys = Object.keys(env)
  Object.assign(process.env, env)
}

let inFlight: string | null = null

async function run(msg: InvokeMessage): Promise<void> {
  inFlight = msg.id
  currentFunction = msg.functionName
  setClockOffset(msg.clockOffsetMs)
  applyEnv(msg.env)
  let loadMs = 0
  try {
    const loaded = load(msg.bundlePath)
    loadMs = loaded.loadMs
    const value = await loaded.main(msg.event, msg.context)
    reply({ type: 'result', id: msg.id, ok: true, value: value === undefined ? null : toJson(value), loadMs })
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err))
    reply({ type: 'result', id: msg.id, ok: false, error: { message: e.message, stack: e.stack }, loadMs })
  }
}

/** What a JSON HTTP answer would carry (Dates become strings, functions vanish). */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null')
}

function reply(message: FromWorker): void {
  if (message.type === 'result' && message.id !== inFlight) return
  inFlight = null
  try {
    send(message)
  } catch (err) {
    if (message.type === 'result') {
      send({
        type: 'result',
        id: message.id,
        ok: false,
        error: { message: `result not serialisable: ${(err as Error).message}` },
        loadMs: message.loadMs,
      })
    }
  }
}

process.on('message', (msg: ToWorker) => {
  if (msg.type === 'clock') setClockOffset(msg.offsetMs)
  else if (msg.type === 'invoke') void run(msg)
})

process.on('unhandledRejection', (reason) => {
  console.error(`[worker ${workerId}] unhandled rejection in ${currentFunction || '(idle)'}:`, reason)
})

process.on('uncaughtException', (err) => {
  console.error(`[worker ${workerId}] uncaught exception in ${currentFunction || '(idle)'}:`, err)
  if (inFlight)
    reply({
      type: 'result',
      id: inFlight,
      ok: false,
      error: { message: err.message, stack: err.stack },
      loadMs: 0,
    })
  process.exit(1)
})

process.on('disconnect', () => process.exit(0))

send({ type: 'ready', bootMs: Math.round(process.uptime() * 1000) })
