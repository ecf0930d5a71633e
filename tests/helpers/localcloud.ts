/**
 * startLocalCloud(): runs the built local cloud (`node build/localcloud/server.cjs`) on a free port
 * with a temporary DATA_DIR, waits for its READY line, and gives tests a small client for it.
 * Builds the functions and the local cloud first if the build is missing or older than the sources.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const REPO = resolve(__dirname, '..', '..')
const SERVER = join(REPO, 'build', 'localcloud', 'server.cjs')
export const BUILT_FUNCTIONS = join(REPO, 'build', 'cloudfunctions')

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are whatever JSON the server sent
export interface Reply<T = any> {
  status: number
  body: T
  headers: Headers
}

export interface StartOptions {
  /** Reuse a data folder (e.g. after kill9); default: a new temp folder, removed by stop(). */
  dataDir?: string
  /** Extra environment (FUNCTIONS_DIR, FUNCTION_TIMEOUT_MS, TIMER_TICK_MS, SEED, …). */
  env?: Record<string, string>
  /** Run the seed (system.init) before READY. Default false. */
  seed?: boolean
  /** How long to wait for READY. Default 15 s. */
  readyTimeoutMs?: number
}

export interface LocalCloud {
  url: string
  port: number
  dataDir: string
  /** POST /api/functions/<name>; no X-WX-OPENID header when openid is omitted. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(
    name: string,
    data: unknown,
    openid?: string,
    headers?: Record<string, string>,
  ): Promise<Reply<T>>
  /** Any request against the server (path starting with '/'). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(path: string, init?: RequestInit): Promise<Reply<T>>
  dev: {
    clock(body?: { advanceMs?: number; now?: string }): Promise<Reply>
    runTimer(name: string): Promise<Reply>
    timers(): Promise<Reply>
    messages(touser?: string): Promise<Reply>
    subscribe(openid: string, templateIds: string[]): Promise<Reply>
    reset(): Promise<Reply>
    faults(body: Record<string, unknown>): Promise<Reply>
    ops(invocation?: string): Promise<Reply>
    health(): Promise<Reply>
    /** The cloud console's 云端测试: runs a function with `event` as the environment's operator (no OPENID). */
    console(name: string, event: Record<string, unknown>): Promise<Reply>
  }
  /** Everything the server printed so far (stdout + stderr). */
  logs(): string
  stop(): Promise<void>
  kill9(): Promise<void>
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/** Runs scripts/build-functions.mjs when an output is missing or a source is newer than the build. */
export function ensureBuilt(): void {
  const built =
    existsSync(SERVER) && existsSync(join(REPO, 'build', 'localcloud', 'worker.cjs'))
      ? statSync(SERVER).mtimeMs
      : 0
  const sources = Math.max(
    ...['localcloud', 'cloudfunctions', 'shared'].map((d) => newestMtime(join(REPO, d))),
  )
  if (built && built >= sources) return
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-functions.mjs')], {
    cwd: REPO,
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`build-functions failed:\n${r.stdout}\n${r.stderr}`)
}

export interface TestFunction {
  /** CommonJS source of index.js (may require wx-server-sdk). */
  code: string
  config?: Record<string, unknown>
}

/** A temp FUNCTIONS_DIR holding the given test functions plus copies of built ones (e.g. 'system'). */
export function makeFunctionsDir(functions: Record<string, TestFunction>, copyBuilt: string[] = []): string {
  ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-fns-'))
  for (const name of copyBuilt) cpSync(join(BUILT_FUNCTIONS, name), join(dir, name), { recursive: true })
  for (const [name, fn] of Object.entries(functions)) {
    mkdirSync(join(dir, name), { recursive: true })
    writeFileSync(join(dir, name, 'index.js'), fn.code)
    writeFileSync(join(dir, name, 'config.json'), JSON.stringify(fn.config ?? {}))
  }
  return dir
}

/**
 * A temp FUNCTIONS_DIR with copies of every built function whose sweeper trigger never fires by
 * itself (moved to 2099), so moving the clock never runs it behind a caller's back: tests and the
 * bench run it with `dev.runTimer('sweeper')`.
 */
export function functionsDirWithQuietSweeper(): string {
  ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-fns-'))
  for (const name of readdirSync(BUILT_FUNCTIONS))
    cpSync(join(BUILT_FUNCTIONS, name), join(dir, name), { recursive: true })
  const configPath = join(dir, 'sweeper', 'config.json')
  const config = JSON.parse(readFileSync(configPath, 'utf8'))
  config.triggers = [{ name: 'everyMinute', type: 'timer', config: '0 0 0 1 1 * 2099' }]
  writeFileSync(configPath, JSON.stringify(config))
  return dir
}

export async function startLocalCloud(opts: StartOptions = {}): Promise<LocalCloud> {
  ensureBuilt()
  const ownsData = !opts.dataDir
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'yiwang-data-'))
  const child: ChildProcess = spawn(process.execPath, [SERVER], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SEED: opts.seed ? 'auto' : 'never', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`local cloud not ready in time:\n${output}`)),
      opts.readyTimeoutMs ?? 15_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /LOCALCLOUD_READY (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local cloud exited (${code}) before READY:\n${output}`))
    })
  })

  const request = async <T>(path: string, init: RequestInit = {}): Promise<Reply<T>> => {
    const res = await fetch(url + path, init)
    const text = await res.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: body as T, headers: res.headers }
  }
  const post = (path: string, body?: unknown) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    })

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }

  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    call: (name, data, openid, headers = {}) =>
      request(`/api/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(openid ? { 'x-wx-openid': openid } : {}),
          ...headers,
        },
        body: typeof data === 'string' ? data : JSON.stringify(data ?? {}),
      }),
    request,
    dev: {
      clock: (body) => (body ? post('/__dev/clock', body) : request('/__dev/clock')),
      runTimer: (name) => post(`/__dev/timers/${encodeURIComponent(name)}`),
      timers: () => request('/__dev/timers'),
      messages: (touser) =>
        request(`/__dev/messages${touser ? `?touser=${encodeURIComponent(touser)}` : ''}`),
      subscribe: (openid, templateIds) => post('/__dev/subscribe', { openid, templateIds }),
      reset: () => post('/__dev/reset'),
      faults: (body) => post('/__dev/faults', body),
      ops: (invocation) =>
        request(`/__dev/ops${invocation ? `?invocation=${encodeURIComponent(invocation)}` : ''}`),
      health: () => request('/__dev/health'),
      console: (name, event) => post(`/__dev/console/${encodeURIComponent(name)}`, event),
    },
    logs: () => output,
    async stop() {
      await stopWith('SIGTERM')
      if (ownsData) rmSync(dataDir, { recursive: true, force: true })
    },
    kill9: () => stopWith('SIGKILL'),
  }
}
